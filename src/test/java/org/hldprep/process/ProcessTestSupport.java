package org.hldprep.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.calendar.Deadlines;
import org.hldprep.reference.ReferenceData;

/** What the engine-level process tests share: coverage floor, real beans registered, task helpers. */
public final class ProcessTestSupport {

  /** The build fails if a test class leaves more than a tenth of its models' flow nodes and flows untried. */
  public static final double COVERAGE_FLOOR = 0.9;

  private ProcessTestSupport() {
  }

  /**
   * The engine configuration of the process tests. Not named camunda.cfg.xml: under that name
   * Camunda's static engine lookup would also build it inside the integration tests' JVM.
   */
  public static final String ENGINE_CONFIGURATION = "process-tests.cfg.xml";

  public static ProcessEngineCoverageExtension coverage(String... excludedProcessKeys) {
    return ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION).assertClassCoverageAtLeast(COVERAGE_FLOOR)
        .excludeProcessDefinitionKeys(excludedProcessKeys).build();
  }

  /** The shared delegates of org.hldprep.process, as the Spring context has them. */
  public static void registerCommonBeans() {
    Mocks.register("remindOfficeDelegate", new RemindOfficeDelegate());
    Mocks.register("markLateDelegate", new MarkLateDelegate());
    Mocks.register("recordOpenAtCutOffDelegate", new RecordOpenAtCutOffDelegate());
  }

  /** The zone of the tests' cycles: the default, Geneva's. */
  public static final ZoneId GENEVA = ZoneId.of(CycleCalendar.DEFAULT_TIME_ZONE);
  /** The day MC/2353 was issued: tests of the 2013 calendar run as of then, so that its dates lie ahead. */
  public static final LocalDate MC_2353_ISSUED = LocalDate.of(2012, 11, 2);

  /** Sets the engine's clock to noon of this day in Geneva. */
  public static void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(12, 0).atZone(GENEVA).toInstant()));
  }

  /** Sets the engine's clock to this instant. */
  public static void now(String isoInstant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(isoInstant)));
  }

  public static void resetClock() {
    ClockUtil.reset();
  }

  /** A deadline as timers and due dates have it: the end of the day in Geneva. */
  public static Date deadline(String isoDate) {
    return Deadlines.endOfDay(LocalDate.parse(isoDate), GENEVA);
  }

  /** An awaited day as timers have it: its start in Geneva. */
  public static Date dayStart(String isoDate) {
    return Deadlines.startOfDay(LocalDate.parse(isoDate), GENEVA);
  }

  /** The outcome a process recorded at its end (null if it has none). */
  public static Object outcome(ProcessInstance pi) {
    HistoricVariableInstance outcome = BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName(RecordOutcomeListener.OUTCOME).singleResult();
    return outcome == null ? null : outcome.getValue();
  }

  /** Runs the asynchronous continuations (not the timers), as the job executor would. */
  public static void runAsyncJobs() {
    List<Job> jobs;
    while (!(jobs = BpmnAwareTests.managementService().createJobQuery().executable().messages().list()).isEmpty()) {
      jobs.forEach(j -> BpmnAwareTests.managementService().executeJob(j.getId()));
    }
  }

  public static ReferenceData referenceData() {
    return ReferenceData.get();
  }

  /** Completes the one open task of the instance at the given activity with these form values. */
  public static void complete(String processInstanceId, String taskDefinitionKey, Map<String, Object> values) {
    Task task = taskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskDefinitionKey).singleResult();
    if (task == null) {
      throw new AssertionError("No open task " + taskDefinitionKey + " in " + processInstanceId);
    }
    taskService().complete(task.getId(), values);
  }
}
