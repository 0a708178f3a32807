package org.hldprep.process.hldpreparation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.hldprep.process.hldpreparation.HldPreparationProcess.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
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
 * wait until the test gives them an outcome, so that every branch of the master can be driven.
 */
@Deployment(resources = {"processes/hld-preparation.bpmn", "processes/task-routing.dmn",
    "processes/forms/start-cycle.form", "processes/forms/write-regional-synthesis.form",
    "processes/forms/write-global-synthesis.form", "processes/forms/prepare-briefing-pack.form",
    "processes/forms/approve-briefing-pack.form", "processes/forms/report-to-council.form",
    "process-stubs/national-consultation.bpmn", "process-stubs/rcp-contribution.bpmn",
    "process-stubs/global-rcp-meeting.bpmn", "process-stubs/council-joint-statement.bpmn",
    "process-stubs/pga-outcome-input.bpmn"})
class HldPreparationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestSupport.coverage("national-consultation",
      "rcp-contribution", "global-rcp-meeting", "council-joint-statement", "pga-outcome-input");

  private static final LocalDate HLD = LocalDate.now().plusMonths(10);

  @BeforeEach
  void registerBeans() {
    Mocks.register("hldPreparationStartListener", new HldPreparationStartListener(ProcessTestSupport.referenceData(),
        new InMemoryCycleNames()));
    Mocks.register("tallyOutcomesDelegate", new TallyOutcomesDelegate());
    Mocks.register("moveDeadlinesDelegate", new MoveDeadlinesDelegate());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  /** A small cycle with every deadline in the future, so that only the timers the test fires run. */
  private static ProcessInstance startSmallCycle() {
    return runtimeService().startProcessInstanceByKey(KEY, "HLD2013", Map.of(
        MEMBER_STATES, "PHL, KEN, mex", RCPS, List.of("colombo-process", "puebla-process"),
        "hldDate", HLD.toString(), "nationalSummaryDeadline", HLD.minusMonths(4).toString(),
        "governmentResponseDeadline", HLD.minusMonths(8).toString()));
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
  }

  /** Runs the asynchronous continuations (not the timers), as the job executor would. */
  private static void runAsyncContinuations() {
    List<Job> jobs;
    while (!(jobs = managementService().createJobQuery().executable().messages().list()).isEmpty()) {
      jobs.forEach(j -> managementService().executeJob(j.getId()));
    }
  }

  private static void complete(ProcessInstance pi, String taskKey, String group, Map<String, Object> values) {
    Task task = taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .taskCandidateGroup(group).singleResult();
    assertThat(task).as(taskKey + " for " + group).isNotNull();
    taskService().complete(task.getId(), values);
  }

  @Test
  void fullCycle_runsEveryTrackAndCollectsEachChildsOutcome() {
    ProcessInstance pi = startSmallCycle();
    assertThat(pi).isActive().hasBusinessKey("HLD2013");
    assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).count())
        .as("3 consultations, 2 RCPs, the Council statement, the PGA input").isEqualTo(7);
    ProcessInstance philippines = child("national-consultation", "HLD2013-PHL");
    assertThat(runtimeService().getVariables(philippines.getId())).containsEntry("countryCode", "PHL")
        .containsEntry("nationalSummaryDeadline", HLD.minusMonths(4).toString()).containsEntry("cycle", "HLD2013");

    finish(philippines, "held");
    finish(child("national-consultation", "HLD2013-KEN"), "declined");
    finish(child("national-consultation", "HLD2013-MEX"), "no-response");
    runAsyncContinuations();
    assertThat(pi).variables().containsKey(CONSULTATION_OUTCOMES);
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
    runAsyncContinuations();
    assertThat(runtimeService().getVariable(pi.getId(), RCP_OUTCOMES))
        .isEqualTo(Map.of("colombo-process", "input-logged", "puebla-process", "not-interested"));
    finish(child("global-rcp-meeting", "HLD2013-global-rcp-meeting"), "transmitted");
    finish(child("council-joint-statement", "HLD2013-council-joint-statement"), "no-consensus");
    finish(child("pga-outcome-input", "HLD2013-pga-outcome-input"), "outcome-adopted");
    runAsyncContinuations();

    execute(job(TIMER_BRIEFING_PACK_DUE, pi));
    complete(pi, TASK_PREPARE_BRIEFING_PACK, "iom-icp", Map.of("briefingPackLink", "https://docs/pack"));
    complete(pi, TASK_APPROVE_BRIEFING_PACK, "iom-dg", Map.of(BRIEFING_DECISION, "return", "briefingComments", "add RT4"));
    complete(pi, TASK_PREPARE_BRIEFING_PACK, "iom-icp", Map.of("briefingPackLink", "https://docs/pack2"));
    complete(pi, TASK_APPROVE_BRIEFING_PACK, "iom-dg", Map.of(BRIEFING_DECISION, "approve"));
    assertThat(pi).isWaitingAt(TIMER_HLD_PASSED);
    execute(job(TIMER_HLD_PASSED, pi));
    runAsyncContinuations();

    assertThat(runtimeService().getVariable(pi.getId(), TRACK_OUTCOMES)).isEqualTo(Map.of(
        "global-rcp-meeting", "transmitted", "council-joint-statement", "no-consensus",
        "pga-outcome-input", "outcome-adopted"));
    complete(pi, TASK_REPORT_TO_COUNCIL, "iom-icp-gb", Map.of("councilReportLink", "https://docs/report"));
    assertThat(pi).isEnded().hasPassed(END_CYCLE_CLOSED);
  }

  @Test
  void noParticipantsGiven_meansEveryMemberStateAndRcpOfTheReferenceData() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, Map.of("hldDate", HLD.toString(),
        "governmentResponseDeadline", HLD.minusMonths(8).toString()));
    assertThat(pi).hasBusinessKey("HLD" + HLD.getYear());
    assertThat((List<?>) runtimeService().getVariable(pi.getId(), MEMBER_STATES)).hasSize(194);
    assertThat((List<?>) runtimeService().getVariable(pi.getId(), RCPS)).hasSize(21);
    assertThat((List<?>) runtimeService().getVariable(pi.getId(), REGIONAL_OFFICES)).hasSize(9);
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("national-consultation").count())
        .isEqualTo(194);
    assertThat(runtimeService().getVariable(pi.getId(), "briefingPackDate")).isEqualTo(HLD.minusDays(10).toString());
  }

  @Test
  void theTasklistStartForm_namesTheCycleWithoutABusinessKey() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, Map.of(CYCLE, "HLD2031",
        MEMBER_STATES, "PHL", "hldDate", HLD.toString(), "governmentResponseDeadline", "",
        "nationalSummaryDeadline", HLD.minusMonths(4).toString()));
    assertThat(pi).hasBusinessKey("HLD2031");
    child("national-consultation", "HLD2031-PHL");
    assertThat(runtimeService().getVariable(pi.getId(), "governmentResponseDeadline"))
        .as("an empty date field takes the default").isEqualTo("2013-02-15");
  }

  @Test
  void badParticipantsOrDates_areRefusedAndNothingIsCreated() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, Map.of(MEMBER_STATES, "PHL, XKX")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'XKX'");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY,
        Map.of(RCPS, Variables.stringValue("[\"lima-process\"]"))))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'lima-process'");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, Map.of("hldDate", "3 Oct 2013")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("hldDate");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, "HLD 2013!", Map.of()))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("HLD 2013!");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void calendarChanged_movesTheMastersAndTheChildrensPendingDeadlines() {
    ProcessInstance pi = startSmallCycle();
    Date briefingBefore = job(TIMER_BRIEFING_PACK_DUE, pi).getDuedate();
    LocalDate newHld = HLD.plusDays(20);

    runtimeService().createMessageCorrelation(MESSAGE_CALENDAR_CHANGED).processInstanceId(pi.getId())
        .setVariable(CALENDAR_CHANGES, Map.of("hldDate", newHld.toString(),
            "nationalSummaryDeadline", HLD.minusMonths(3).toString()))
        .correlate();

    assertThat(runtimeService().getVariable(pi.getId(), "hldDate")).isEqualTo(newHld.toString());
    assertThat(runtimeService().getVariable(pi.getId(), "briefingPackDate")).isEqualTo(newHld.minusDays(10).toString());
    Date briefingAfter = job(TIMER_BRIEFING_PACK_DUE, pi).getDuedate();
    assertThat(briefingAfter).isAfter(briefingBefore);
    assertThat(briefingAfter).isEqualTo(java.sql.Date.valueOf(newHld.minusDays(10)));
    ProcessInstance philippines = child("national-consultation", "HLD2013-PHL");
    assertThat(runtimeService().getVariable(philippines.getId(), "nationalSummaryDeadline"))
        .isEqualTo(HLD.minusMonths(3).toString());
    assertThat(runtimeService().getVariable(pi.getId(), CALENDAR_CHANGES)).isNull();

    // A date a child set for itself stays when another date of the cycle moves.
    runtimeService().setVariable(philippines.getId(), "nationalSummaryDeadline", HLD.minusMonths(2).toString());
    runtimeService().createMessageCorrelation(MESSAGE_CALENDAR_CHANGED).processInstanceId(pi.getId())
        .setVariable(CALENDAR_CHANGES, Map.of("hldDate", newHld.plusDays(1).toString())).correlate();
    assertThat(runtimeService().getVariable(philippines.getId(), "nationalSummaryDeadline"))
        .isEqualTo(HLD.minusMonths(2).toString());
    runtimeService().createMessageCorrelation(MESSAGE_CALENDAR_CHANGED).processInstanceId(pi.getId())
        .setVariable(CALENDAR_CHANGES, Map.of("hldDate", newHld.toString())).correlate();

    // An open task whose due date names a moved date follows it.
    execute(job(TIMER_BRIEFING_PACK_DUE, pi));
    Task prepare = taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_PREPARE_BRIEFING_PACK).singleResult();
    assertThat(prepare.getDueDate()).isEqualTo(java.sql.Date.valueOf(newHld.minusDays(3)));
    runtimeService().createMessageCorrelation(MESSAGE_CALENDAR_CHANGED).processInstanceId(pi.getId())
        .setVariable(CALENDAR_CHANGES, Map.of("briefingApprovalDeadline", newHld.minusDays(5).toString()))
        .correlate();
    assertThat(taskService().createTaskQuery().taskId(prepare.getId()).singleResult().getDueDate())
        .isEqualTo(java.sql.Date.valueOf(newHld.minusDays(5)));
  }
}
