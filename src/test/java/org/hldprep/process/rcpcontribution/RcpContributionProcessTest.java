package org.hldprep.process.rcpcontribution;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.hldprep.process.ProcessTestSupport.complete;
import static org.hldprep.process.rcpcontribution.RcpContributionProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.hldprep.process.MarkLateDelegate;
import org.hldprep.process.ProcessTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/rcp-contribution.bpmn", "processes/task-routing.dmn",
    "processes/forms/rcp-contact-chair.form", "processes/forms/rcp-find-contact.form",
    "processes/forms/rcp-draft-input.form", "processes/forms/rcp-chase-input.form",
    "processes/forms/rcp-log-input.form"})
class RcpContributionProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestSupport.coverage();

  @BeforeEach
  void registerBeans() {
    // As of MC/2353 (2 Nov 2012): the 2013 calendar lies ahead.
    ProcessTestSupport.today(ProcessTestSupport.MC_2353_ISSUED);
    ProcessTestSupport.registerCommonBeans();
    Mocks.register("rcpContributionStartListener",
        new RcpContributionStartListener(ProcessTestSupport.referenceData()));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ProcessTestSupport.resetClock();
  }

  private static ProcessInstance start(String rcpCode) {
    return runtimeService().startProcessInstanceByKey(KEY, "HLD2013-" + rcpCode, Map.of(RCP_CODE, rcpCode));
  }

  private static void answer(ProcessInstance pi, String interest) {
    Map<String, Object> values = new HashMap<>(Map.of(RCP_INTEREST, interest, "rcpContactName", "Chair's focal point",
        "rcpContactRole", "chair", "rcpContactedOn", "2013-02-10"));
    if ("not-interested".equals(interest)) {
      values.put(NOT_INTERESTED_REASON, "Agenda full until 2014");
    }
    complete(pi.getId(), TASK_CONTACT_RCP_CHAIR, values);
  }

  private static void receiveInputByBusinessKey(String businessKey) {
    runtimeService().createMessageCorrelation(MESSAGE_RCP_INPUT_RECEIVED).processInstanceBusinessKey(businessKey)
        .setVariable(RCP_INPUT_LINK, "https://docs.example/rcp-input")
        .setVariable(RCP_INPUT_SUMMARY, "Ethical recruitment")
        .correlate();
  }

  private static void log(ProcessInstance pi, boolean late) {
    complete(pi.getId(), TASK_LOG_RCP_INPUT, Map.of(RCP_INPUT_LINK, "https://docs.example/rcp-input",
        RCP_INPUT_SUMMARY, "Ethical recruitment", "rcpInputReceivedOn", "2013-04-20", MarkLateDelegate.LATE, late));
  }

  private static Task openTask(ProcessInstance pi, String key) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private static Object outcome(ProcessInstance pi) {
    return ProcessTestSupport.outcome(pi);
  }

  @Test
  void iomIsSecretariat_servingOfficeDraftsWithTheChairAndTheRcpUnitLogsTheInput() {
    ProcessInstance pi = start("colombo-process");
    assertThat(pi).isWaitingAt(TASK_CONTACT_RCP_CHAIR).variables()
        .containsEntry(IOM_IS_SECRETARIAT, true).containsEntry(RCP_CODE, "colombo-process");
    assertThat(task()).hasCandidateGroup("iom-icp-rcp").hasDueDate(ProcessTestSupport.deadline("2013-02-28"));
    answer(pi, "interested");

    assertThat(pi).isWaitingAt(TASK_DRAFT_RCP_INPUT);
    assertThat(task()).hasCandidateGroup("co-lka").hasDueDate(ProcessTestSupport.deadline("2013-04-30"));
    Assertions.assertThat(taskService().getIdentityLinksForTask(task().getId())).hasSize(1);
    complete(pi.getId(), TASK_DRAFT_RCP_INPUT, Map.of(RCP_INPUT_LINK, "https://docs.example/cp-input",
        RCP_INPUT_SUMMARY, "Welfare of migrant workers", "rcpInputAgreedOn", "2013-04-12"));

    assertThat(pi).isWaitingAt(TASK_LOG_RCP_INPUT);
    assertThat(task()).hasCandidateGroup("iom-icp-rcp");
    log(pi, false);
    assertThat(pi).isEnded().hasPassed(END_INPUT_LOGGED).hasNotPassed(EVENT_RCP_INPUT_RECEIVED);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_INPUT_LOGGED);
  }

  @Test
  void rcpNotInterested_endsNotInterestedWithTheReason() {
    ProcessInstance pi = start("budapest-process");
    answer(pi, "not-interested");
    assertThat(pi).isEnded().hasPassed(END_NOT_INTERESTED).variables()
        .containsEntry(NOT_INTERESTED_REASON, "Agenda full until 2014");
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_NOT_INTERESTED);
  }

  @Test
  void noCurrentContact_focalPointFindsOneAndContactsTheRcpAgain() {
    ProcessInstance pi = start("puebla-process");
    answer(pi, "no-contact");
    assertThat(pi).isWaitingAt(TASK_FIND_RCP_CONTACT);
    assertThat(task()).hasCandidateGroup("iom-icp-rcp");
    complete(pi.getId(), TASK_FIND_RCP_CONTACT,
        Map.of(CONTACT_SEARCH, "found", "rcpContactName", "New pro tempore chair",
            "contactSearchNote", "Asked the outgoing chair"));
    assertThat(pi).isWaitingAt(TASK_CONTACT_RCP_CHAIR);
    answer(pi, "interested");
    assertThat(pi).isWaitingAt(EVENT_RCP_INPUT_RECEIVED);
  }

  @Test
  void noContactCanBeFound_closesAsNoContact() {
    ProcessInstance pi = start("apc");
    answer(pi, "no-contact");
    complete(pi.getId(), TASK_FIND_RCP_CONTACT, Map.of(CONTACT_SEARCH, "none", "contactSearchNote", "Process dormant"));
    assertThat(pi).isEnded().hasPassed(END_NO_CONTACT);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_NO_CONTACT);
  }

  @Test
  void iomNotSecretariat_waitsForTheInputMessageByBusinessKeyThenLogsIt() {
    ProcessInstance pi = start("midwa");
    answer(pi, "interested");
    assertThat(pi).isWaitingAt(EVENT_RCP_INPUT_RECEIVED).variables().containsEntry(IOM_IS_SECRETARIAT, false);
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();

    receiveInputByBusinessKey("HLD2013-midwa");
    assertThat(pi).isWaitingAt(TASK_LOG_RCP_INPUT).variables()
        .containsEntry(RCP_INPUT_LINK, "https://docs.example/rcp-input").containsEntry(MarkLateDelegate.LATE, false);
    assertThat(task()).hasCandidateGroup("iom-icp-rcp");
    log(pi, false);
    assertThat(pi).isEnded().hasPassed(END_INPUT_LOGGED);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_INPUT_LOGGED);
  }

  @Test
  void inputDeadline_chasesTheRcpThenMarksTheInputLateButStillAwaitsIt() {
    ProcessInstance pi = start("prague-process");
    answer(pi, "interested");

    execute(job(TIMER_RCP_INPUT_REMINDER, pi));
    assertThat(pi).isWaitingAt(EVENT_RCP_INPUT_RECEIVED, TASK_CHASE_RCP_INPUT);
    assertThat(task()).hasCandidateGroup("iom-icp-rcp").hasDueDate(ProcessTestSupport.deadline("2013-04-30"));
    complete(pi.getId(), TASK_CHASE_RCP_INPUT, Map.of("rcpChasedOn", "2013-04-17", "chaseNote", "Coming after the SOM",
        "expectedInputDate", "2013-05-05"));

    execute(job(TIMER_RCP_INPUT_OVERDUE, pi));
    assertThat(pi).isWaitingAt(EVENT_RCP_INPUT_RECEIVED).hasPassed(TASK_MARK_RCP_INPUT_LATE).variables()
        .containsEntry(MarkLateDelegate.LATE, true);

    runtimeService().createMessageCorrelation(MESSAGE_RCP_INPUT_RECEIVED)
        .processInstanceVariableEquals(RCP_CODE, "prague-process")
        .setVariable(RCP_INPUT_LINK, "https://docs.example/prague").correlate();
    log(pi, true);
    assertThat(pi).isEnded().hasPassed(END_INPUT_LOGGED_LATE);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_INPUT_LOGGED_LATE);
  }

  @Test
  void inputArrivingWhileTheChaseIsOpen_isLoggedAndTheChaseIsWithdrawn() {
    ProcessInstance pi = start("igc");
    answer(pi, "interested");
    execute(job(TIMER_RCP_INPUT_REMINDER, pi));
    receiveInputByBusinessKey("HLD2013-igc");
    assertThat(pi).isWaitingAt(TASK_LOG_RCP_INPUT, TASK_CHASE_RCP_INPUT);
    log(pi, false);
    assertThat(pi).isEnded().hasPassed(END_INPUT_LOGGED);
    Assertions.assertThat(openTask(pi, TASK_CHASE_RCP_INPUT)).isNull();
  }

  @Test
  void noInputByTheGlobalRcpMeeting_closesAsNoInput() {
    ProcessInstance pi = start("mtm");
    answer(pi, "interested");
    execute(job(TIMER_RCP_INPUT_REMINDER, pi));
    Assertions.assertThat(job(TIMER_RCP_INPUT_FINAL_CUT_OFF, pi).getDuedate())
        .isEqualTo(ProcessTestSupport.dayStart("2013-05-22"));
    execute(job(TIMER_RCP_INPUT_FINAL_CUT_OFF, pi));
    assertThat(pi).isEnded().hasPassed(END_NO_INPUT).hasNotPassed(TASK_LOG_RCP_INPUT);
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_NO_INPUT);
  }

  @Test
  void draftAfterTheDeadline_isLoggedLate() {
    ProcessInstance pi = start("sacm");
    answer(pi, "interested");
    assertThat(openTask(pi, TASK_DRAFT_RCP_INPUT)).hasCandidateGroup("ro-buenosaires");
    execute(job(TIMER_DRAFT_RCP_INPUT_OVERDUE, pi));
    assertThat(pi).isWaitingAt(TASK_DRAFT_RCP_INPUT).hasPassed(TASK_MARK_DRAFT_RCP_INPUT_LATE);
    complete(pi.getId(), TASK_DRAFT_RCP_INPUT, Map.of(RCP_INPUT_LINK, "https://docs.example/sacm",
        RCP_INPUT_SUMMARY, "Regional residence agreements", "rcpInputAgreedOn", "2013-05-03"));
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), MarkLateDelegate.LATE)).isEqualTo(true);
    log(pi, true);
    assertThat(pi).isEnded().hasPassed(END_INPUT_LOGGED_LATE);
  }

  @Test
  void secretariatFlag_canBeGivenAtTheStartOrCorrectedInTheContactForm() {
    ProcessInstance overridden = runtimeService().startProcessInstanceByKey(KEY,
        Map.of(RCP_CODE, " Puebla-Process ", IOM_IS_SECRETARIAT, "TRUE"));
    assertThat(overridden).variables().containsEntry(RCP_CODE, "puebla-process").containsEntry(IOM_IS_SECRETARIAT,
        true);
    answer(overridden, "interested");
    assertThat(overridden).isWaitingAt(TASK_DRAFT_RCP_INPUT);
    assertThat(openTask(overridden, TASK_DRAFT_RCP_INPUT)).hasCandidateGroup("ro-sanjose");

    ProcessInstance corrected = runtimeService().startProcessInstanceByKey(KEY,
        Map.of(RCP_CODE, "midsa", IOM_IS_SECRETARIAT, false));
    complete(corrected.getId(), TASK_CONTACT_RCP_CHAIR, Map.of(RCP_INTEREST, "interested", IOM_IS_SECRETARIAT, true,
        "rcpContactName", "MIDSA secretariat", "rcpContactedOn", "2013-02-12"));
    assertThat(corrected).isWaitingAt(TASK_DRAFT_RCP_INPUT);
    assertThat(openTask(corrected, TASK_DRAFT_RCP_INPUT)).hasCandidateGroup("ro-pretoria");
  }

  @Test
  void calendarDatesGivenAtTheStart_moveDueDatesAndTimers() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY,
        Map.of(RCP_CODE, "bali-process", "rcpInputDeadline", "2013-05-10"));
    answer(pi, "interested");
    Assertions.assertThat(job(TIMER_RCP_INPUT_REMINDER, pi).getDuedate())
        .isEqualTo(ProcessTestSupport.dayStart("2013-04-26"));
    Assertions.assertThat(job(TIMER_RCP_INPUT_OVERDUE, pi).getDuedate())
        .isEqualTo(ProcessTestSupport.deadline("2013-05-10"));
  }

  @Test
  void unknownOrMissingRcp_isRefusedAndNothingIsCreated() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, Map.of(RCP_CODE, "khartoum-process")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'khartoum-process'");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, Map.of()))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining(RCP_CODE);
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY,
        Map.of(RCP_CODE, "midwa", IOM_IS_SECRETARIAT, "maybe")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining(IOM_IS_SECRETARIAT)
        .hasMessageContaining("'maybe'");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY,
        Map.of(RCP_CODE, "midwa", "rcpInputDeadline", "end of April")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("rcpInputDeadline");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void noContactByTheInputDeadline_closesAsNoContact() {
    ProcessInstance contact = start("sacm");
    Assertions.assertThat(job(TIMER_CONTACT_CUT_OFF, contact).getDuedate())
        .isEqualTo(ProcessTestSupport.deadline("2013-04-30"));
    execute(job(TIMER_CONTACT_CUT_OFF, contact));
    assertThat(contact).isEnded().hasPassed(END_NO_CONTACT_AT_CUT_OFF);
    Assertions.assertThat(outcome(contact)).isEqualTo(OUTCOME_NO_CONTACT);

    ProcessInstance find = start("midwa");
    answer(find, "no-contact");
    execute(job(TIMER_FIND_CONTACT_CUT_OFF, find));
    assertThat(find).isEnded().hasPassed(END_NO_CONTACT_FOUND_AT_CUT_OFF);
    Assertions.assertThat(outcome(find)).isEqualTo(OUTCOME_NO_CONTACT);
  }

  @Test
  void noDraftByTheMeeting_closesAsNoInput() {
    ProcessInstance pi = start("colombo-process");
    answer(pi, "interested");
    execute(job(TIMER_DRAFT_RCP_INPUT_OVERDUE, pi));
    Assertions.assertThat(job(TIMER_DRAFT_RCP_INPUT_CUT_OFF, pi).getDuedate())
        .isEqualTo(ProcessTestSupport.dayStart("2013-05-22"));
    execute(job(TIMER_DRAFT_RCP_INPUT_CUT_OFF, pi));
    assertThat(pi).isEnded().hasPassed(END_DRAFT_NO_INPUT);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_NO_INPUT);
  }

  @Test
  void anInputNeverLogged_closesOpenAtTheCutOff() {
    ProcessInstance pi = start("puebla-process");
    answer(pi, "interested");
    receiveInputByBusinessKey("HLD2013-puebla-process");
    Assertions.assertThat(job(TIMER_LOG_RCP_INPUT_CUT_OFF, pi).getDuedate())
        .isEqualTo(ProcessTestSupport.deadline("2013-06-14"));
    execute(job(TIMER_LOG_RCP_INPUT_CUT_OFF, pi));
    assertThat(pi).isEnded().hasPassed(END_LOG_OPEN_AT_CUT_OFF);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_OPEN_AT_CUT_OFF);
  }

  @Test
  void aWithdrawnParticipant_endsItsTrackWithdrawn() {
    ProcessInstance pi = start("sacm");
    runtimeService().createMessageCorrelation("ParticipantWithdrawn").processInstanceBusinessKey("HLD2013-sacm")
        .correlate();
    assertThat(pi).isEnded().hasPassed("EndEvent_Withdrawn");
    org.assertj.core.api.Assertions.assertThat(outcome(pi)).isEqualTo("withdrawn");
  }
}
