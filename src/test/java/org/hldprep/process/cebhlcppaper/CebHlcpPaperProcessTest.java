package org.hldprep.process.cebhlcppaper;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.hldprep.process.ProcessTestSupport.complete;
import static org.hldprep.process.ProcessTestSupport.dayStart;
import static org.hldprep.process.ProcessTestSupport.deadline;
import static org.hldprep.process.cebhlcppaper.CebHlcpPaperProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.hldprep.process.ProcessTestSupport;
import org.hldprep.process.RecordOutcomeListener;
import org.hldprep.process.hldpreparation.HldPreparationProcess;
import org.hldprep.process.hldpreparation.MoveDeadlinesDelegate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/ceb-hlcp-paper.bpmn", "processes/task-routing.dmn",
    "process-stubs/calendar-test-parent.bpmn",
    "processes/forms/ceb-draft-recommendations.form", "processes/forms/ceb-consolidate-joint-draft.form",
    "processes/forms/ceb-circulate-to-gmg.form", "processes/forms/ceb-collect-gmg-comments.form",
    "processes/forms/ceb-revise-after-gmg.form", "processes/forms/ceb-clear-paper.form",
    "processes/forms/ceb-revise-for-dg.form", "processes/forms/ceb-submit-to-hlcp.form",
    "processes/forms/ceb-chase-hlcp-outcome.form", "processes/forms/ceb-revise-for-hlcp.form",
    "processes/forms/ceb-chase-ceb-decision.form", "processes/forms/ceb-share-in-geneva.form",
    "processes/forms/ceb-share-in-new-york.form", "processes/forms/ceb-launch-publication.form"})
class CebHlcpPaperProcessTest {

  private static final String PAPER = "https://docs.example/ceb-paper";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestSupport.coverage("calendar-test-parent");

  @BeforeEach
  void registerBeans() {
    ProcessTestSupport.registerCommonBeans();
    Mocks.register("cebHlcpPaperStartListener", new CebHlcpPaperStartListener());
    Mocks.register("hlcpOutcomeReceivedListener", new HlcpOutcomeReceivedListener());
    Mocks.register("cebDecisionReceivedListener", new CebDecisionReceivedListener());
    Mocks.register("moveDeadlinesDelegate", new MoveDeadlinesDelegate());
    // The 2013 paper as it began, the dates of its calendar ahead.
    ProcessTestSupport.today(ProcessTestSupport.MC_2353_ISSUED);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ProcessTestSupport.resetClock();
  }

  private static ProcessInstance start() {
    return start(Map.of());
  }

  private static ProcessInstance start(Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey(KEY, "HLD2013-ceb-hlcp-paper", variables);
  }

  /** From the start to the Director General's clearance, the GMG round closed by the office before its deadline. */
  private static void draftAndConsult(ProcessInstance pi) {
    complete(pi.getId(), TASK_DRAFT_IOM_RECOMMENDATIONS, Map.of("iomRecommendationsLink", "https://docs.example/iom",
        "iomRecommendationsSummary", "Mainstream migration in development planning"));
    complete(pi.getId(), TASK_CONSOLIDATE_JOINT_DRAFT, Map.of(PAPER_LINK, PAPER, "unfpaFocalPoint", "UNFPA TD",
        "jointDraftAgreedOn", "2012-11-20"));
    complete(pi.getId(), TASK_CIRCULATE_DRAFT_TO_GMG, Map.of("circulatedOn", "2012-11-23"));
    complete(pi.getId(), TASK_COLLECT_GMG_COMMENTS, Map.of("gmgMembersCommented", "ILO, UNHCR, World Bank",
        "gmgCommentsSummary", "More on data"));
    complete(pi.getId(), TASK_REVISE_DRAFT_WITH_GMG_COMMENTS, Map.of(PAPER_LINK, PAPER + "-rev1",
        "gmgRevisionNote", "Data section added"));
  }

  private static void dg(ProcessInstance pi, String decision) {
    Map<String, Object> values = new HashMap<>(Map.of(DG_DECISION, decision));
    if ("returned".equals(decision)) {
      values.put(DG_COMMENTS, "Shorter, please");
    }
    complete(pi.getId(), TASK_CLEAR_PAPER, values);
  }

  private static void submit(ProcessInstance pi) {
    complete(pi.getId(), TASK_SUBMIT_PAPER_TO_HLCP, Map.of("submittedToHlcpOn", "2013-01-10"));
  }

  private static void hlcp(String outcome) {
    runtimeService().createMessageCorrelation(MESSAGE_HLCP_OUTCOME_RECEIVED)
        .processInstanceBusinessKey("HLD2013-ceb-hlcp-paper").setVariable(HLCP_OUTCOME, outcome)
        .setVariable(HLCP_COMMENTS, "Sharpen the recommendations").correlate();
  }

  private static void ceb(String decision) {
    runtimeService().createMessageCorrelation(MESSAGE_CEB_DECISION_RECEIVED)
        .processInstanceBusinessKey("HLD2013-ceb-hlcp-paper").setVariable(CEB_DECISION, decision)
        .setVariable(CEB_REPORT_LINK, "https://docs.example/ceb-2013-1").correlate();
  }

  private static Task openTask(ProcessInstance pi, String key) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private static Object outcome(ProcessInstance pi) {
    return historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(RecordOutcomeListener.OUTCOME).singleResult().getValue();
  }

  @Test
  void happyPath_draftedConsultedClearedWelcomedEndorsedSharedAndLaunched() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt(TASK_DRAFT_IOM_RECOMMENDATIONS);
    assertThat(task(pi)).hasCandidateGroup("iom-mpr").hasDueDate(deadline("2012-12-14"));
    complete(pi.getId(), TASK_DRAFT_IOM_RECOMMENDATIONS, Map.of("iomRecommendationsLink", "https://docs.example/iom",
        "iomRecommendationsSummary", "Mainstream migration in development planning"));
    assertThat(task(pi)).hasDefinitionKey(TASK_CONSOLIDATE_JOINT_DRAFT).hasCandidateGroup("iom-icp-ip");
    complete(pi.getId(), TASK_CONSOLIDATE_JOINT_DRAFT, Map.of(PAPER_LINK, PAPER, "unfpaFocalPoint", "UNFPA TD",
        "jointDraftAgreedOn", "2012-11-20"));
    complete(pi.getId(), TASK_CIRCULATE_DRAFT_TO_GMG, Map.of("circulatedOn", "2012-11-23"));
    assertThat(pi).isWaitingAt(TASK_COLLECT_GMG_COMMENTS);
    Assertions.assertThat(job(TIMER_GMG_COMMENT_DEADLINE, pi).getDuedate()).isEqualTo(deadline("2012-12-14"));
    complete(pi.getId(), TASK_COLLECT_GMG_COMMENTS, Map.of("gmgMembersCommented", "ILO, UNHCR",
        "gmgCommentsSummary", "More on data"));
    assertThat(task(pi)).hasDefinitionKey(TASK_REVISE_DRAFT_WITH_GMG_COMMENTS).hasDueDate(deadline("2013-01-11"));
    Assertions.assertThat(taskService().getIdentityLinksForTask(task(pi).getId())).extracting("groupId")
        .containsExactlyInAnyOrder("iom-icp-ip", "iom-mpr");
    complete(pi.getId(), TASK_REVISE_DRAFT_WITH_GMG_COMMENTS, Map.of(PAPER_LINK, PAPER + "-rev1",
        "gmgRevisionNote", "Data section added"));

    assertThat(task(pi)).hasDefinitionKey(TASK_CLEAR_PAPER).hasCandidateGroup("iom-dg");
    dg(pi, "cleared");
    assertThat(task(pi)).hasDefinitionKey(TASK_SUBMIT_PAPER_TO_HLCP).hasCandidateGroup("iom-icp-ip");
    submit(pi);

    assertThat(pi).isWaitingAt(EVENT_HLCP_OUTCOME_RECEIVED);
    Assertions.assertThat(job(TIMER_HLCP_SESSION_PASSED, pi).getDuedate()).isEqualTo(deadline("2013-01-31"));
    Assertions.assertThat(job(TIMER_HLCP_OUTCOME_CUT_OFF, pi).getDuedate()).isEqualTo(dayStart("2013-04-12"));
    hlcp("welcomed");

    assertThat(pi).isWaitingAt(EVENT_CEB_DECISION_RECEIVED);
    Assertions.assertThat(job(TIMER_CEB_SESSION_PASSED, pi).getDuedate()).isEqualTo(deadline("2013-04-12"));
    Assertions.assertThat(job(TIMER_CEB_DECISION_CUT_OFF, pi).getDuedate()).isEqualTo(dayStart("2013-09-27"));
    ceb("endorsed");

    assertThat(pi).isWaitingAt(TASK_SHARE_PAPER_IN_GENEVA, TASK_SHARE_PAPER_IN_NEW_YORK);
    assertThat(openTask(pi, TASK_SHARE_PAPER_IN_GENEVA)).hasCandidateGroup("iom-icp-gb")
        .hasDueDate(deadline("2013-09-27"));
    assertThat(openTask(pi, TASK_SHARE_PAPER_IN_NEW_YORK)).hasCandidateGroup("iom-slo-nyc");
    complete(pi.getId(), TASK_SHARE_PAPER_IN_GENEVA, Map.of("sharedInGenevaOn", "2013-05-02"));
    assertThat(pi).isWaitingAt(TASK_SHARE_PAPER_IN_NEW_YORK);
    complete(pi.getId(), TASK_SHARE_PAPER_IN_NEW_YORK, Map.of("sharedInNewYorkOn", "2013-05-03"));
    assertThat(task(pi)).hasDefinitionKey(TASK_LAUNCH_PUBLICATION).hasCandidateGroup("iom-icp-ip");
    complete(pi.getId(), TASK_LAUNCH_PUBLICATION, Map.of("publicationLink", "https://docs.example/publication",
        "launchedOn", "2013-09-27"));

    assertThat(pi).isEnded().hasPassed(END_LAUNCHED).hasNotPassed(TASK_CHASE_HLCP_OUTCOME, TASK_REVISE_PAPER_FOR_DG);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_LAUNCHED);
  }

  @Test
  void gmgCommentDeadline_closesTheRoundWithWhatArrived() {
    ProcessInstance pi = start();
    complete(pi.getId(), TASK_DRAFT_IOM_RECOMMENDATIONS, Map.of("iomRecommendationsLink", "https://docs.example/iom",
        "iomRecommendationsSummary", "Recommendations"));
    complete(pi.getId(), TASK_CONSOLIDATE_JOINT_DRAFT, Map.of(PAPER_LINK, PAPER, "unfpaFocalPoint", "UNFPA TD",
        "jointDraftAgreedOn", "2012-11-20"));
    complete(pi.getId(), TASK_CIRCULATE_DRAFT_TO_GMG, Map.of("circulatedOn", "2012-11-23"));
    execute(job(TIMER_GMG_COMMENT_DEADLINE, pi));
    assertThat(pi).isWaitingAt(TASK_REVISE_DRAFT_WITH_GMG_COMMENTS).hasPassed(TIMER_GMG_COMMENT_DEADLINE);
    Assertions.assertThat(openTask(pi, TASK_COLLECT_GMG_COMMENTS)).isNull();
  }

  @Test
  void directorGeneralReturns_theDraftersReviseUntilTheReturnLimitIsPassed() {
    ProcessInstance pi = start();
    draftAndConsult(pi);
    dg(pi, "returned");
    assertThat(task(pi)).hasDefinitionKey(TASK_REVISE_PAPER_FOR_DG).hasDueDate(deadline("2013-01-11"));
    complete(pi.getId(), TASK_REVISE_PAPER_FOR_DG, Map.of(PAPER_LINK, PAPER + "-rev2", "dgRevisionNote", "Shortened"));
    dg(pi, "returned");
    complete(pi.getId(), TASK_REVISE_PAPER_FOR_DG, Map.of(PAPER_LINK, PAPER + "-rev3", "dgRevisionNote", "Shorter"));
    assertThat(pi).isWaitingAt(TASK_CLEAR_PAPER).variables().containsEntry(CLEARANCE_RETURNS, 2L);
    dg(pi, "returned");
    assertThat(pi).isEnded().hasPassed(END_NOT_CLEARED).hasNotPassed(TASK_SUBMIT_PAPER_TO_HLCP);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_NOT_CLEARED);
  }

  @Test
  void directorGeneralClearsAfterAReturn_thePaperGoesToHlcp() {
    ProcessInstance pi = start(Map.of(MAX_CLEARANCE_RETURNS, "1"));
    draftAndConsult(pi);
    dg(pi, "returned");
    complete(pi.getId(), TASK_REVISE_PAPER_FOR_DG, Map.of(PAPER_LINK, PAPER + "-rev2", "dgRevisionNote", "Shortened"));
    dg(pi, "cleared");
    assertThat(pi).isWaitingAt(TASK_SUBMIT_PAPER_TO_HLCP).variables().containsEntry(CLEARANCE_RETURNS, 1L)
        .containsEntry(MAX_CLEARANCE_RETURNS, 1);
  }

  @Test
  void hlcpAsksForChanges_revisedClearedAgainAndResubmitted_thenWelcomed() {
    ProcessInstance pi = start();
    draftAndConsult(pi);
    dg(pi, "cleared");
    submit(pi);
    hlcp("changes-requested");
    assertThat(pi).isWaitingAt(TASK_REVISE_PAPER_FOR_HLCP).variables().containsEntry(HLCP_COMMENTS,
        "Sharpen the recommendations");
    Assertions.assertThat(taskService().getIdentityLinksForTask(task(pi).getId())).extracting("groupId")
        .containsExactlyInAnyOrder("iom-icp-ip", "iom-mpr");
    complete(pi.getId(), TASK_REVISE_PAPER_FOR_HLCP,
        Map.of(PAPER_LINK, PAPER + "-hlcp", "hlcpRevisionNote", "Sharper"));
    assertThat(pi).isWaitingAt(TASK_CLEAR_PAPER).variables().containsEntry(HLCP_REVISIONS, 1L);
    dg(pi, "cleared");
    submit(pi);
    // The second wait does not inherit the first outcome: it waits for HLCP again.
    assertThat(pi).isWaitingAt(EVENT_HLCP_OUTCOME_RECEIVED).variables().containsEntry(HLCP_OUTCOME, null);
    hlcp("welcomed");
    assertThat(pi).isWaitingAt(EVENT_CEB_DECISION_RECEIVED);
  }

  @Test
  void hlcpAsksForChangesBeyondTheRevisionLimit_endsHlcpNotWelcomed() {
    ProcessInstance pi = start(Map.of(MAX_HLCP_REVISIONS, 1));
    draftAndConsult(pi);
    dg(pi, "cleared");
    submit(pi);
    hlcp("changes-requested");
    complete(pi.getId(), TASK_REVISE_PAPER_FOR_HLCP,
        Map.of(PAPER_LINK, PAPER + "-hlcp", "hlcpRevisionNote", "Sharper"));
    dg(pi, "cleared");
    submit(pi);
    hlcp("Changes-Requested ");
    assertThat(pi).isEnded().hasPassed(END_HLCP_NOT_WELCOMED);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_HLCP_NOT_WELCOMED);
  }

  @Test
  void hlcpSessionDayOver_officeChasesTheSecretariat_andTheOutcomeWithdrawsTheChase() {
    ProcessInstance pi = start();
    draftAndConsult(pi);
    dg(pi, "cleared");
    submit(pi);
    execute(job(TIMER_HLCP_SESSION_PASSED, pi));
    assertThat(pi).isWaitingAt(EVENT_HLCP_OUTCOME_RECEIVED, TASK_CHASE_HLCP_OUTCOME);
    assertThat(openTask(pi, TASK_CHASE_HLCP_OUTCOME)).hasCandidateGroup("iom-icp-ip")
        .hasDueDate(dayStart("2013-04-12"));
    hlcp("welcomed");
    assertThat(pi).isWaitingAt(EVENT_CEB_DECISION_RECEIVED);
    Assertions.assertThat(openTask(pi, TASK_CHASE_HLCP_OUTCOME)).isNull();
  }

  @Test
  void chaseCompleted_theWaitGoesOnUntilTheOutcome() {
    ProcessInstance pi = start();
    draftAndConsult(pi);
    dg(pi, "cleared");
    submit(pi);
    execute(job(TIMER_HLCP_SESSION_PASSED, pi));
    complete(pi.getId(), TASK_CHASE_HLCP_OUTCOME, Map.of("hlcpChasedOn", "2013-02-04",
        "hlcpChaseNote", "HLCP meets in March in Paris"));
    assertThat(pi).isWaitingAt(EVENT_HLCP_OUTCOME_RECEIVED);
    Assertions.assertThat(job(TIMER_HLCP_OUTCOME_CUT_OFF, pi)).isNotNull();
  }

  @Test
  void noHlcpOutcomeByTheCebSession_endsWithoutOne() {
    ProcessInstance pi = start();
    draftAndConsult(pi);
    dg(pi, "cleared");
    submit(pi);
    execute(job(TIMER_HLCP_SESSION_PASSED, pi));
    execute(job(TIMER_HLCP_OUTCOME_CUT_OFF, pi));
    assertThat(pi).isEnded().hasPassed(END_NO_HLCP_OUTCOME);
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_NO_HLCP_OUTCOME);
  }

  @Test
  void cebSessionDayOver_officeChasesTheCebThenTheDecisionArrives() {
    ProcessInstance pi = start();
    draftAndConsult(pi);
    dg(pi, "cleared");
    submit(pi);
    hlcp("welcomed");
    execute(job(TIMER_CEB_SESSION_PASSED, pi));
    assertThat(openTask(pi, TASK_CHASE_CEB_DECISION)).hasCandidateGroup("iom-icp-ip")
        .hasDueDate(dayStart("2013-09-27"));
    complete(pi.getId(), TASK_CHASE_CEB_DECISION,
        Map.of("cebChasedOn", "2013-04-15", "cebChaseNote", "Report pending"));
    assertThat(pi).isWaitingAt(EVENT_CEB_DECISION_RECEIVED);
    ceb("endorsed");
    assertThat(pi).isWaitingAt(TASK_SHARE_PAPER_IN_GENEVA, TASK_SHARE_PAPER_IN_NEW_YORK);
  }

  @Test
  void cebDoesNotEndorse_endsNotEndorsed() {
    ProcessInstance pi = start();
    draftAndConsult(pi);
    dg(pi, "cleared");
    submit(pi);
    hlcp("welcomed");
    execute(job(TIMER_CEB_SESSION_PASSED, pi));
    ceb("not-endorsed");
    assertThat(pi).isEnded().hasPassed(END_NOT_ENDORSED);
    Assertions.assertThat(openTask(pi, TASK_CHASE_CEB_DECISION)).isNull();
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_NOT_ENDORSED);
  }

  @Test
  void noCebDecisionByTheLaunchDate_endsWithoutOne() {
    ProcessInstance pi = start();
    draftAndConsult(pi);
    dg(pi, "cleared");
    submit(pi);
    hlcp("welcomed");
    execute(job(TIMER_CEB_DECISION_CUT_OFF, pi));
    assertThat(pi).isEnded().hasPassed(END_NO_CEB_DECISION);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_NO_CEB_DECISION);
  }

  @Test
  void messageWithoutAKnownDecision_isRefusedAndTheWaitGoesOn() {
    ProcessInstance pi = start();
    draftAndConsult(pi);
    dg(pi, "cleared");
    submit(pi);
    assertThatThrownBy(() -> hlcp("maybe")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(HLCP_OUTCOME).hasMessageContaining("'maybe'");
    assertThatThrownBy(() -> runtimeService().createMessageCorrelation(MESSAGE_HLCP_OUTCOME_RECEIVED)
        .processInstanceId(pi.getId()).correlate()).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("got nothing");
    assertThat(pi).isWaitingAt(EVENT_HLCP_OUTCOME_RECEIVED);
    hlcp("welcomed");
    assertThatThrownBy(() -> ceb("adopted")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(CEB_DECISION).hasMessageContaining("endorsed, not-endorsed");
    assertThat(pi).isWaitingAt(EVENT_CEB_DECISION_RECEIVED);
  }

  @Test
  void aSlippedHlcpSession_isAMovedDate_calendarChangedMovesTheChaseAndTheCutOff() {
    // In 2013 HLCP took the paper up in March (Paris), not in January as planned (domain.md §0).
    ProcessInstance parent = runtimeService().startProcessInstanceByKey("calendar-test-parent", "HLD2013",
        Map.of("childProcess", KEY));
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().superProcessInstanceId(parent.getId())
        .singleResult();
    draftAndConsult(pi);
    dg(pi, "cleared");
    submit(pi);
    runtimeService().createMessageCorrelation(HldPreparationProcess.MESSAGE_CALENDAR_CHANGED)
        .processInstanceId(parent.getId()).setVariable(HldPreparationProcess.CALENDAR_CHANGES,
            Map.of("hlcpSessionDate", "2013-03-07", "cebSessionDate", "2013-04-26"))
        .correlate();
    Assertions.assertThat(job(TIMER_HLCP_SESSION_PASSED, pi).getDuedate()).isEqualTo(deadline("2013-03-07"));
    Assertions.assertThat(job(TIMER_HLCP_OUTCOME_CUT_OFF, pi).getDuedate()).isEqualTo(dayStart("2013-04-26"));
    execute(job(TIMER_HLCP_SESSION_PASSED, pi));
    assertThat(openTask(pi, TASK_CHASE_HLCP_OUTCOME)).hasDueDate(dayStart("2013-04-26"));
  }

  @Test
  void whateverIsStillOpenWhenTheDialogueOpens_endsOpenAtTheCutOff() {
    ProcessInstance pi = start();
    draftAndConsult(pi);
    dg(pi, "cleared");
    submit(pi);
    hlcp("welcomed");
    ceb("endorsed");
    complete(pi.getId(), TASK_SHARE_PAPER_IN_GENEVA, Map.of("sharedInGenevaOn", "2013-05-02"));
    Assertions.assertThat(job(TIMER_DIALOGUE_OPENS, pi).getDuedate()).isEqualTo(dayStart("2013-10-03"));
    // Geneva done, New York not: the parallel branch waiting at the join ends with the instance.
    execute(job(TIMER_DIALOGUE_OPENS, pi));
    assertThat(pi).isEnded().hasPassed(END_OPEN_AT_CUT_OFF).hasNotPassed(END_LAUNCHED);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_OPEN_AT_CUT_OFF);
  }

  @Test
  void datesAndBoundsGivenAtTheStart_areChecked() {
    ProcessInstance pi = start(Map.of("hlcpCommentDeadline", "2012-12-21", MAX_HLCP_REVISIONS, " 3 "));
    assertThat(pi).variables().containsEntry("hlcpCommentDeadline", "2012-12-21").containsEntry(MAX_HLCP_REVISIONS, 3)
        .containsEntry(MAX_CLEARANCE_RETURNS, DEFAULT_MAX_CLEARANCE_RETURNS).containsEntry("cebPaperLaunchDate",
            "2013-09-27");
    assertThat(task(pi)).hasDueDate(deadline("2012-12-21"));
    assertThatThrownBy(() -> start(Map.of("hlcpSessionDate", "January"))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("hlcpSessionDate");
    assertThatThrownBy(() -> start(Map.of(MAX_CLEARANCE_RETURNS, "-1"))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(MAX_CLEARANCE_RETURNS).hasMessageContaining("'-1'");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isEqualTo(1);
  }
}
