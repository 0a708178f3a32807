package org.hldprep.process.hldpreparation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.hldprep.process.ProcessTestSupport.dayStart;
import static org.hldprep.process.ProcessTestSupport.deadline;
import static org.hldprep.process.ProcessTestSupport.runAsyncJobs;
import static org.hldprep.process.hldpreparation.HldPreparationProcess.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.hldprep.process.ProcessTestSupport;
import org.hldprep.process.RecordOutcomeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The master on its own: the children are test stand-ins (src/test/resources/process-stubs) that
 * wait until the test gives them an outcome, so that every branch of the master can be driven. The
 * engine's clock is set so that the cycle's dates lie ahead.
 */
@Deployment(resources = {"processes/hld-preparation.bpmn", "processes/task-routing.dmn",
    "processes/forms/start-cycle.form", "processes/forms/write-regional-synthesis.form",
    "processes/forms/write-global-synthesis.form", "processes/forms/prepare-briefing-pack.form",
    "processes/forms/approve-briefing-pack.form", "processes/forms/finalize-briefing-pack.form",
    "processes/forms/report-to-council.form", "processes/forms/write-series-report.form",
    "processes/forms/draft-dg-statement.form", "processes/forms/clear-dg-statement.form",
    "processes/forms/finalize-dg-statement.form", "processes/forms/record-delegation.form",
    "process-stubs/national-consultation.bpmn", "process-stubs/rcp-contribution.bpmn",
    "process-stubs/global-rcp-meeting.bpmn", "process-stubs/council-joint-statement.bpmn",
    "process-stubs/pga-outcome-input.bpmn", "process-stubs/ceb-hlcp-paper.bpmn", "process-stubs/ny-roundtable.bpmn",
    "process-stubs/regional-commission-input.bpmn"})
@SuppressWarnings("unchecked")
class HldPreparationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestSupport.coverage("national-consultation",
      "rcp-contribution", "global-rcp-meeting", "council-joint-statement", "pga-outcome-input", "ceb-hlcp-paper",
      "ny-roundtable", "regional-commission-input");

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
  /** Far enough ahead that every default date of the cycle lies after TODAY. */
  private static final LocalDate HLD = TODAY.plusMonths(13);

  @BeforeEach
  void registerBeans() {
    ProcessTestSupport.today(TODAY);
    ProcessTestSupport.registerCommonBeans();
    Mocks.register("hldPreparationStartListener", new HldPreparationStartListener(ProcessTestSupport.referenceData(),
        new InMemoryCycleNames()));
    Mocks.register("tallyOutcomesDelegate", new TallyOutcomesDelegate());
    Mocks.register("moveDeadlinesDelegate", new MoveDeadlinesDelegate());
    Mocks.register("trackVariableMapping", new TrackVariableMapping());
    Mocks.register("recordTrackOutcomeDelegate", new RecordTrackOutcomeDelegate(ProcessTestSupport.referenceData()));
    Mocks.register("listOpenConsultationsDelegate",
        new ListOpenConsultationsDelegate(ProcessTestSupport.referenceData()));
    Mocks.register("tallyTrackDelegate", new TallyTrackDelegate());
    Mocks.register("recordHldOutcomeDelegate", new RecordHldOutcomeDelegate());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ProcessTestSupport.resetClock();
  }

  /** A small cycle on a calendar given only by its HLD. */
  private static ProcessInstance startSmallCycle() {
    return runtimeService().startProcessInstanceByKey(KEY, "HLD2013", Map.of(
        MEMBER_STATES, "PHL, KEN, mex", RCPS, List.of("colombo-process", "puebla-process"),
        "hldDate", HLD.toString()));
  }

  private static String date(ProcessInstance pi, String key) {
    return String.valueOf(runtimeService().getVariable(pi.getId(), key));
  }

  private static ProcessInstance child(String key, String businessKey) {
    ProcessInstance child = runtimeService().createProcessInstanceQuery().processDefinitionKey(key)
        .processInstanceBusinessKey(businessKey).singleResult();
    assertThat(child).as(businessKey).isNotNull();
    return child;
  }

  /** The stand-in child ends with this outcome, as the real child's end event would record it. */
  private static void finish(ProcessInstance child, String outcome) {
    runtimeService().setVariable(child.getId(), RecordOutcomeListener.OUTCOME, outcome);
    Execution waiting = runtimeService().createExecutionQuery().processInstanceId(child.getId())
        .activityId("Task_AwaitTestOutcome").singleResult();
    runtimeService().signal(waiting.getId());
    runAsyncJobs();
  }

  private static Task task(ProcessInstance pi, String taskKey, String group) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .taskCandidateGroup(group).singleResult();
  }

  private static void complete(ProcessInstance pi, String taskKey, String group, Map<String, Object> values) {
    Task task = task(pi, taskKey, group);
    assertThat(task).as(taskKey + " for " + group).isNotNull();
    taskService().complete(task.getId(), values);
  }

  private static List<String> roundtables(ProcessInstance pi) {
    return ((List<Object>) runtimeService().getVariable(pi.getId(), ROUNDTABLES)).stream().map(String::valueOf)
        .toList();
  }

  private static void hldConcluded(ProcessInstance pi, String symbol) {
    runtimeService().createMessageCorrelation(MESSAGE_HLD_CONCLUDED).processInstanceId(pi.getId())
        .setVariable(HLD_OUTCOME_SYMBOL, symbol)
        .setVariable(HLD_OUTCOME_TITLE,
            "Declaration of the High-level Dialogue on International Migration and Development")
        .setVariable(HLD_OUTCOME_LINK, "https://undocs.org/A/RES/68/4").correlate();
  }

  /** What the task's form shows: its variable as Tasklist reads it. */
  private static Object formVariable(Task task, String name) {
    return formService().getTaskFormVariables(task.getId()).getValue(name, Object.class);
  }

  @Test
  void fullCycle_runsEveryTrackAndCollectsEachChildsOutcomeByItsBusinessKey() {
    ProcessInstance pi = startSmallCycle();
    assertThat(pi).isActive().hasBusinessKey("HLD2013");
    assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).count())
        .as("3 consultations, 2 RCPs, the global meeting, the Council statement, the PGA input, the CEB/HLCP"
            + " paper, 5 round tables, 5 Regional Commissions")
        .isEqualTo(19);
    ProcessInstance philippines = child("national-consultation", "HLD2013-PHL");
    assertThat(runtimeService().getVariables(philippines.getId())).containsEntry("countryCode", "PHL")
        .containsEntry("nationalSummaryDeadline", date(pi, "nationalSummaryDeadline")).containsEntry("cycle", "HLD2013")
        .containsEntry("timeZone", "Europe/Zurich").containsEntry("replay", false)
        .doesNotContainKey("rcpMeetingDate");
    assertThat(runtimeService().getVariables(child("global-rcp-meeting", "HLD2013-global-rcp-meeting").getId()))
        .as("the Global RCP Meeting runs alongside the RCP contributions, on its own dates")
        .containsEntry("rcpMeetingDate", date(pi, "rcpMeetingDate"));

    // A user of the child rewrote its countryCode: the tally still keys it by the child's business key.
    runtimeService().setVariable(philippines.getId(), "countryCode", "KEN");
    finish(philippines, "held");
    assertThat(runtimeService().getVariable(pi.getId(), CONSULTATION_OUTCOMES)).isEqualTo(Map.of("PHL", "held"));
    // Every consultation of Bangkok's region has ended: its synthesis starts before its date, the others wait.
    assertThat(task(pi, TASK_WRITE_REGIONAL_SYNTHESIS, "ro-bangkok")).isNotNull();
    assertThat(task(pi, TASK_WRITE_REGIONAL_SYNTHESIS, "ro-nairobi")).isNull();
    assertThat(runtimeService().getVariables(task(pi, TASK_WRITE_REGIONAL_SYNTHESIS, "ro-bangkok").getExecutionId()))
        .containsEntry(OPEN_CONSULTATIONS, "none");

    finish(child("national-consultation", "HLD2013-KEN"), "declined");
    finish(child("national-consultation", "HLD2013-MEX"), "no-response");
    assertThat(runtimeService().getVariable(pi.getId(), CONSULTATION_OUTCOMES))
        .isEqualTo(Map.of("PHL", "held", "KEN", "declined", "MEX", "no-response"));
    assertThat(runtimeService().getVariable(pi.getId(), "consultationSummary").toString())
        .startsWith("3 in all: declined 1, held 1, no-response 1.");
    for (String office : List.of("ro-bangkok", "ro-nairobi", "ro-sanjose")) {
      complete(pi, TASK_WRITE_REGIONAL_SYNTHESIS, office, Map.of("regionalSynthesisLink", "https://docs/" + office));
    }
    complete(pi, TASK_WRITE_GLOBAL_SYNTHESIS, "iom-icp", Map.of("globalSynthesisLink", "https://docs/global"));

    finish(child("rcp-contribution", "HLD2013-colombo-process"), "input-logged");
    finish(child("rcp-contribution", "HLD2013-puebla-process"), "not-interested");
    assertThat(runtimeService().getVariable(pi.getId(), RCP_OUTCOMES))
        .isEqualTo(Map.of("colombo-process", "input-logged", "puebla-process", "not-interested"));
    finish(child("global-rcp-meeting", "HLD2013-global-rcp-meeting"), "transmitted");
    finish(child("council-joint-statement", "HLD2013-council-joint-statement"), "no-consensus");
    finish(child("pga-outcome-input", "HLD2013-pga-outcome-input"), "outcome-adopted");
    finish(child("ceb-hlcp-paper", "HLD2013-ceb-hlcp-paper"), "launched");
    for (String commission : List.of("eca", "ece", "eclac", "escap", "escwa")) {
      finish(child("regional-commission-input", "HLD2013-" + commission),
          commission.equals("eca") ? "forwarded-to-dialogue" : "forwarded-to-desa");
    }
    List<String> roundtables = roundtables(pi);
    assertThat(roundtables).hasSize(5).first().isEqualTo("roundtable-" + HLD.minusDays(356));
    for (String roundtable : roundtables) {
      assertThat(task(pi, TASK_WRITE_SERIES_REPORT, "iom-slo-nyc")).as("the series waits for its last round table")
          .isNull();
      finish(child("ny-roundtable", "HLD2013-" + roundtable), "held");
    }
    // Every round table has ended: the series report starts before its date, with the series tallied.
    Task seriesReport = task(pi, TASK_WRITE_SERIES_REPORT, "iom-slo-nyc");
    assertThat(seriesReport.getDueDate()).isEqualTo(deadline(date(pi, "roundtableSeriesReportDate")));
    assertThat(runtimeService().getVariable(pi.getId(), "roundtableSummary").toString())
        .startsWith("5 in all: held 5.");
    taskService().complete(seriesReport.getId(), Map.of("seriesReportLink", "https://docs/series",
        "seriesKeyMessages", "Migration in the post-2015 agenda"));
    assertThat(runtimeService().getVariable(pi.getId(), OPEN_CHILDREN)).isEqualTo(0);

    execute(job(TIMER_BRIEFING_PACK_DUE, pi));
    complete(pi, TASK_PREPARE_BRIEFING_PACK, "iom-icp", Map.of("briefingPackLink", "https://docs/pack"));
    complete(pi, TASK_APPROVE_BRIEFING_PACK, "iom-dg",
        Map.of(BRIEFING_DECISION, "return", "briefingComments", "add RT4"));
    complete(pi, TASK_PREPARE_BRIEFING_PACK, "iom-icp", Map.of("briefingPackLink", "https://docs/pack2"));
    complete(pi, TASK_APPROVE_BRIEFING_PACK, "iom-dg", Map.of(BRIEFING_DECISION, "approve"));
    assertThat(pi).hasPassed(END_BRIEFING_APPROVED);

    // The Director General's statement: drafted, returned once, cleared.
    assertThat(job(TIMER_DG_STATEMENT_START, pi).getDuedate()).isEqualTo(dayStart(date(pi, "dgStatementStartDate")));
    execute(job(TIMER_DG_STATEMENT_START, pi));
    assertThat(task(pi, TASK_DRAFT_DG_STATEMENT, "iom-mpr").getDueDate())
        .isEqualTo(deadline(date(pi, "dgStatementDeadline")));
    complete(pi, TASK_DRAFT_DG_STATEMENT, "iom-mpr", Map.of("dgStatementLink", "https://docs/dg1"));
    complete(pi, TASK_CLEAR_DG_STATEMENT, "iom-dg", Map.of(DG_STATEMENT_DECISION, "returned",
        "dgStatementComments", "Name the four round tables"));
    complete(pi, TASK_DRAFT_DG_STATEMENT, "iom-mpr", Map.of("dgStatementLink", "https://docs/dg2"));
    complete(pi, TASK_CLEAR_DG_STATEMENT, "iom-dg", Map.of(DG_STATEMENT_DECISION, "cleared"));
    assertThat(pi).hasPassed(END_DG_STATEMENT_CLEARED).hasNotPassed(TASK_FINALIZE_DG_STATEMENT);

    // The Dialogue week: the delegation is recorded, and HldConcluded brings the outcome.
    assertThatThrownBy(() -> hldConcluded(pi, "A/RES/68/4")).as("nothing waits before the Dialogue opens")
        .isInstanceOf(MismatchingMessageCorrelationException.class);
    execute(job(TIMER_HLD_OPENS, pi));
    complete(pi, TASK_RECORD_DELEGATION, "iom-icp", Map.of("delegationHead", "Director General",
        "delegationMembers", "ICP, MPR, SLO New York", "roundtableParticipation", "Round tables 1 and 4"));
    assertThatThrownBy(() -> hldConcluded(pi, "the declaration")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("hldOutcomeSymbol").hasMessageContaining("'the declaration'");
    hldConcluded(pi, "A/RES/68/4");
    assertThat(runtimeService().getVariable(pi.getId(), HLD_OUTCOME)).isEqualTo(HLD_CONCLUDED);
    assertThat(pi).hasPassed(TASK_RECORD_HLD_OUTCOME).hasNotPassed(TIMER_HLD_OUTCOME_FALLBACK)
        .isWaitingAt(TIMER_HLD_PASSED);

    // The HLD has passed and every track has ended: the report starts without waiting for its date.
    execute(job(TIMER_HLD_PASSED, pi));
    runAsyncJobs();
    assertThat(pi).hasPassed(CONDITIONAL_ALL_TRACKS_ENDED).hasNotPassed(TIMER_COUNCIL_REPORT_DATE);
    assertThat(runtimeService().getVariable(pi.getId(), TRACK_OUTCOMES)).isEqualTo(Map.of(
        "global-rcp-meeting", "transmitted", "council-joint-statement", "no-consensus",
        "pga-outcome-input", "outcome-adopted", "ceb-hlcp-paper", "launched"));
    assertThat((Map<Object, Object>) runtimeService().getVariable(pi.getId(), COMMISSION_OUTCOMES)).hasSize(5)
        .containsEntry("eca", "forwarded-to-dialogue").containsEntry("escap", "forwarded-to-desa");
    assertThat(runtimeService().getVariable(pi.getId(), OPEN_AT_REPORT)).isEqualTo("nothing");
    Task report = task(pi, TASK_REPORT_TO_COUNCIL, "iom-icp-gb");
    assertThat(formVariable(report, "hldOutcomeSummary")).isEqualTo("A/RES/68/4 – Declaration of the High-level"
        + " Dialogue on International Migration and Development (https://undocs.org/A/RES/68/4)");
    assertThat(formVariable(report, "commissionSummary").toString()).startsWith("5 in all: forwarded-to-desa 4,"
        + " forwarded-to-dialogue 1.");
    assertThat(formVariable(report, "roundtableSummary").toString()).startsWith("5 in all: held 5.");
    complete(pi, TASK_REPORT_TO_COUNCIL, "iom-icp-gb", Map.of("councilReportLink", "https://docs/report"));
    assertThat(pi).isEnded().hasPassed(END_CYCLE_CLOSED);
    assertThat(ProcessTestSupport.outcome(pi)).isEqualTo(OUTCOME_CLOSED);
  }

  @Test
  void aSilentRegion_startsItsSynthesisOnItsDate_listingTheConsultationsStillOpen() {
    ProcessInstance pi = startSmallCycle();
    finish(child("national-consultation", "HLD2013-KEN"), "held");
    assertThat(task(pi, TASK_WRITE_REGIONAL_SYNTHESIS, "ro-bangkok")).isNull();

    Job bangkokDate = managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_REGIONAL_SYNTHESIS_DATE).timers().list().get(0);
    assertThat(bangkokDate.getDuedate()).isEqualTo(dayStart(date(pi, "regionalSynthesisStartDate")));
    for (Job synthesisDate : managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_REGIONAL_SYNTHESIS_DATE).timers().list()) {
      managementService().executeJob(synthesisDate.getId());
    }
    Task bangkok = task(pi, TASK_WRITE_REGIONAL_SYNTHESIS, "ro-bangkok");
    assertThat(runtimeService().getVariable(bangkok.getExecutionId(), OPEN_CONSULTATIONS)).isEqualTo("Philippines");
    assertThat(bangkok.getDueDate()).isEqualTo(deadline(date(pi, "regionalSynthesisDeadline")));
    assertThat(task(pi, TASK_WRITE_REGIONAL_SYNTHESIS, "ro-sanjose")).isNotNull();

    // Nobody writes: at the deadline the syntheses close open, and the global synthesis starts with what exists.
    for (String office : List.of("ro-bangkok", "ro-sanjose")) {
      execute(managementService().createJobQuery().timers()
          .executionId(task(pi, TASK_WRITE_REGIONAL_SYNTHESIS, office).getExecutionId()).singleResult());
    }
    Task global = taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_WRITE_GLOBAL_SYNTHESIS).singleResult();
    assertThat(global).as("Nairobi's synthesis is still open, so the global one waits").isNull();
    complete(pi, TASK_WRITE_REGIONAL_SYNTHESIS, "ro-nairobi", Map.of("regionalSynthesisLink", "https://docs/nbo"));
    execute(job(TIMER_GLOBAL_SYNTHESIS_CUT_OFF, pi));
    assertThat(runtimeService().getVariable(pi.getId(), "openAtCutOff").toString())
        .contains("regional synthesis ro-bangkok", "regional synthesis ro-sanjose", "global synthesis");
  }

  @Test
  void theReport_isReachedOnItsDateWithChildrenStillOpen_andALateChildIsStillTallied() {
    ProcessInstance pi = startSmallCycle();
    for (String country : List.of("KEN", "MEX")) {
      finish(child("national-consultation", "HLD2013-" + country), "held");
    }
    execute(job(TIMER_BRIEFING_PACK_DUE, pi));
    execute(job(TIMER_BRIEFING_CUT_OFF, pi));
    execute(job(TIMER_DG_STATEMENT_START, pi));
    execute(job(TIMER_DG_STATEMENT_CUT_OFF, pi));
    // The Dialogue week passes in silence: no delegation recorded, no HldConcluded. On the report's start
    // date both give up, the outcome is recorded as not received, and the report may start.
    execute(job(TIMER_HLD_OPENS, pi));
    assertThat(job(TIMER_HLD_OUTCOME_FALLBACK, pi).getDuedate())
        .isEqualTo(dayStart(date(pi, "councilReportStartDate")));
    execute(job(TIMER_HLD_OUTCOME_FALLBACK, pi));
    execute(job(TIMER_DELEGATION_CUT_OFF, pi));
    assertThat(runtimeService().getVariable(pi.getId(), HLD_OUTCOME)).isEqualTo(HLD_OUTCOME_NOT_RECEIVED);
    assertThat(runtimeService().getVariable(pi.getId(), HLD_OUTCOME_SUMMARY).toString())
        .startsWith("Not received by " + date(pi, "councilReportStartDate"));
    execute(job(TIMER_HLD_PASSED, pi));
    assertThat(pi).isWaitingAt("Gateway_ReportStarts");
    assertThat(job(TIMER_COUNCIL_REPORT_DATE, pi).getDuedate()).isEqualTo(dayStart(date(pi, "councilReportStartDate")));

    execute(job(TIMER_COUNCIL_REPORT_DATE, pi));
    runAsyncJobs();
    Task report = task(pi, TASK_REPORT_TO_COUNCIL, "iom-icp-gb");
    assertThat(report.getDueDate()).isEqualTo(deadline(date(pi, "councilReportDeadline")));
    assertThat(runtimeService().getVariable(pi.getId(), OPEN_AT_REPORT).toString())
        .contains("PHL (running)", "colombo-process (running)", "council-joint-statement (running)",
            "ceb-hlcp-paper (running)", "roundtable-" + HLD.minusDays(356) + " (running)", "eca (running)",
            "briefing pack (open-at-cutoff)", "Director General's statement (open-at-cutoff)",
            "delegation and round-table participation (open-at-cutoff)");
    assertThat((Map<Object, Object>) runtimeService().getVariable(pi.getId(), CONSULTATION_OUTCOMES))
        .containsEntry("PHL", "running").containsEntry("KEN", "held");

    // The Philippines ends after the report was started: its outcome still reaches the tally.
    finish(child("national-consultation", "HLD2013-PHL"), "late");
    assertThat((Map<Object, Object>) runtimeService().getVariable(pi.getId(), CONSULTATION_OUTCOMES))
        .containsEntry("PHL", "late");

    // Nobody reports: the report closes open at its deadline, and the cycle ends once its children have.
    execute(job(TIMER_COUNCIL_REPORT_CUT_OFF, pi));
    assertThat(pi).hasPassed(END_REPORT_OPEN_AT_CUT_OFF).isActive();
    for (String[] rest : new String[][]{{"rcp-contribution", "HLD2013-colombo-process"},
        {"rcp-contribution", "HLD2013-puebla-process"}, {"global-rcp-meeting", "HLD2013-global-rcp-meeting"},
        {"council-joint-statement", "HLD2013-council-joint-statement"},
        {"pga-outcome-input", "HLD2013-pga-outcome-input"}, {"ceb-hlcp-paper", "HLD2013-ceb-hlcp-paper"}}) {
      finish(child(rest[0], rest[1]), "open-at-cutoff");
    }
    for (String commission : List.of("eca", "ece", "eclac", "escap", "escwa")) {
      finish(child("regional-commission-input", "HLD2013-" + commission), "open-at-cutoff");
    }
    execute(job(TIMER_SERIES_REPORT_DATE, pi));
    for (String roundtable : roundtables(pi)) {
      finish(child("ny-roundtable", "HLD2013-" + roundtable), "open-at-cutoff");
    }
    execute(job(TIMER_SERIES_REPORT_CUT_OFF, pi));
    for (Job cutOff : managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_REGIONAL_SYNTHESIS_CUT_OFF).list()) {
      managementService().executeJob(cutOff.getId());
    }
    execute(job(TIMER_GLOBAL_SYNTHESIS_CUT_OFF, pi));
    assertThat(pi).isEnded();
    assertThat(ProcessTestSupport.outcome(pi)).isEqualTo("open-at-cutoff");
  }

  @Test
  void aBriefingPackReturnedTooOften_isFinalizedByTheDirectorGeneral() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "HLD2014", Map.of(MEMBER_STATES, "PHL",
        RCPS, "sacm", "hldDate", HLD.toString(), MAX_BRIEFING_RETURNS, 1));
    execute(job(TIMER_BRIEFING_PACK_DUE, pi));
    Task prepare = task(pi, TASK_PREPARE_BRIEFING_PACK, "iom-icp");
    assertThat(prepare.getDueDate()).isEqualTo(deadline(date(pi, "briefingApprovalDeadline")));
    taskService().complete(prepare.getId(), Map.of("briefingPackLink", "https://docs/pack"));
    Task approve = task(pi, TASK_APPROVE_BRIEFING_PACK, "iom-dg");
    assertThat(approve.getDueDate()).isEqualTo(dayStart(HLD.toString()));
    taskService().complete(approve.getId(), Map.of(BRIEFING_DECISION, "return"));
    complete(pi, TASK_FINALIZE_BRIEFING_PACK, "iom-dg", Map.of("finalBriefingPackLink", "https://docs/final"));
    assertThat(pi).hasPassed(END_BRIEFING_FINALIZED);
  }

  @Test
  void onlyAFutureHld_givesACompleteCalendar_everyTimerAndDueDateAfterTheStartAndBeforeTheHld() {
    Date start = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, Map.of("hldDate", HLD.toString(),
        MEMBER_STATES, "PHL", RCPS, "sacm"));
    assertThat(pi).hasBusinessKey("HLD" + HLD.getYear());
    Date hldEnd = deadline(date(pi, "hldEndDate"));
    List<Job> timers = managementService().createJobQuery().processInstanceId(pi.getId()).timers().list();
    assertThat(timers).extracting(Job::getDuedate).isNotEmpty()
        .allSatisfy(due -> assertThat(due).isAfter(start).isBeforeOrEqualTo(hldEnd));
    assertThat(job(TIMER_BRIEFING_PACK_DUE, pi).getDuedate()).isEqualTo(dayStart(HLD.minusDays(10).toString()));
    assertThat(date(pi, "governmentResponseDeadline")).isEqualTo(HLD.minusDays(230).toString());
    assertThat((List<Object>) runtimeService().getVariable(pi.getId(), org.hldprep.calendar.CycleCalendar.GIVEN_DATES))
        .containsExactly("hldDate");
  }

  @Test
  void noParticipantsGiven_meansEveryMemberStateAndRcpOfTheReferenceData() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, Map.of("hldDate", HLD.toString()));
    assertThat((List<?>) runtimeService().getVariable(pi.getId(), MEMBER_STATES)).hasSize(194);
    assertThat((List<?>) runtimeService().getVariable(pi.getId(), RCPS)).hasSize(21);
    assertThat((List<?>) runtimeService().getVariable(pi.getId(), REGIONAL_OFFICES)).hasSize(9);
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("national-consultation").count())
        .isEqualTo(194);
    assertThat((Map<Object, Object>) runtimeService().getVariable(pi.getId(), OPEN_CONSULTATIONS_BY_REGION))
        .containsEntry("ro-nairobi", 10).containsEntry("ro-bangkok", 39);
  }

  @Test
  void theTasklistStartForm_namesTheCycleWithoutABusinessKey() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, Map.of(CYCLE, "HLD2031",
        MEMBER_STATES, "PHL", RCPS, "sacm", "hldDate", HLD.toString(), "governmentResponseDeadline", "",
        "timeZone", "America/New_York"));
    assertThat(pi).hasBusinessKey("HLD2031");
    ProcessInstance philippines = child("national-consultation", "HLD2031-PHL");
    assertThat(runtimeService().getVariable(pi.getId(), "governmentResponseDeadline"))
        .as("an empty date field takes the default").isEqualTo(HLD.minusDays(230).toString());
    assertThat(runtimeService().getVariable(philippines.getId(), "timeZone")).isEqualTo("America/New_York");
  }

  @Test
  void badParticipantsDatesOrOrder_areRefusedAndNothingIsCreated() {
    String hld = HLD.toString();
    assertThatThrownBy(
        () -> runtimeService().startProcessInstanceByKey(KEY, Map.of(MEMBER_STATES, "PHL, XKX", "hldDate", hld)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'XKX'");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY,
        Map.of(RCPS, Variables.stringValue("[\"lima-process\"]"), "hldDate", hld)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'lima-process'");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, Map.of("hldDate", "3 Oct 2013")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("hldDate");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, "HLD 2013!", Map.of("hldDate", hld)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("HLD 2013!");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, Map.of("hldDate", hld,
        "rcpInputDeadline", HLD.minusDays(100).toString())))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("rcpMeetingDate (" + HLD.minusDays(134) + ") must come after rcpInputDeadline ("
            + HLD.minusDays(100) + ")");
    assertThatThrownBy(
        () -> runtimeService().startProcessInstanceByKey(KEY, Map.of("hldDate", hld, "timeZone", "Geneva")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("timeZone");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, Map.of("hldDate", "2013-10-03")))
        .as("2013 has passed").isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("is already past").hasMessageContaining("replay");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY,
        Map.of("hldDate", TODAY.plusMonths(6).toString())))
        .as("an HLD too near for the 2013 lead times").isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(
            "governmentResponseDeadline (" + TODAY.plusMonths(6).minusDays(230) + ") is already past");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void aReplayOf2013_acceptsDatesAlreadyPast() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "HLD2013", Map.of("hldDate", "2013-10-03",
        "replay", true, MEMBER_STATES, "PHL", RCPS, "sacm"));
    assertThat(date(pi, "governmentResponseDeadline")).isEqualTo("2013-02-15");
    assertThat(job(TIMER_BRIEFING_PACK_DUE, pi).getDuedate()).isEqualTo(dayStart("2013-09-23"));
  }

  @Test
  void calendarChanged_movesTheDatesThatFollowTheHld_inTheMasterAndTheChildren() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "HLD2013", Map.of(MEMBER_STATES, "PHL",
        RCPS, "sacm", "hldDate", HLD.toString(), "nationalSummaryDeadline", HLD.minusMonths(4).toString()));
    LocalDate newHld = HLD.plusDays(20);
    correlate(pi, Map.of("hldDate", newHld.toString()), null);

    assertThat(date(pi, "hldDate")).isEqualTo(newHld.toString());
    assertThat(date(pi, "briefingPackDate")).isEqualTo(newHld.minusDays(10).toString());
    assertThat(job(TIMER_BRIEFING_PACK_DUE, pi).getDuedate()).isEqualTo(dayStart(newHld.minusDays(10).toString()));
    ProcessInstance philippines = child("national-consultation", "HLD2013-PHL");
    assertThat(runtimeService().getVariable(philippines.getId(), "nationalSummaryDeadline"))
        .as("given at the start, so it stays").isEqualTo(HLD.minusMonths(4).toString());
    assertThat(runtimeService().getVariable(philippines.getId(), "regionalSynthesisDeadline"))
        .as("a default that follows the summaries, which did not move")
        .isEqualTo(date(pi, "regionalSynthesisDeadline"));
    ProcessInstance sacm = child("rcp-contribution", "HLD2013-sacm");
    assertThat(runtimeService().getVariable(sacm.getId(), "rcpMeetingDate"))
        .as("a default that follows the HLD moves in the child").isEqualTo(newHld.minusDays(134).toString());
    assertThat(runtimeService().getVariable(pi.getId(), CALENDAR_CHANGES)).isNull();

    // A date a child set for itself stays when another date of the cycle moves.
    runtimeService().setVariable(philippines.getId(), "nationalSummaryDeadline", HLD.minusMonths(2).toString());
    correlate(pi, Map.of("pgaInputDeadline", HLD.minusMonths(3).toString()), null);
    assertThat(runtimeService().getVariable(philippines.getId(), "nationalSummaryDeadline"))
        .isEqualTo(HLD.minusMonths(2).toString());

    // An open task whose due date names a moved date follows it.
    execute(job(TIMER_BRIEFING_PACK_DUE, pi));
    Task prepare = task(pi, TASK_PREPARE_BRIEFING_PACK, "iom-icp");
    assertThat(prepare.getDueDate()).isEqualTo(deadline(newHld.minusDays(3).toString()));
    correlate(pi, Map.of("briefingApprovalDeadline", newHld.minusDays(5).toString()), null);
    assertThat(taskService().createTaskQuery().taskId(prepare.getId()).singleResult().getDueDate())
        .isEqualTo(deadline(newHld.minusDays(5).toString()));
  }

  @Test
  void calendarChanged_isChecked_andMayPutDatesInThePastOnlyForAReplay() {
    ProcessInstance pi = startSmallCycle();
    assertThatThrownBy(() -> correlate(pi, Map.of("councilReportStartDate", HLD.minusDays(10).toString()), null))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("councilReportStartDate ("
            + HLD.minusDays(10) + ") must come after hldEndDate");
    assertThatThrownBy(() -> correlate(pi, Map.of("hldDate", TODAY.plusMonths(2).toString()), null))
        .as("every default follows the HLD, and the earliest would fall before today")
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("still ahead in the past");
    assertThatThrownBy(() -> correlate(pi, Map.of("lunchDate", "2030-01-01"), null))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("lunchDate");
    assertThat(date(pi, "hldDate")).isEqualTo(HLD.toString());

    LocalDate pastHld = TODAY.minusDays(60);
    correlate(pi, Map.of("hldDate", pastHld.toString()), true);
    assertThat(date(pi, "hldDate")).isEqualTo(pastHld.toString());
    assertThat(job(TIMER_HLD_OPENS, pi).getDuedate()).isEqualTo(dayStart(pastHld.toString()));
  }

  private static void correlate(ProcessInstance pi, Map<String, String> changes, Boolean replay) {
    var correlation = runtimeService().createMessageCorrelation(MESSAGE_CALENDAR_CHANGED).processInstanceId(pi.getId())
        .setVariable(CALENDAR_CHANGES, changes);
    if (replay != null) {
      correlation.setVariable(CALENDAR_CHANGE_REPLAY, replay);
    }
    correlation.correlate();
  }

  @Test
  void aMemberStateOrRcpAddedToTheRunningCycle_getsItsTrackAndItsTally_andAConsultationCanBeReopened() {
    ProcessInstance pi = startSmallCycle();
    addParticipant("national-consultation", "SUR", false);
    addParticipant("rcp-contribution", "almaty-process", false);
    ProcessInstance suriname = child("national-consultation", "HLD2013-SUR");
    assertThat(runtimeService().getVariables(suriname.getId())).containsEntry("countryCode", "SUR")
        .containsEntry("governmentResponseDeadline", date(pi, "governmentResponseDeadline"))
        .containsEntry("reopened", false);
    finish(suriname, "held");
    finish(child("rcp-contribution", "HLD2013-almaty-process"), "input-logged");
    assertThat((Map<Object, Object>) runtimeService().getVariable(pi.getId(), CONSULTATION_OUTCOMES))
        .containsEntry("SUR", "held");
    assertThat((Map<Object, Object>) runtimeService().getVariable(pi.getId(), RCP_OUTCOMES))
        .containsEntry("almaty-process", "input-logged");

    finish(child("national-consultation", "HLD2013-MEX"), "no-response");
    addParticipant("national-consultation", "MEX", true);
    ProcessInstance reopened = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey("national-consultation")
        .processInstanceBusinessKey("HLD2013-MEX").active().singleResult();
    assertThat(runtimeService().getVariable(reopened.getId(), "reopened")).isEqualTo(true);
    finish(reopened, "held");
    assertThat((Map<Object, Object>) runtimeService().getVariable(pi.getId(), CONSULTATION_OUTCOMES))
        .containsEntry("MEX", "held");
  }

  private static void addParticipant(String process, String code, boolean reopened) {
    runtimeService().createMessageCorrelation(MESSAGE_PARTICIPANT_ADDED).processInstanceBusinessKey("HLD2013")
        .setVariable(PARTICIPANT_PROCESS, process).setVariable(PARTICIPANT_CODE, code)
        .setVariable("reopened", reopened).correlate();
    runAsyncJobs();
  }

  @Test
  void theSeriesReport_startsOnItsDateWithTheRoundTablesStillOpen_andIsRecordedOpenAtItsCutOff() {
    ProcessInstance pi = startSmallCycle();
    List<String> roundtables = roundtables(pi);
    finish(child("ny-roundtable", "HLD2013-" + roundtables.get(0)), "held-before-cycle");
    finish(child("ny-roundtable", "HLD2013-" + roundtables.get(1)), "held");
    assertThat(runtimeService().getVariable(pi.getId(), OPEN_ROUNDTABLES)).isEqualTo(3);
    assertThat(job(TIMER_SERIES_REPORT_DATE, pi).getDuedate())
        .isEqualTo(dayStart(date(pi, "roundtableSeriesReportStartDate")));

    execute(job(TIMER_SERIES_REPORT_DATE, pi));
    Task report = task(pi, TASK_WRITE_SERIES_REPORT, "iom-slo-nyc");
    assertThat(formVariable(report, "roundtableSummary").toString()).startsWith("5 in all: held 1, held-before-cycle 1,"
        + " running 3.").contains(roundtables.get(4) + " running");
    execute(job(TIMER_SERIES_REPORT_CUT_OFF, pi));
    assertThat(pi).hasPassed(END_SERIES_REPORT_OPEN);
    assertThat(runtimeService().getVariable(pi.getId(), "openAtCutOff").toString())
        .contains("round-table series report");
  }

  @Test
  void roundTablesAndCommissions_getTheirOwnDate_andCalendarChangedReachesTheRightChild() {
    ProcessInstance pi = startSmallCycle();
    String[] dates = date(pi, "roundtableDates").split(",");
    List<String> roundtables = roundtables(pi);
    ProcessInstance second = child("ny-roundtable", "HLD2013-roundtable-" + dates[1]);
    ProcessInstance third = child("ny-roundtable", "HLD2013-roundtable-" + dates[2]);
    assertThat(roundtables)
        .containsExactly(java.util.Arrays.stream(dates).map(d -> "roundtable-" + d).toArray(String[]::new));
    assertThat(runtimeService().getVariables(third.getId())).containsEntry("eventDate", dates[2])
        .containsEntry("roundtableNumber", 3L).containsEntry("roundtable", "roundtable-" + dates[2])
        .containsEntry("roundtableSeriesReportDate", date(pi, "roundtableSeriesReportDate"));
    ProcessInstance eca = child("regional-commission-input", "HLD2013-eca");
    ProcessInstance ece = child("regional-commission-input", "HLD2013-ece");
    assertThat(runtimeService().getVariables(eca.getId())).containsEntry("commissionCode", "eca")
        .containsEntry("meetingDate", date(pi, "ecaMeetingDate")).containsEntry("hldEndDate", date(pi, "hldEndDate"))
        .doesNotContainKey("ecaMeetingDate");
    assertThat(runtimeService().getVariables(child("ceb-hlcp-paper", "HLD2013-ceb-hlcp-paper").getId()))
        .containsEntry("hlcpSessionDate", date(pi, "hlcpSessionDate")).containsEntry("hldDate", HLD.toString());

    // ECA's meeting moves: ECA's child follows, ECE's does not.
    String ecaMoved = LocalDate.parse(date(pi, "ecaMeetingDate")).plusDays(7).toString();
    correlate(pi, Map.of("ecaMeetingDate", ecaMoved), null);
    assertThat(runtimeService().getVariable(eca.getId(), "meetingDate")).isEqualTo(ecaMoved);
    assertThat(runtimeService().getVariable(ece.getId(), "meetingDate")).isEqualTo(date(pi, "eceMeetingDate"));

    // The third round table moves; the second keeps the day its office confirmed for it.
    runtimeService().setVariable(second.getId(), "eventDate", LocalDate.parse(dates[1]).plusDays(2).toString());
    String thirdMoved = LocalDate.parse(dates[2]).plusDays(5).toString();
    String[] changed = dates.clone();
    changed[2] = thirdMoved;
    correlate(pi, Map.of("roundtableDates", String.join(",", changed)), null);
    assertThat(runtimeService().getVariable(third.getId(), "eventDate")).isEqualTo(thirdMoved);
    assertThat(runtimeService().getVariable(second.getId(), "eventDate"))
        .isEqualTo(LocalDate.parse(dates[1]).plusDays(2).toString());
    assertThatThrownBy(() -> correlate(pi, Map.of("roundtableDates", String.join(",", dates[0], dates[1])), null))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("roundtableDates lists 5 round tables");
  }

  @Test
  void aStatementReturnedTooOften_isFinalizedByTheDirectorGeneral_andOneStillOpenWhenTheHldOpensIsRecorded() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "HLD2014", Map.of(MEMBER_STATES, "PHL",
        RCPS, "sacm", "hldDate", HLD.toString(), MAX_STATEMENT_RETURNS, 1));
    execute(job(TIMER_DG_STATEMENT_START, pi));
    complete(pi, TASK_DRAFT_DG_STATEMENT, "iom-mpr", Map.of("dgStatementLink", "https://docs/dg1"));
    Task clear = task(pi, TASK_CLEAR_DG_STATEMENT, "iom-dg");
    assertThat(clear.getDueDate()).isEqualTo(dayStart(HLD.toString()));
    taskService().complete(clear.getId(), Map.of(DG_STATEMENT_DECISION, "returned", "dgStatementComments", "Shorter"));
    Task finalize = task(pi, TASK_FINALIZE_DG_STATEMENT, "iom-dg");
    assertThat(finalize).isNotNull();
    taskService().complete(finalize.getId(), Map.of("finalDgStatementLink", "https://docs/dg-final"));
    assertThat(pi).hasPassed(END_DG_STATEMENT_FINALIZED);

    ProcessInstance silent = runtimeService().startProcessInstanceByKey(KEY, "HLD2015", Map.of(MEMBER_STATES, "PHL",
        RCPS, "sacm", "hldDate", HLD.toString()));
    execute(job(TIMER_DG_STATEMENT_START, silent));
    execute(job(TIMER_DG_STATEMENT_CUT_OFF, silent));
    assertThat(silent).hasPassed(END_DG_STATEMENT_OPEN);
    assertThat(runtimeService().getVariable(silent.getId(), "openAtCutOff").toString())
        .contains("Director General's statement");
  }
}
