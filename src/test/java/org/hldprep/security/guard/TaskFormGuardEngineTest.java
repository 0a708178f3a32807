package org.hldprep.security.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guard on a real engine: it checks a submission against the form the engine itself would show for
 * the task (formRef with binding latest, or deployment), reads the values of read-only fields from the
 * task, and keeps parsed forms per form definition without ever serving a replaced version.
 */
class TaskFormGuardEngineTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ProcessEngine engine;
  private static TaskFormGuard guard;

  @BeforeAll
  static void engine() {
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:task-form-guard;DB_CLOSE_DELAY=-1").setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE).buildProcessEngine();
    guard = new TaskFormGuard(() -> engine);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static void deploy(String name, String formId, String binding, String... fields) {
    StringBuilder components = new StringBuilder();
    for (String field : fields) {
      components.append(components.isEmpty() ? "" : ",").append(field);
    }
    var deployment = engine.getRepositoryService().createDeployment().name(name)
        .addString(formId + ".form",
            "{\"id\":\"" + formId + "\",\"type\":\"default\",\"components\":[" + components + "]}");
    if (binding != null) {
      deployment.addModelInstance(formId + ".bpmn", Bpmn.createExecutableProcess("with-" + formId)
          .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Fill").camundaFormRef(formId)
          .camundaFormRefBinding(binding).endEvent().done());
    }
    deployment.deploy();
  }

  private static String text(String key, boolean readonly) {
    return "{\"key\":\"" + key + "\",\"type\":\"textfield\",\"label\":\"" + key + "\",\"readonly\":" + readonly + "}";
  }

  private static String taskOf(String process, Map<String, Object> variables) {
    String instance = engine.getRuntimeService().startProcessInstanceByKey(process, variables).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private static Refusal submit(String taskId, String variables) throws Exception {
    JsonNode sent = JSON.readTree(variables.getBytes(StandardCharsets.UTF_8));
    return guard.refusal(taskId, sent, "someone", List.of());
  }

  @Test
  void aNewVersionOfALatestBoundFormIsWhatTheNextSubmissionMeets_evenForATaskCreatedBefore() throws Exception {
    deploy("v1", "latest-form", "latest", text("answer", false));
    String task = taskOf("with-latest-form", Map.of());
    assertThat(submit(task, "{\"answer\":{\"value\":\"yes\"}}")).isNull();
    assertThat(submit(task, "{\"comment\":{\"value\":\"x\"}}").message()).contains("'comment' is not a field");

    deploy("v2 of the form only", "latest-form", null, text("answer", false), text("comment", false));
    assertThat(submit(task, "{\"comment\":{\"value\":\"x\"}}")).as("the form of version 2, not the cached one")
        .isNull();
  }

  @Test
  void aDeploymentBoundFormStaysTheOneOfItsDeployment_andReadOnlyValuesComeFromTheTask() throws Exception {
    deploy("d1", "pinned-form", "deployment", text("countryCode", true));
    String task = taskOf("with-pinned-form", Map.of("countryCode", "PHL"));
    deploy("d2 of the form only", "pinned-form", null, text("countryCode", false), text("other", false));

    assertThat(submit(task, "{\"other\":{\"value\":\"x\"}}").message()).contains("'other' is not a field");
    assertThat(submit(task, "{\"countryCode\":{\"value\":\"PHL\"}}")).isNull();
    assertThat(submit(task, "{\"countryCode\":{\"value\":\"KEN\"}}").message()).contains("'countryCode' is read-only");
    assertThat(submit(task, "{\"countryCode\":{\"value\":\"KEN\"}}").message()).as("twice, from the cache")
        .contains("'countryCode' is read-only");
  }

  @Test
  void aTaskWithoutAFormAndAGoneTaskAreRefused() throws Exception {
    engine.getRepositoryService().createDeployment()
        .addModelInstance("plain.bpmn", Bpmn.createExecutableProcess("plain")
            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Plain").endEvent().done())
        .deploy();
    String task = taskOf("plain", Map.of());
    assertThat(submit(task, "{}").status()).isEqualTo(403);
    engine.getTaskService().complete(task);
    assertThat(submit(task, "{}").status()).isEqualTo(404);
  }
}
