package org.hldprep.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.hldprep.reference.ReferenceData;

/** What the engine-level process tests share: coverage floor, real beans registered, task helpers. */
public final class ProcessTestSupport {

  /** The build fails if a test class leaves more than a tenth of its models' flow nodes and flows untried. */
  public static final double COVERAGE_FLOOR = 0.9;

  private ProcessTestSupport() {}

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
