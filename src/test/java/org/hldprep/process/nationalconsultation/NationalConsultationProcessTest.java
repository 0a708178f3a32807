package org.hldprep.process.nationalconsultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.hldprep.process.ProcessTestSupport.complete;
import static org.hldprep.process.nationalconsultation.NationalConsultationProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.hldprep.process.ProcessTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/national-consultation.bpmn", "processes/task-routing.dmn",
    "processes/forms/offer-consultation.form", "processes/forms/remind-government.form",
    "processes/forms/agree-arrangements.form", "processes/forms/record-consultation.form",
    "processes/forms/review-national-summary.form", "processes/forms/revise-national-summary.form",
    "processes/forms/resolve-escalated-review.form", "processes/forms/follow-up-late-summary.form"})
class NationalConsultationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestSupport.coverage();

  @BeforeEach
  void registerBeans() {
    // As of MC/2353 (2 Nov 2012): the 2013 calendar lies ahead.
    ProcessTestSupport.today(ProcessTestSupport.MC_2353_ISSUED);
    ProcessTestSupport.registerCommonBeans();
    Mocks.register("nationalConsultationStartListener",
        new NationalConsultationStartListener(ProcessTestSupport.referenceData()));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ProcessTestSupport.resetClock();
  }

  private ProcessInstance startPhilippines() {
    return runtimeService().startProcessInstanceByKey(KEY, "HLD2013-PHL", Map.of(COUNTRY_CODE, "phl"));
  }

  private static void acceptOffer(ProcessInstance pi) {
    complete(pi.getId(), TASK_OFFER_CONSULTATION, Map.of("governmentFocalPoint", "DFA", GOVERNMENT_ANSWER, "accepted"));
  }

  private static void agreeAndHold(ProcessInstance pi) {
    complete(pi.getId(), TASK_AGREE_ARRANGEMENTS, Map.of("consultationFormat", "briefing-and-consultation",
        CONSULTATION_DATE, "2013-04-10", "venue", "Manila"));
    assertThat(pi).isWaitingAt(TIMER_CONSULTATION_DATE);
    execute(job(TIMER_CONSULTATION_DATE, pi));
  }

  private static void record(ProcessInstance pi) {
    complete(pi.getId(), TASK_RECORD_CONSULTATION, Map.of("consultationHeldOn", "2013-04-10", "participants", 40,
        "summaryLink", "https://docs.example/phl", "keyMessages", "Protect migrant workers"));
  }

  private static void review(ProcessInstance pi, String decision) {
    complete(pi.getId(), TASK_REVIEW_SUMMARY, Map.of(REVIEW_DECISION, decision, "reviewComments", "see notes"));
  }

  private static Object outcome(ProcessInstance pi) {
    return ProcessTestSupport.outcome(pi);
  }

  @Test
  void heldConsultation_routesEachStepToTheCountryOfficeOrItsRegionalOffice() {
    ProcessInstance pi = startPhilippines();
    assertThat(pi).isWaitingAt(TASK_OFFER_CONSULTATION).variables().containsEntry(COUNTRY_CODE, "PHL");
    assertThat(task()).hasCandidateGroup("co-phl").hasDueDate(ProcessTestSupport.deadline("2013-02-15"))
        .hasName("Offer the briefing and consultation to the government – Philippines");
    acceptOffer(pi);

    assertThat(pi).isWaitingAt(TASK_AGREE_ARRANGEMENTS);
    assertThat(task()).hasCandidateGroup("co-phl");
    agreeAndHold(pi);

    assertThat(pi).isWaitingAt(TASK_RECORD_CONSULTATION);
    assertThat(task()).hasCandidateGroup("co-phl").hasFormKey(null);
    record(pi);

    assertThat(pi).isWaitingAt(TASK_REVIEW_SUMMARY);
    assertThat(task()).hasCandidateGroup("ro-bangkok");
    assertThat(taskService().getIdentityLinksForTask(task().getId())).hasSize(1);
    review(pi, "accept");

    assertThat(pi).isEnded().hasPassed(END_HELD);
    assertThat(outcome(pi)).isEqualTo(OUTCOME_HELD);
  }

  @Test
  void governmentDeclines_endsDeclinedWithTheReason() {
    ProcessInstance pi = startPhilippines();
    complete(pi.getId(), TASK_OFFER_CONSULTATION, Map.of(GOVERNMENT_ANSWER, "declined",
        DECLINE_REASON, "Elections", "governmentFocalPoint", "DFA"));
    assertThat(pi).isEnded().hasPassed(END_DECLINED).variables().containsEntry(DECLINE_REASON, "Elections");
    assertThat(outcome(pi)).isEqualTo(OUTCOME_DECLINED);
  }

  @Test
  void noAnswer_remindsThenEndsAsNoResponse() {
    ProcessInstance pi = startPhilippines();
    execute(job(TIMER_NO_GOVERNMENT_ANSWER, pi));
    assertThat(pi).isWaitingAt(TASK_REMIND_GOVERNMENT);
    assertThat(task()).hasCandidateGroup("co-phl");
    execute(job(TIMER_NO_ANSWER_AFTER_REMINDER, pi));
    assertThat(pi).isEnded().hasPassed(END_NO_RESPONSE);
    assertThat(outcome(pi)).isEqualTo(OUTCOME_NO_RESPONSE);
  }

  @Test
  void answerAfterReminder_acceptsDeclinesOrStaysSilent() {
    ProcessInstance accepts = startPhilippines();
    execute(job(TIMER_NO_GOVERNMENT_ANSWER, accepts));
    complete(accepts.getId(), TASK_REMIND_GOVERNMENT,
        Map.of("reminderSentOn", "2013-02-18", GOVERNMENT_ANSWER, "accepted"));
    assertThat(accepts).isWaitingAt(TASK_AGREE_ARRANGEMENTS);

    ProcessInstance declines = startPhilippines();
    execute(job(TIMER_NO_GOVERNMENT_ANSWER, declines));
    complete(declines.getId(), TASK_REMIND_GOVERNMENT,
        Map.of(GOVERNMENT_ANSWER, "declined", DECLINE_REASON, "No capacity"));
    assertThat(declines).isEnded().hasPassed(END_DECLINED_AFTER_REMINDER);
    assertThat(outcome(declines)).isEqualTo(OUTCOME_DECLINED);

    ProcessInstance silent = startPhilippines();
    execute(job(TIMER_NO_GOVERNMENT_ANSWER, silent));
    complete(silent.getId(), TASK_REMIND_GOVERNMENT, Map.of(GOVERNMENT_ANSWER, "none"));
    assertThat(silent).isEnded().hasPassed(END_NO_RESPONSE_AFTER_REMINDER);
    assertThat(outcome(silent)).isEqualTo(OUTCOME_NO_RESPONSE);
  }

  @Test
  void returnedSummary_isReworkedByTheCountryOfficeAndAcceptedOnTheNextReview() {
    ProcessInstance pi = startPhilippines();
    acceptOffer(pi);
    agreeAndHold(pi);
    record(pi);
    review(pi, "return");
    assertThat(pi).isWaitingAt(TASK_REVISE_SUMMARY);
    assertThat(task()).hasCandidateGroup("co-phl");
    complete(pi.getId(), TASK_REVISE_SUMMARY, Map.of("summaryLink", "https://docs.example/phl-v2",
        "keyMessages", "More on diaspora", "revisionNote", "Added section 3"));
    assertThat(pi).isWaitingAt(TASK_REVIEW_SUMMARY);
    review(pi, "accept");
    assertThat(pi).isEnded().hasPassed(END_HELD).variables().containsEntry(REVIEW_RETURNS, 1L);
  }

  @Test
  void repeatedReturns_escalateToHldCoordination() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, Map.of(COUNTRY_CODE, "KEN"));
    acceptOffer(pi);
    agreeAndHold(pi);
    record(pi);
    assertThat(task()).hasCandidateGroup("ro-nairobi");
    review(pi, "return");
    complete(pi.getId(), TASK_REVISE_SUMMARY, Map.of("revisionNote", "first"));
    review(pi, "return");

    assertThat(pi).isWaitingAt(TASK_RESOLVE_ESCALATION);
    assertThat(task()).hasCandidateGroup("iom-icp");
    complete(pi.getId(), TASK_RESOLVE_ESCALATION, Map.of(REVIEW_DECISION, "return", "escalationNote", "one more"));
    assertThat(pi).isWaitingAt(TASK_REVISE_SUMMARY);
    complete(pi.getId(), TASK_REVISE_SUMMARY, Map.of("revisionNote", "second"));
    review(pi, "return");
    complete(pi.getId(), TASK_RESOLVE_ESCALATION, Map.of(REVIEW_DECISION, "accept", "escalationNote", "good enough"));
    assertThat(pi).isEnded().hasPassed(END_HELD);
  }

  @Test
  void theReturnLimitIsConfigurable() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY,
        Map.of(COUNTRY_CODE, "MEX", MAX_REVIEW_RETURNS, 1));
    acceptOffer(pi);
    agreeAndHold(pi);
    record(pi);
    assertThat(task()).hasCandidateGroup("ro-sanjose");
    review(pi, "return");
    assertThat(pi).isWaitingAt(TASK_RESOLVE_ESCALATION);
  }

  @Test
  void summaryDeadline_remindsTheOfficeThenAlertsTheRegionalOfficeAndCountsTheSummaryLate() {
    ProcessInstance pi = startPhilippines();
    acceptOffer(pi);
    agreeAndHold(pi);
    Task record = task();

    execute(job(TIMER_SUMMARY_REMINDER, pi));
    assertThat(taskService().getTaskComments(record.getId())).singleElement()
        .satisfies(c -> org.assertj.core.api.Assertions.assertThat(c.getFullMessage()).contains("2013-05-15"));
    org.assertj.core.api.Assertions.assertThat(taskService().createTaskQuery().taskId(record.getId()).singleResult()
        .getPriority()).isEqualTo(80);

    execute(job(TIMER_SUMMARY_OVERDUE, pi));
    assertThat(pi).isWaitingAt(TASK_RECORD_CONSULTATION, TASK_FOLLOW_UP_LATE_SUMMARY);
    Task followUp = taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_FOLLOW_UP_LATE_SUMMARY).singleResult();
    assertThat(followUp).hasCandidateGroup("ro-bangkok");
    complete(pi.getId(), TASK_FOLLOW_UP_LATE_SUMMARY, Map.of("followUpNote", "Next week",
        "expectedSubmissionDate", "2013-05-22"));

    record(pi);
    review(pi, "accept");
    assertThat(pi).isEnded().hasPassed(END_HELD_LATE);
    assertThat(outcome(pi)).isEqualTo(OUTCOME_LATE);
  }

  @Test
  void acceptingALateSummary_closesTheRegionalOfficesOpenFollowUp() {
    ProcessInstance pi = startPhilippines();
    acceptOffer(pi);
    agreeAndHold(pi);
    execute(job(TIMER_SUMMARY_OVERDUE, pi));
    assertThat(pi).isWaitingAt(TASK_RECORD_CONSULTATION, TASK_FOLLOW_UP_LATE_SUMMARY);
    record(pi);
    review(pi, "accept");
    assertThat(pi).isEnded().hasPassed(END_HELD_LATE);
    org.assertj.core.api.Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count())
        .isZero();
    assertThat(outcome(pi)).isEqualTo(OUTCOME_LATE);
  }

  @Test
  void unknownCountry_isRefusedAndNothingIsCreated() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, Map.of(COUNTRY_CODE, "XYZ")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'XYZ'");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, Map.of()))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("countryCode");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY,
        Map.of(COUNTRY_CODE, "PHL", "nationalSummaryDeadline", "15 May")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("nationalSummaryDeadline");
    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void atTheCutOff_anOpenConsultationEndsOpenAtCutOff() {
    ProcessInstance pi = startPhilippines();
    acceptOffer(pi);
    agreeAndHold(pi);
    execute(job(TIMER_SUMMARY_OVERDUE, pi));
    assertThat(job(TIMER_CONSULTATION_CUT_OFF, pi).getDuedate()).isEqualTo(ProcessTestSupport.deadline("2013-06-15"));
    execute(job(TIMER_CONSULTATION_CUT_OFF, pi));
    assertThat(pi).isEnded().hasPassed(END_OPEN_AT_CUT_OFF).hasNotPassed(END_HELD_LATE);
    assertThat(outcome(pi)).isEqualTo(OUTCOME_OPEN_AT_CUT_OFF);
    org.assertj.core.api.Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count())
        .as("the Regional Office's follow-up closes too").isZero();
  }

  @Test
  void aReopenedConsultation_startsWithTheArrangements() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "HLD2013-PHL",
        Map.of(COUNTRY_CODE, "PHL", REOPENED, "true"));
    assertThat(pi).isWaitingAt(TASK_AGREE_ARRANGEMENTS).hasPassed(GATEWAY_REOPENED)
        .hasNotPassed(TASK_OFFER_CONSULTATION);
    assertThat(task()).hasCandidateGroup("co-phl").hasDueDate(ProcessTestSupport.deadline("2013-03-29"));
  }

  @Test
  void aConsultationStartedOnItsOwn_getsTheCycleChecks() {
    ProcessTestSupport.today(java.time.LocalDate.of(2013, 3, 10));
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, Map.of(COUNTRY_CODE, "PHL")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("governmentResponseDeadline (2013-02-15) is already past (today is 2013-03-10)");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, Map.of(COUNTRY_CODE, "PHL",
        "hldDate", "2014-10-03", "reviewDeadline", "2014-05-01")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("reviewDeadline (2014-05-01) must come after nationalSummaryDeadline (2014-05-15)");
    ProcessInstance replay = runtimeService().startProcessInstanceByKey(KEY,
        Map.of(COUNTRY_CODE, "PHL", "replay", true));
    assertThat(replay).isWaitingAt(TASK_OFFER_CONSULTATION);
    ProcessInstance nextYear = runtimeService().startProcessInstanceByKey(KEY, Map.of(COUNTRY_CODE, "PHL",
        "hldDate", "2014-10-03", "timeZone", "Asia/Manila"));
    assertThat(task(nextYear)).hasDueDate(java.util.Date.from(java.time.LocalDate.of(2014, 2, 15)
        .atTime(23, 59, 59).atZone(java.time.ZoneId.of("Asia/Manila")).toInstant()));
  }

  @Test
  void aWithdrawnParticipant_endsItsTrackWithdrawn() {
    ProcessInstance pi = startPhilippines();
    runtimeService().createMessageCorrelation("ParticipantWithdrawn").processInstanceBusinessKey("HLD2013-PHL")
        .correlate();
    assertThat(pi).isEnded().hasPassed("EndEvent_Withdrawn");
    org.assertj.core.api.Assertions.assertThat(outcome(pi)).isEqualTo("withdrawn");
  }

  @Test
  void aStateWithoutACountryOffice_hasItsCountryOfficeStepsDoneByItsRegionalOffice() {
    ProcessInstance comoros = runtimeService().startProcessInstanceByKey(KEY, Map.of(COUNTRY_CODE, "COM"));
    assertThat(task(comoros)).as("the reference data: the Mauritius office covers Comoros")
        .hasCandidateGroup("ro-pretoria");
    org.assertj.core.api.Assertions.assertThat(taskService().getIdentityLinksForTask(task(comoros).getId())).hasSize(1);
    acceptOffer(comoros);
    assertThat(task(comoros)).hasCandidateGroup("ro-pretoria");
    ProcessInstance holySee = runtimeService().startProcessInstanceByKey(KEY, Map.of(COUNTRY_CODE, "VAT"));
    assertThat(task(holySee)).as("unknown to the data: the Country Office group stays").hasCandidateGroup("co-vat");
  }
}
