package org.hldprep.process.pgaoutcomeinput;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.hldprep.process.ProcessTestSupport.complete;
import static org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.hldprep.process.ProcessTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/pga-outcome-input.bpmn", "processes/task-routing.dmn",
    "processes/forms/confirm-outcome-format.form", "processes/forms/draft-pga-technical-input.form",
    "processes/forms/clear-pga-technical-input.form", "processes/forms/share-input-with-pga.form",
    "processes/forms/prepare-delegation-key-messages.form", "processes/forms/clear-delegation-key-messages.form",
    "processes/forms/brief-delegations-on-request.form", "processes/forms/analyse-outcome-draft.form",
    "processes/forms/send-outcome-draft-comments.form", "processes/forms/finalize-pga-input.form"})
class PgaOutcomeInputProcessTest {

  private static final String BUSINESS_KEY = "HLD2013" + BUSINESS_KEY_SUFFIX;

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestSupport.coverage();

  @BeforeEach
  void registerBeans() {
    // As of MC/2353 (2 Nov 2012): the 2013 calendar lies ahead.
    ProcessTestSupport.today(ProcessTestSupport.MC_2353_ISSUED);
    ProcessTestSupport.registerCommonBeans();
    Mocks.register("pgaOutcomeInputStartListener", new PgaOutcomeInputStartListener());
    Mocks.register("recordOutcomeDraftListener", new RecordOutcomeDraftListener());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ProcessTestSupport.resetClock();
  }

  private static ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(KEY, BUSINESS_KEY);
  }

  private static void confirmFormat(ProcessInstance pi, String format) {
    assertThat(pi).isWaitingAt(TASK_CONFIRM_OUTCOME_FORMAT);
    assertThat(task()).hasCandidateGroup("iom-icp").hasDueDate(ProcessTestSupport.deadline("2013-01-31"));
    complete(pi.getId(), TASK_CONFIRM_OUTCOME_FORMAT, Map.of(MODALITIES_RESOLUTION, "A/RES/67/219",
        OUTCOME_FORMAT, format, "outcomeFormatNote", "op. 9"));
  }

  private static void draft(ProcessInstance pi, String taskKey) {
    assertThat(pi).isWaitingAt(taskKey);
    assertThat(task()).hasCandidateGroup("iom-mpr").hasDueDate(ProcessTestSupport.deadline("2013-06-28"));
    complete(pi.getId(), taskKey, Map.of("inputLink", "https://docs.example/iom-input",
        "inputSummary", "Migration in the post-2015 agenda", "themesCovered",
        Variables.objectValue(List.of("post-2015-mainstreaming", "gmg-gfmd-cooperation")).create()));
  }

  private static void clear(ProcessInstance pi, String taskKey, String decision) {
    assertThat(pi).isWaitingAt(taskKey);
    assertThat(task()).hasCandidateGroup("iom-dg");
    complete(pi.getId(), taskKey, Map.of(CLEARANCE_DECISION, decision, CLEARANCE_COMMENTS, "Shorter, please"));
  }

  private static void circulate(String label, String link) {
    Map<String, Object> payload = new HashMap<>();
    payload.put(DRAFT_LABEL, label);
    payload.put(DRAFT_LINK, link);
    runtimeService().createMessageCorrelation(MESSAGE_DRAFT_CIRCULATED).processInstanceBusinessKey(BUSINESS_KEY)
        .setVariables(payload).correlate();
  }

  private static void adopt(String symbol) {
    runtimeService().createMessageCorrelation(MESSAGE_OUTCOME_ADOPTED).processInstanceBusinessKey(BUSINESS_KEY)
        .setVariable(OUTCOME_SYMBOL, symbol).correlate();
  }

  private static List<Task> openTasks(ProcessInstance pi, String taskKey) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .orderByTaskCreateTime().asc().orderByTaskId().asc().list();
  }

  private static Object outcome(ProcessInstance pi) {
    return ProcessTestSupport.outcome(pi);
  }

  /** Member-State negotiation, cleared at once, then briefing: the tracking phase begins. */
  private static ProcessInstance startTrackingAfterKeyMessages() {
    ProcessInstance pi = start();
    confirmFormat(pi, FORMAT_MEMBER_STATE_NEGOTIATION);
    draft(pi, TASK_PREPARE_KEY_MESSAGES);
    clear(pi, TASK_CLEAR_KEY_MESSAGES, CLEARED);
    assertThat(pi).isWaitingAt(TASK_BRIEF_DELEGATIONS);
    assertThat(task()).hasCandidateGroup("iom-slo-nyc");
    complete(pi.getId(), TASK_BRIEF_DELEGATIONS, Map.of("keyMessagesAvailableOn", "2013-06-20",
        "delegationsBriefed", "Mexico, Philippines"));
    assertThat(pi).isWaitingAt(CATCH_OUTCOME_ADOPTED);
    return pi;
  }

  @Test
  void memberStateNegotiation_keyMessagesThenTwoDraftsAnalysedThenDeclarationAdopted() {
    ProcessInstance pi = startTrackingAfterKeyMessages();
    assertThat(pi).variables().containsEntry(OUTCOME_FORMAT, FORMAT_MEMBER_STATE_NEGOTIATION)
        .containsEntry(CLEARANCE_RETURNS, 0);

    circulate("zero draft", "https://docs.example/zero-draft");
    circulate("rev.1", "https://docs.example/rev1");
    List<Task> analyses = openTasks(pi, TASK_ANALYSE_DRAFT);
    Assertions.assertThat(analyses).hasSize(2);
    Task zeroDraft = analyses.get(0);
    Task rev1 = analyses.get(1);
    assertThat(zeroDraft).hasCandidateGroup("iom-slo-nyc").hasDueDate(ProcessTestSupport.dayStart("2013-10-03"));
    Assertions.assertThat(taskService().getVariable(zeroDraft.getId(), DRAFT_LABEL)).isEqualTo("zero draft");
    Assertions.assertThat(taskService().getVariable(zeroDraft.getId(), DRAFT_NUMBER)).isEqualTo(1);
    Assertions.assertThat(taskService().getVariable(rev1.getId(), DRAFT_LABEL)).isEqualTo("rev.1");
    Assertions.assertThat(taskService().getVariable(rev1.getId(), DRAFT_LINK)).isEqualTo("https://docs.example/rev1");
    assertThat(pi).variables().containsEntry(DRAFTS_CIRCULATED, 2).doesNotContainKey(DRAFT_LABEL);

    // the zero draft: comments requested, HLD coordination sends them
    taskService().complete(zeroDraft.getId(), Map.of(RECOMMENDATIONS_REFLECTED,
        Variables.objectValue(List.of("post-2015-mainstreaming")).create(), GAPS_FOUND, "No reference to RCPs (§33)",
        COMMENTS_REQUESTED, "yes", COMMENTS_REQUESTED_BY, "Co-facilitators", COMMENTS_DUE_BY, "2013-07-30"));
    Task comments = task(TASK_SEND_DRAFT_COMMENTS, pi);
    assertThat(comments).hasCandidateGroup("iom-icp");
    Assertions.assertThat(taskService().getVariable(comments.getId(), DRAFT_LABEL)).isEqualTo("zero draft");
    Assertions.assertThat(taskService().getVariable(comments.getId(), GAPS_FOUND))
        .isEqualTo("No reference to RCPs (§33)");

    // rev.1: no comments requested, its analysis ends there and keeps its own findings
    taskService().complete(rev1.getId(), Map.of(GAPS_FOUND, "None", COMMENTS_REQUESTED, "no"));
    Assertions.assertThat(openTasks(pi, TASK_ANALYSE_DRAFT)).isEmpty();
    Assertions.assertThat(taskService().getVariable(comments.getId(), COMMENTS_REQUESTED)).isEqualTo("yes");

    complete(pi.getId(), TASK_SEND_DRAFT_COMMENTS, Map.of(COMMENTS_LINK, "https://docs.example/comments",
        COMMENTS_SENT_ON, "2013-07-29"));
    assertThat(pi).hasPassed(END_COMMENTS_SENT, END_DRAFT_ANALYSED).isWaitingAt(CATCH_OUTCOME_ADOPTED);

    adopt("A/RES/68/4");
    assertThat(pi).isEnded().hasPassed(END_TRACKING_CLOSED, END_OUTCOME_ADOPTED).hasNotPassed(END_HLD_PASSED)
        .variables().containsEntry(OUTCOME_SYMBOL, "A/RES/68/4");
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_ADOPTED);
  }

  @Test
  void pgaDocument_returnedInputIsRedraftedClearedAndSharedWithThePga() {
    ProcessInstance pi = start();
    confirmFormat(pi, FORMAT_PGA_DOCUMENT);
    draft(pi, TASK_DRAFT_TECHNICAL_INPUT);
    clear(pi, TASK_CLEAR_TECHNICAL_INPUT, RETURNED);

    assertThat(pi).isWaitingAt(TASK_DRAFT_TECHNICAL_INPUT).variables()
        .containsEntry(CLEARANCE_COMMENTS, "Shorter, please").containsEntry(CLEARANCE_RETURNS, 1L);
    draft(pi, TASK_DRAFT_TECHNICAL_INPUT);
    clear(pi, TASK_CLEAR_TECHNICAL_INPUT, CLEARED);

    assertThat(pi).isWaitingAt(TASK_SHARE_INPUT_WITH_PGA).variables().containsEntry(CLEARANCE_RETURNS, 1L);
    assertThat(task()).hasCandidateGroup("iom-slo-nyc").hasDueDate(ProcessTestSupport.deadline("2013-06-28"));
    complete(pi.getId(), TASK_SHARE_INPUT_WITH_PGA, Map.of("inputSharedOn", "2013-06-25",
        "pgaOfficeContact", "Senior adviser to the PGA"));

    assertThat(pi).isWaitingAt(CATCH_OUTCOME_ADOPTED).hasNotPassed(TASK_PREPARE_KEY_MESSAGES);
    circulate("zero draft", "https://docs.example/pga-zero-draft");
    assertThat(task(TASK_ANALYSE_DRAFT, pi)).hasCandidateGroup("iom-slo-nyc");
    adopt("A/RES/68/4");
    assertThat(pi).isEnded().hasPassed(END_OUTCOME_ADOPTED);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_ADOPTED);
  }

  @Test
  void returnedKeyMessages_goBackToTheDrafters() {
    ProcessInstance pi = start();
    confirmFormat(pi, FORMAT_MEMBER_STATE_NEGOTIATION);
    draft(pi, TASK_PREPARE_KEY_MESSAGES);
    clear(pi, TASK_CLEAR_KEY_MESSAGES, RETURNED);
    assertThat(pi).isWaitingAt(TASK_PREPARE_KEY_MESSAGES).variables().containsEntry(CLEARANCE_RETURNS, 1L);
    draft(pi, TASK_PREPARE_KEY_MESSAGES);
    clear(pi, TASK_CLEAR_KEY_MESSAGES, CLEARED);
    assertThat(pi).isWaitingAt(TASK_BRIEF_DELEGATIONS).hasNotPassed(TASK_DRAFT_TECHNICAL_INPUT);
  }

  @Test
  void hldPassesWithoutAnAdoptedOutcome_openAnalysesAreCancelled() {
    ProcessInstance pi = startTrackingAfterKeyMessages();
    circulate("rev.2", "https://docs.example/rev2");
    circulate(null, null);
    List<Task> analyses = openTasks(pi, TASK_ANALYSE_DRAFT);
    Assertions.assertThat(analyses).hasSize(2);
    Assertions.assertThat(taskService().getVariable(analyses.get(1).getId(), DRAFT_LABEL))
        .as("a draft without a label does not inherit the previous one's").isEqualTo("draft 2");

    Assertions.assertThat(job(TIMER_HLD_PASSED, pi).getDuedate()).isEqualTo(ProcessTestSupport.deadline("2013-10-04"));
    execute(job(TIMER_HLD_PASSED, pi));
    assertThat(pi).isEnded().hasPassed(END_HLD_PASSED).hasNotPassed(END_OUTCOME_ADOPTED);
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_HLD_PASSED);
  }

  @Test
  void adoptionWithoutAnyDraft_endsAtOnce() {
    ProcessInstance pi = startTrackingAfterKeyMessages();
    adopt("A/RES/68/4");
    assertThat(pi).isEnded().hasPassed(END_OUTCOME_ADOPTED).variables().containsEntry(DRAFTS_CIRCULATED, 0);
  }

  @Test
  void draftsAreAcceptedOnlyOnceTrackingHasBegun() {
    ProcessInstance pi = start();
    assertThatThrownBy(() -> circulate("zero draft", "https://docs.example/zero"))
        .isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(pi).isWaitingAt(TASK_CONFIRM_OUTCOME_FORMAT);
  }

  @Test
  void calendarFromInputVariablesMovesDueDatesAndTheHldTimer() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, BUSINESS_KEY,
        Map.of("hldDate", "2013-10-10", "pgaInputDeadline", "2013-07-15"));
    assertThat(pi).variables().containsEntry("hldEndDate", "2013-10-11").containsEntry(MODALITIES_RESOLUTION,
        DEFAULT_MODALITIES_RESOLUTION);
    assertThat(task()).as("the format deadline follows the HLD").hasDueDate(ProcessTestSupport.deadline("2013-02-07"));
    complete(pi.getId(), TASK_CONFIRM_OUTCOME_FORMAT, Map.of(OUTCOME_FORMAT, FORMAT_PGA_DOCUMENT));
    assertThat(task()).hasDueDate(ProcessTestSupport.deadline("2013-07-15"));
  }

  @Test
  void badInputVariables_areRefusedNamingTheValue() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, Map.of(MODALITIES_RESOLUTION, "67/219")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'67/219'");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, Map.of("pgaInputDeadline", "June")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("pgaInputDeadline");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, Map.of("pgaInputDeadline", "2013-10-03")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("hldDate (2013-10-03) must come after pgaInputDeadline (2013-10-03)");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void aTextReturnedTooOften_isFinalizedByTheDirectorGeneral() {
    ProcessInstance technical = runtimeService().startProcessInstanceByKey(KEY, BUSINESS_KEY,
        Map.of(MAX_CLEARANCE_RETURNS, 1));
    confirmFormat(technical, FORMAT_PGA_DOCUMENT);
    draft(technical, TASK_DRAFT_TECHNICAL_INPUT);
    clear(technical, TASK_CLEAR_TECHNICAL_INPUT, RETURNED);
    assertThat(technical).isWaitingAt(TASK_FINALIZE_TECHNICAL_INPUT);
    assertThat(task()).hasCandidateGroup("iom-dg").hasDueDate(ProcessTestSupport.deadline("2013-06-28"));
    complete(technical.getId(), TASK_FINALIZE_TECHNICAL_INPUT, Map.of("finalInputLink", "https://docs.example/final"));
    assertThat(technical).isWaitingAt(TASK_SHARE_INPUT_WITH_PGA);

    ProcessInstance messages = start();
    confirmFormat(messages, FORMAT_MEMBER_STATE_NEGOTIATION);
    for (int round = 0; round < 2; round++) {
      draft(messages, TASK_PREPARE_KEY_MESSAGES);
      clear(messages, TASK_CLEAR_KEY_MESSAGES, RETURNED);
    }
    assertThat(messages).isWaitingAt(TASK_FINALIZE_KEY_MESSAGES).variables().containsEntry(CLEARANCE_RETURNS, 2L);
    complete(messages.getId(), TASK_FINALIZE_KEY_MESSAGES, Map.of("finalInputLink", "https://docs.example/km"));
    assertThat(messages).isWaitingAt(TASK_BRIEF_DELEGATIONS);
  }

  @Test
  void aPreparationOpenAtTheInputDeadline_isCutOff_andTheDraftsAreStillTracked() {
    ProcessInstance pi = start();
    confirmFormat(pi, FORMAT_MEMBER_STATE_NEGOTIATION);
    Assertions.assertThat(job(TIMER_INPUT_CUT_OFF, pi).getDuedate())
        .isEqualTo(ProcessTestSupport.deadline("2013-06-28"));
    execute(job(TIMER_INPUT_CUT_OFF, pi));
    assertThat(pi).isWaitingAt(CATCH_OUTCOME_ADOPTED).hasNotPassed(TASK_BRIEF_DELEGATIONS);
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "openAtCutOff").toString())
        .contains("input to the outcome");
    adopt("A/RES/68/4");
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_ADOPTED);
  }
}
