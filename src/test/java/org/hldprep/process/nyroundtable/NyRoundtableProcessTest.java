package org.hldprep.process.nyroundtable;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.hldprep.process.ProcessTestSupport.complete;
import static org.hldprep.process.ProcessTestSupport.dayStart;
import static org.hldprep.process.ProcessTestSupport.deadline;
import static org.hldprep.process.nyroundtable.NyRoundtableProcess.*;

import java.sql.Date;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.hldprep.process.ProcessTestSupport;
import org.hldprep.process.RecordOutcomeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/ny-roundtable.bpmn", "processes/task-routing.dmn",
    "processes/forms/roundtable-record-past.form", "processes/forms/roundtable-confirm-co-hosts.form",
    "processes/forms/roundtable-background-note.form", "processes/forms/roundtable-invite-delegations.form",
    "processes/forms/roundtable-write-summary.form", "processes/forms/roundtable-clear-summary.form"})
class NyRoundtableProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestSupport.coverage();

  @BeforeEach
  void registerBeans() {
    ProcessTestSupport.registerCommonBeans();
    Mocks.register("nyRoundtableStartListener", new NyRoundtableStartListener());
    // The cycle of 2013 as it began: MC/2353 was issued on 2 Nov 2012, three weeks after the first round table.
    ClockUtil.setCurrentTime(Date.valueOf("2012-11-02"));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private static ProcessInstance start(String eventDate) {
    return runtimeService().startProcessInstanceByKey(KEY, "HLD2013-roundtable-" + eventDate,
        Map.of(EVENT_DATE, eventDate));
  }

  private static void confirm(ProcessInstance pi, String eventDate) {
    complete(pi.getId(), TASK_CONFIRM_CO_HOSTS, Map.of(CO_HOST_DECISION, "confirmed", CO_HOSTS, "Bangladesh and Sweden",
        EVENT_DATE, eventDate));
  }

  private static Object outcome(ProcessInstance pi) {
    return historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(RecordOutcomeListener.OUTCOME).singleResult().getValue();
  }

  @Test
  void aComingRoundTable_isPreparedHeldSummarizedAndCleared() {
    ProcessInstance pi = start("2013-01-24");
    assertThat(pi).isWaitingAt(TASK_CONFIRM_CO_HOSTS).variables().containsEntry(HELD_BEFORE_CYCLE, false)
        .containsEntry("roundtableSeriesReportDate", "2013-09-17");
    assertThat(task(pi)).hasCandidateGroup("iom-slo-nyc").hasDueDate(dayStart("2013-01-24"))
        .hasName("Confirm the co-host governments – round table 24 Jan 2013");
    confirm(pi, "2013-01-24");
    assertThat(task(pi)).hasDefinitionKey(TASK_PREPARE_BACKGROUND_NOTE).hasCandidateGroup("iom-slo-nyc");
    complete(pi.getId(), TASK_PREPARE_BACKGROUND_NOTE, Map.of("roundtableTheme", "Migration and the post-2015 agenda",
        "backgroundNoteLink", "https://docs.example/rt2-note"));
    assertThat(task(pi)).hasDefinitionKey(TASK_INVITE_DELEGATIONS).hasCandidateGroup("iom-slo-nyc");
    complete(pi.getId(), TASK_INVITE_DELEGATIONS, Map.of("invitationsSentOn", "2013-01-10"));

    assertThat(pi).isWaitingAt(TIMER_ROUNDTABLE_DAY);
    Assertions.assertThat(job(TIMER_ROUNDTABLE_DAY, pi).getDuedate()).isEqualTo(dayStart("2013-01-24"));
    execute(job(TIMER_ROUNDTABLE_DAY, pi));
    assertThat(task(pi)).hasDefinitionKey(TASK_WRITE_ROUNDTABLE_SUMMARY).hasCandidateGroup("iom-slo-nyc")
        .hasDueDate(deadline("2013-09-17"));
    complete(pi.getId(), TASK_WRITE_ROUNDTABLE_SUMMARY, Map.of(SUMMARY_LINK, "https://docs.example/rt2-summary",
        "keyMessages", "Include migration in the post-2015 agenda"));
    assertThat(task(pi)).hasDefinitionKey(TASK_CLEAR_ROUNDTABLE_SUMMARY).hasCandidateGroup("iom-icp");
    complete(pi.getId(), TASK_CLEAR_ROUNDTABLE_SUMMARY, Map.of("summaryClearedOn", "2013-02-01"));

    assertThat(pi).isEnded().hasPassed(END_HELD).hasNotPassed(TASK_RECORD_PAST_ROUNDTABLE);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_HELD);
  }

  @Test
  void aRoundTableHeldBeforeTheInstanceStarted_onlyHasItsSummaryRecorded() {
    ProcessInstance pi = start("2012-10-12");
    assertThat(pi).isWaitingAt(TASK_RECORD_PAST_ROUNDTABLE).variables().containsEntry(HELD_BEFORE_CYCLE, true);
    assertThat(task(pi)).hasCandidateGroup("iom-slo-nyc").hasDueDate(deadline("2013-09-17"))
        .hasName("Record the summary of the round table already held – round table 12 Oct 2012");
    complete(pi.getId(), TASK_RECORD_PAST_ROUNDTABLE, Map.of(CO_HOSTS, "Mauritius and Switzerland",
        "roundtableTheme", "Migration and development: the road to the HLD", SUMMARY_LINK, "https://docs.example/rt1"));
    assertThat(pi).isEnded().hasPassed(END_HELD_BEFORE_CYCLE).hasNotPassed(TASK_CONFIRM_CO_HOSTS, TIMER_ROUNDTABLE_DAY);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_HELD_BEFORE_CYCLE);
  }

  @Test
  void aRoundTableOnTheDayTheInstanceStarts_isStillPrepared() {
    ProcessInstance pi = start("2012-11-02");
    assertThat(pi).isWaitingAt(TASK_CONFIRM_CO_HOSTS).variables().containsEntry(HELD_BEFORE_CYCLE, false);
  }

  @Test
  void noCoHostFound_theRoundTableIsCalledOff() {
    ProcessInstance pi = start("2013-02-20");
    complete(pi.getId(), TASK_CONFIRM_CO_HOSTS, Map.of(CO_HOST_DECISION, "called-off", EVENT_DATE, "2013-02-20",
        "calledOffReason", "No mission available before the spring"));
    assertThat(pi).isEnded().hasPassed(END_CALLED_OFF).variables().containsEntry("calledOffReason",
        "No mission available before the spring");
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_CALLED_OFF);
  }

  @Test
  void aMovedRoundTable_waitsForItsNewDayAndTitlesFollow() {
    ProcessInstance pi = start("2013-04-23");
    confirm(pi, "2013-04-30");
    assertThat(task(pi)).hasDueDate(dayStart("2013-04-30"))
        .hasName("Agree the theme and write the background note – round table 30 Apr 2013");
    complete(pi.getId(), TASK_PREPARE_BACKGROUND_NOTE, Map.of("roundtableTheme", "Labour mobility",
        "backgroundNoteLink", "https://docs.example/rt4-note"));
    complete(pi.getId(), TASK_INVITE_DELEGATIONS, Map.of("invitationsSentOn", "2013-04-10"));
    Assertions.assertThat(job(TIMER_ROUNDTABLE_DAY, pi).getDuedate()).isEqualTo(dayStart("2013-04-30"));
  }

  @Test
  void whateverIsStillOpenOnTheSeriesReportDate_endsOpenAtTheCutOff() {
    ProcessInstance pi = start("2013-06-07");
    confirm(pi, "2013-06-07");
    Assertions.assertThat(job(TIMER_SERIES_REPORT_DUE, pi).getDuedate()).as("the end of the day in Geneva")
        .isEqualTo(deadline("2013-09-17"));
    execute(job(TIMER_SERIES_REPORT_DUE, pi));
    assertThat(pi).isEnded().hasPassed(END_OPEN_AT_CUT_OFF).hasNotPassed(END_HELD);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_OPEN_AT_CUT_OFF);
  }

  @Test
  void aMissingOrBadEventDate_refusesTheStartAndNothingIsCreated() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, Map.of()))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining(EVENT_DATE);
    assertThatThrownBy(() -> start("24 January 2013")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(EVENT_DATE).hasMessageContaining("'24 January 2013'");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY,
        Map.of(EVENT_DATE, "2013-01-24", "roundtableSeriesReportDate", "soon")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("roundtableSeriesReportDate");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }
}
