package org.hldprep.process.globalrcpmeeting;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.hldprep.process.ProcessTestSupport.complete;
import static org.hldprep.process.globalrcpmeeting.GlobalRcpMeetingProcess.*;

import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.hldprep.process.ProcessTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/global-rcp-meeting.bpmn", "processes/task-routing.dmn",
    "processes/forms/grcp-concept-note.form", "processes/forms/grcp-send-invitations.form",
    "processes/forms/grcp-draft-summary.form", "processes/forms/grcp-collect-comments.form",
    "processes/forms/grcp-transmit-contribution.form"})
class GlobalRcpMeetingProcessTest {

  private static final String BUSINESS_KEY = "HLD2013-global-rcp-meeting";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestSupport.coverage();

  @BeforeEach
  void registerBeans() {
    // As of MC/2353 (2 Nov 2012): the 2013 calendar lies ahead.
    ProcessTestSupport.today(ProcessTestSupport.MC_2353_ISSUED);
    ProcessTestSupport.registerCommonBeans();
    Mocks.register("takeInRcpInputsDelegate", new TakeInRcpInputsDelegate());
    Mocks.register("globalRcpMeetingStartListener", new GlobalRcpMeetingStartListener());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ProcessTestSupport.resetClock();
  }

  private static ProcessInstance start(Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey(KEY, BUSINESS_KEY, variables);
  }

  /** Concept note, invitations and the meeting itself: the instance then waits for the summary. */
  private static void holdMeeting(ProcessInstance pi) {
    complete(pi.getId(), TASK_PREPARE_CONCEPT_NOTE,
        Map.of(MEETING_HOST, "Government of Peru", MEETING_VENUE, "Lima, Peru",
            "rcpMeetingDate", "2013-05-22", MEETING_THEME, DEFAULT_MEETING_THEME, "conceptNoteLink",
            "https://docs.example/cn"));
    complete(pi.getId(), TASK_SEND_INVITATIONS, Map.of("invitationsSentOn", "2013-04-05", "invitedRcps", 22));
    assertThat(pi).isWaitingAt(TIMER_MEETING_DATE);
    execute(job(TIMER_MEETING_DATE, pi));
  }

  private static void draft(ProcessInstance pi, String jointContribution) {
    complete(pi.getId(), TASK_DRAFT_SUMMARY, Map.of("meetingSummaryLink", "https://docs.example/summary",
        JOINT_CONTRIBUTION, jointContribution, "jointContributionLink", "https://docs.example/joint"));
  }

  private static void comment(ProcessInstance pi, String decision) {
    complete(pi.getId(), TASK_COLLECT_COMMENTS, Map.of("commentsReceived", 9, "commentsSummary", "Stronger on data",
        COMMENT_DECISION, decision, "nonEndorsingRcps", "IGC"));
  }

  private static Object outcome(ProcessInstance pi) {
    return ProcessTestSupport.outcome(pi);
  }

  @Test
  void jointContribution_isDraftedCommentedAndTransmittedByTheNewYorkOffice() {
    ProcessInstance pi = start(Map.of());
    assertThat(pi).isWaitingAt(TASK_PREPARE_CONCEPT_NOTE).variables()
        .containsEntry(MEETING_VENUE, DEFAULT_MEETING_VENUE)
        .containsEntry(MAX_COMMENT_ROUNDS, DEFAULT_MAX_COMMENT_ROUNDS);
    assertThat(task()).hasCandidateGroup("iom-icp-rcp").hasDueDate(ProcessTestSupport.deadline("2013-02-27"));
    complete(pi.getId(), TASK_PREPARE_CONCEPT_NOTE, Map.of("conceptNoteLink", "https://docs.example/cn"));

    assertThat(pi).isWaitingAt(TASK_SEND_INVITATIONS);
    assertThat(task()).hasCandidateGroup("iom-icp-rcp").hasDueDate(ProcessTestSupport.deadline("2013-04-10"));
    complete(pi.getId(), TASK_SEND_INVITATIONS, Map.of("invitationsSentOn", "2013-04-05", "invitedRcps", 22));

    assertThat(pi).isWaitingAt(TIMER_MEETING_DATE);
    Assertions.assertThat(job(TIMER_MEETING_DATE, pi).getDuedate())
        .isEqualTo(ProcessTestSupport.dayStart("2013-05-22"));
    execute(job(TIMER_MEETING_DATE, pi));

    assertThat(pi).isWaitingAt(TASK_DRAFT_SUMMARY).hasPassed(TASK_TAKE_IN_RCP_INPUTS).variables()
        .as("a meeting outside a cycle has no RCP inputs to take in").containsEntry(RCP_INPUTS_RECEIVED, "none");
    assertThat(task()).hasCandidateGroup("iom-icp-rcp").hasDueDate(ProcessTestSupport.deadline("2013-06-14"));
    draft(pi, "agreed");

    assertThat(pi).isWaitingAt(TASK_COLLECT_COMMENTS);
    assertThat(task()).hasCandidateGroup("iom-icp-rcp").hasDueDate(ProcessTestSupport.deadline("2013-06-28"));
    comment(pi, "final");

    assertThat(pi).isWaitingAt(TASK_TRANSMIT_JOINT_CONTRIBUTION);
    assertThat(task()).hasCandidateGroup("iom-slo-nyc");
    complete(pi.getId(), TASK_TRANSMIT_JOINT_CONTRIBUTION, Map.of("transmittedOn", "2013-07-05",
        "transmittedTo", "Office of the PGA", "transmittalLink", "https://docs.example/letter"));
    assertThat(pi).isEnded().hasPassed(END_TRANSMITTED).variables().containsEntry(COMMENT_ROUNDS, 1L);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_TRANSMITTED);
  }

  @Test
  void hostMovesTheMeeting_theWaitFollowsTheDateInTheConceptNote() {
    ProcessInstance pi = start(Map.of());
    complete(pi.getId(), TASK_PREPARE_CONCEPT_NOTE, Map.of("rcpMeetingDate", "2013-05-29",
        "conceptNoteLink", "https://docs.example/cn"));
    complete(pi.getId(), TASK_SEND_INVITATIONS, Map.of("invitationsSentOn", "2013-04-05", "invitedRcps", 22));
    Assertions.assertThat(job(TIMER_MEETING_DATE, pi).getDuedate())
        .isEqualTo(ProcessTestSupport.dayStart("2013-05-29"));
  }

  @Test
  void rcpsDeclineAJointContributionAtTheMeeting_chairsSummaryOnly() {
    ProcessInstance pi = start(Map.of());
    holdMeeting(pi);
    complete(pi.getId(), TASK_DRAFT_SUMMARY, Map.of("meetingSummaryLink", "https://docs.example/summary",
        JOINT_CONTRIBUTION, "declined", "declineReason", "No mandate from member States"));
    assertThat(pi).isEnded().hasPassed(END_SUMMARY_ONLY).hasNotPassed(TASK_COLLECT_COMMENTS);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_SUMMARY_ONLY);
  }

  @Test
  void rcpsDeclineTheJointContributionInTheCommentRound_chairsSummaryOnly() {
    ProcessInstance pi = start(Map.of());
    holdMeeting(pi);
    draft(pi, "agreed");
    comment(pi, "declined");
    assertThat(pi).isEnded().hasPassed(END_SUMMARY_ONLY).hasNotPassed(TASK_TRANSMIT_JOINT_CONTRIBUTION);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_SUMMARY_ONLY);
  }

  @Test
  void furtherCommentRound_revisesTheDraftUntilTheRoundLimitThenTransmits() {
    ProcessInstance pi = start(Map.of());
    holdMeeting(pi);
    draft(pi, "agreed");
    comment(pi, "another-round");

    assertThat(pi).isWaitingAt(TASK_DRAFT_SUMMARY).variables().containsEntry(COMMENT_ROUNDS, 1L);
    draft(pi, "agreed");
    comment(pi, "another-round");

    assertThat(pi).isWaitingAt(TASK_TRANSMIT_JOINT_CONTRIBUTION).variables().containsEntry(COMMENT_ROUNDS, 2L);
    complete(pi.getId(), TASK_TRANSMIT_JOINT_CONTRIBUTION, Map.of("transmittedOn", "2013-07-15"));
    assertThat(pi).isEnded().hasPassed(END_TRANSMITTED);
  }

  @Test
  void theRoundLimitIsConfigurable() {
    ProcessInstance pi = start(Map.of(MAX_COMMENT_ROUNDS, "1"));
    holdMeeting(pi);
    draft(pi, "agreed");
    comment(pi, "another-round");
    assertThat(pi).isWaitingAt(TASK_TRANSMIT_JOINT_CONTRIBUTION);

    ProcessInstance three = start(Map.of(MAX_COMMENT_ROUNDS, 3L));
    assertThat(three).variables().containsEntry(MAX_COMMENT_ROUNDS, 3);
  }

  @Test
  void badStartValues_areRefusedAndNothingIsCreated() {
    assertThatThrownBy(() -> start(Map.of(MAX_COMMENT_ROUNDS, 0)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining(MAX_COMMENT_ROUNDS)
        .hasMessageContaining("'0'");
    assertThatThrownBy(() -> start(Map.of(MAX_COMMENT_ROUNDS, "two")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'two'");
    assertThatThrownBy(() -> start(Map.of("rcpMeetingDate", "22 May")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("rcpMeetingDate");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void theMeetingDayComes_whateverThePreparationReached() {
    ProcessInstance pi = start(Map.of());
    Assertions.assertThat(job(TIMER_PREPARATION_CUT_OFF, pi).getDuedate())
        .isEqualTo(ProcessTestSupport.dayStart("2013-05-22"));
    execute(job(TIMER_PREPARATION_CUT_OFF, pi));
    assertThat(pi).isWaitingAt(TASK_DRAFT_SUMMARY).hasPassed(TASK_TAKE_IN_RCP_INPUTS).hasNotPassed(TIMER_MEETING_DATE);
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "openAtCutOff").toString())
        .contains("meeting preparation");
  }

  @Test
  void noSummaryByTheCommentDeadline_closesOpenAtTheCutOff() {
    ProcessInstance pi = start(Map.of());
    holdMeeting(pi);
    Assertions.assertThat(job(TIMER_SUMMARY_CUT_OFF, pi).getDuedate())
        .isEqualTo(ProcessTestSupport.deadline("2013-06-28"));
    execute(job(TIMER_SUMMARY_CUT_OFF, pi));
    assertThat(pi).isEnded().hasPassed(END_SUMMARY_OPEN_AT_CUT_OFF);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_OPEN_AT_CUT_OFF);
  }

  @Test
  void theCommentRoundClosesAtItsDeadline_andTheTextGoesOnToTheHld_orCutsOffAtTheTransmittalDeadline() {
    ProcessInstance pi = start(Map.of());
    holdMeeting(pi);
    draft(pi, "agreed");
    execute(job(TIMER_COMMENTS_CUT_OFF, pi));
    assertThat(pi).isWaitingAt(TASK_TRANSMIT_JOINT_CONTRIBUTION);
    assertThat(task()).hasDueDate(ProcessTestSupport.deadline("2013-09-13"));
    execute(job(TIMER_TRANSMIT_CUT_OFF, pi));
    assertThat(pi).isEnded().hasPassed(END_TRANSMIT_OPEN_AT_CUT_OFF);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_OPEN_AT_CUT_OFF);
  }
}
