package org.hldprep.process.regionalcommissioninput;

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
import static org.hldprep.process.regionalcommissioninput.RegionalCommissionInputProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

@Deployment(resources = {"processes/regional-commission-input.bpmn", "processes/task-routing.dmn",
    "process-stubs/calendar-test-parent.bpmn",
    "processes/forms/commission-agree-co-organization.form", "processes/forms/commission-write-input-paper.form",
    "processes/forms/commission-review-chair-summary.form", "processes/forms/commission-forward-to-desa.form",
    "processes/forms/commission-forward-to-dialogue.form"})
class RegionalCommissionInputProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestSupport.coverage("calendar-test-parent");

  @BeforeEach
  void registerBeans() {
    ProcessTestSupport.registerCommonBeans();
    Mocks.register("regionalCommissionInputStartListener",
        new RegionalCommissionInputStartListener(ProcessTestSupport.referenceData()));
    Mocks.register("checkSgReportCutOffListener", new CheckSgReportCutOffListener());
    Mocks.register("moveDeadlinesDelegate", new MoveDeadlinesDelegate());
    // The 2013 meetings as MC/2353 found them: every date of the calendar ahead.
    ProcessTestSupport.today(ProcessTestSupport.MC_2353_ISSUED);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ProcessTestSupport.resetClock();
  }

  private static ProcessInstance start(String commission) {
    return start(Map.of(COMMISSION_CODE, commission));
  }

  private static ProcessInstance start(Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey(KEY, "HLD2013-" + variables.get(COMMISSION_CODE), variables);
  }

  private static void agree(ProcessInstance pi, String meetingDate) {
    complete(pi.getId(), TASK_AGREE_CO_ORGANIZATION, Map.of(CO_ORGANIZATION, "agreed", MEETING_DATE, meetingDate,
        "meetingVenue", "UN Conference Centre"));
  }

  /** From co-organization to the gateway on the dates: paper written, meeting held, chair's summary reviewed. */
  private static void holdMeeting(ProcessInstance pi, String meetingDate) {
    agree(pi, meetingDate);
    complete(pi.getId(), TASK_WRITE_INPUT_PAPER, Map.of("inputPaperLink", "https://docs.example/iom-input",
        "inputPaperSummary", "Labour mobility in the region"));
    execute(job(TIMER_MEETING_DAY, pi));
    complete(pi.getId(), TASK_REVIEW_CHAIR_SUMMARY, Map.of(CHAIR_SUMMARY_LINK, "https://docs.example/chair-summary",
        "regionalRecommendations", "Regional labour mobility frameworks"));
  }

  private static Object outcome(ProcessInstance pi) {
    return historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(RecordOutcomeListener.OUTCOME).singleResult().getValue();
  }

  @Test
  void escapMeetingBeforeTheCutOff_isForwardedToUnDesaForTheSgReport() {
    ProcessInstance pi = start("ESCAP");
    assertThat(pi).isWaitingAt(TASK_AGREE_CO_ORGANIZATION).variables().containsEntry(COMMISSION_CODE, "escap")
        .containsEntry(MEETING_DATE, "2013-05-29").containsEntry("sgReportInputDeadline", "2013-06-30")
        .doesNotContainKey("escapMeetingDate");
    assertThat(task(pi)).hasCandidateGroup("ro-bangkok").hasDueDate(dayStart("2013-05-29"))
        .hasName("Agree to co-organize the meeting – ESCAP");
    agree(pi, "2013-05-29");
    assertThat(task(pi)).hasDefinitionKey(TASK_WRITE_INPUT_PAPER).hasCandidateGroup("ro-bangkok");
    complete(pi.getId(), TASK_WRITE_INPUT_PAPER, Map.of("inputPaperLink", "https://docs.example/iom-input",
        "inputPaperSummary", "Labour mobility in Asia and the Pacific"));
    assertThat(pi).isWaitingAt(TIMER_MEETING_DAY);
    Assertions.assertThat(job(TIMER_MEETING_DAY, pi).getDuedate()).isEqualTo(dayStart("2013-05-29"));
    execute(job(TIMER_MEETING_DAY, pi));
    assertThat(task(pi)).hasDefinitionKey(TASK_REVIEW_CHAIR_SUMMARY).hasCandidateGroup("ro-bangkok");
    complete(pi.getId(), TASK_REVIEW_CHAIR_SUMMARY, Map.of(CHAIR_SUMMARY_LINK, "https://docs.example/escap-summary",
        "regionalRecommendations", "Protect migrant workers"));

    assertThat(pi).isWaitingAt(TASK_FORWARD_INPUT_TO_DESA).variables().containsEntry(MEETING_BEFORE_CUT_OFF, true);
    assertThat(task(pi)).hasCandidateGroup("ro-bangkok").hasDueDate(deadline("2013-06-30"));
    complete(pi.getId(), TASK_FORWARD_INPUT_TO_DESA, Map.of("forwardedToDesaOn", "2013-06-10"));
    assertThat(pi).isEnded().hasPassed(END_FORWARDED_TO_DESA).hasNotPassed(TASK_FORWARD_INPUT_TO_DIALOGUE);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_FORWARDED_TO_DESA);
  }

  @Test
  void ecaMeetingAfterTheCutOff_goesToNewYorkForTheDialogue_withTheAddisAbabaLiaisonOffice() {
    ProcessInstance pi = start("eca");
    Assertions.assertThat(taskService().getIdentityLinksForTask(task(pi).getId())).extracting("groupId")
        .containsExactlyInAnyOrder("ro-nairobi", "iom-slo-add");
    holdMeeting(pi, "2013-07-03");
    assertThat(pi).isWaitingAt(TASK_FORWARD_INPUT_TO_DIALOGUE).hasNotPassed(TASK_FORWARD_INPUT_TO_DESA).variables()
        .containsEntry(MEETING_BEFORE_CUT_OFF, false);
    assertThat(task(pi)).hasCandidateGroup("iom-slo-nyc").hasDueDate(dayStart("2013-10-03"))
        .hasName("Bring the regional input to the Dialogue – ECA");
    complete(pi.getId(), TASK_FORWARD_INPUT_TO_DIALOGUE, Map.of("forwardedToDialogueOn", "2013-07-20",
        "dialogueChannel", "Shared with the PGA's office and the round-table organizers"));
    assertThat(pi).isEnded().hasPassed(END_FORWARDED_TO_DIALOGUE);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_FORWARDED_TO_DIALOGUE);
  }

  @Test
  void cutOffPassingBeforeTheInputIsForwarded_sendsItToNewYorkInstead() {
    ProcessInstance pi = start("escwa");
    assertThat(task(pi)).hasCandidateGroup("ro-cairo");
    holdMeeting(pi, "2013-06-04");
    assertThat(pi).isWaitingAt(TASK_FORWARD_INPUT_TO_DESA);
    Assertions.assertThat(job(TIMER_SG_REPORT_CUT_OFF_PASSED, pi).getDuedate()).isEqualTo(deadline("2013-06-30"));
    execute(job(TIMER_SG_REPORT_CUT_OFF_PASSED, pi));
    assertThat(pi).isWaitingAt(TASK_FORWARD_INPUT_TO_DIALOGUE).hasPassed(TIMER_SG_REPORT_CUT_OFF_PASSED);
  }

  @Test
  void aMeetingOnTheCutOffDay_countsAsBefore_andAMovedMeetingIsComparedAsMoved() {
    ProcessInstance onTheDay = start(Map.of(COMMISSION_CODE, "ece", "eceMeetingDate", "2013-06-30"));
    assertThat(task(onTheDay)).hasCandidateGroup("ro-brussels");
    holdMeeting(onTheDay, "2013-06-30");
    assertThat(onTheDay).isWaitingAt(TASK_FORWARD_INPUT_TO_DESA);

    // ECLAC's date is not known (domain.md §6): the offices confirm it when they agree; a later date counts.
    ProcessInstance moved = start("eclac");
    Assertions.assertThat(taskService().getIdentityLinksForTask(task(moved).getId())).extracting("groupId")
        .containsExactlyInAnyOrder("ro-buenosaires", "ro-sanjose");
    holdMeeting(moved, "2013-07-01");
    assertThat(moved).isWaitingAt(TASK_FORWARD_INPUT_TO_DIALOGUE);
  }

  @Test
  void commissionDeclinesCoOrganization_endsNotCoOrganized() {
    ProcessInstance pi = start("ece");
    complete(pi.getId(), TASK_AGREE_CO_ORGANIZATION, Map.of(CO_ORGANIZATION, "declined",
        "declineReason", "No regional meeting planned"));
    assertThat(pi).isEnded().hasPassed(END_NOT_CO_ORGANIZED);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_NOT_CO_ORGANIZED);
  }

  @Test
  void aMovedCutOff_reachesTheRunningInstanceWithCalendarChanged() {
    Map<String, Object> variables = new HashMap<>(Map.of("childProcess", KEY, COMMISSION_CODE, "eca"));
    ProcessInstance parent = runtimeService().startProcessInstanceByKey("calendar-test-parent", "HLD2013", variables);
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().superProcessInstanceId(parent.getId())
        .singleResult();
    runtimeService().createMessageCorrelation(HldPreparationProcess.MESSAGE_CALENDAR_CHANGED)
        .processInstanceId(parent.getId()).setVariable(HldPreparationProcess.CALENDAR_CHANGES,
            Map.of("sgReportInputDeadline", "2013-07-10"))
        .correlate();
    holdMeeting(pi, "2013-07-03");
    assertThat(pi).isWaitingAt(TASK_FORWARD_INPUT_TO_DESA);
    assertThat(task(pi)).hasDueDate(deadline("2013-07-10"));
  }

  @Test
  void whateverIsStillOpenWhenTheDialogueIsOver_endsOpenAtTheCutOff() {
    ProcessInstance pi = start("eca");
    holdMeeting(pi, "2013-07-03");
    assertThat(pi).isWaitingAt(TASK_FORWARD_INPUT_TO_DIALOGUE);
    Assertions.assertThat(job(TIMER_DIALOGUE_OVER, pi).getDuedate()).isEqualTo(deadline("2013-10-04"));
    execute(job(TIMER_DIALOGUE_OVER, pi));
    assertThat(pi).isEnded().hasPassed(END_OPEN_AT_CUT_OFF).hasNotPassed(END_FORWARDED_TO_DIALOGUE);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_OPEN_AT_CUT_OFF);
  }

  @Test
  void aMeetingDateGiven_asACyclePassesIt_isTakenAsTheMeetingDate() {
    ProcessInstance pi = start(Map.of(COMMISSION_CODE, "eca", MEETING_DATE, "2013-07-10"));
    assertThat(pi).variables().containsEntry(MEETING_DATE, "2013-07-10").doesNotContainKey("ecaMeetingDate");
    assertThat(task(pi)).hasDueDate(dayStart("2013-07-10"));
    assertThatThrownBy(() -> start(Map.of(COMMISSION_CODE, "eca", MEETING_DATE, "early July")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining(MEETING_DATE);
  }

  @Test
  void unknownOrMissingCommission_isRefusedAndNothingIsCreated() {
    assertThatThrownBy(() -> start("eclacc")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("'eclacc'").hasMessageContaining("escwa");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, Map.of()))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining(COMMISSION_CODE);
    assertThatThrownBy(() -> start(Map.of(COMMISSION_CODE, "escap", "escapMeetingDate", "end of May")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("escapMeetingDate");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }
}
