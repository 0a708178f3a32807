package org.hldprep.security.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A task's comments and attachments, on a real engine with authorizations on: only those who see the
 * running task reach them; Camunda alone would let whoever reads the task's history add and read them.
 */
class TaskCommentsRuleTest {

  private static ProcessEngine engine;
  private static TaskCommentsRule rule;
  private static String kenyasTask;

  @BeforeAll
  static void engine() {
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:task-comments-rule;DB_CLOSE_DELAY=-1").setJobExecutorActivate(false)
        .setAuthorizationEnabled(true).buildProcessEngine();
    rule = new TaskCommentsRule(new TaskFormGuard(() -> engine));
    engine.getRepositoryService().createDeployment().addModelInstance("offer.bpmn",
        Bpmn.createExecutableProcess("offer").camundaHistoryTimeToLive(1).startEvent().userTask("Task_Offer")
            .camundaCandidateGroups("co-ken").endEvent().done())
        .deploy();
    String instance = engine.getRuntimeService().startProcessInstanceByKey("offer").getId();
    kenyasTask = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static EngineApiCall as(String user, String group, String method, String path) {
    return Calls.call(method, path, null, "POST".equals(method) ? "{\"message\":\"x\"}" : null, user, List.of(group));
  }

  @Test
  void anOfficeThatCannotSeeTheTaskNeitherCommentsNorReadsItsCommentsOrAttachments() {
    for (String[] call : new String[][]{{"POST", "/comment/create"}, {"GET", "/comment"}, {"GET", "/comment/c1"},
        {"PUT", "/comment"}, {"DELETE", "/comment/c1"}, {"DELETE", "/comment"}, {"POST", "/attachment/create"},
        {"GET", "/attachment"}, {"GET", "/attachment/a1/data"}, {"DELETE", "/attachment/a1"}}) {
      Refusal refusal = rule.check(as("phl-officer", "co-phl", call[0], "/task/" + kenyasTask + call[1]));
      assertThat(refusal).as(call[0] + " " + call[1]).isNotNull();
      assertThat(refusal.status()).as(call[0] + " " + call[1]).isEqualTo(404);
    }
    assertThat(rule.check(as("hld-coordinator", "iom-icp", "POST", "/task/" + kenyasTask + "/comment/create")).status())
        .as("reading every process's history does not open a task's comments").isEqualTo(404);
    assertThat(rule.check(as("phl-officer", "co-phl", "GET", "/task/no-such-task/comment")).status()).isEqualTo(404);
  }

  @Test
  void theTasksOfficeAndAdministratorsPass_otherPathsAreNotThisRulesBusiness() {
    assertThat(rule.check(as("ken-officer", "co-ken", "POST", "/task/" + kenyasTask + "/comment/create"))).isNull();
    assertThat(rule.check(as("ken-officer", "co-ken", "GET", "/task/" + kenyasTask + "/attachment"))).isNull();
    assertThat(rule.check(Calls.admin("GET", "/task/" + kenyasTask + "/comment"))).isNull();
    assertThat(rule.check(Calls.staff("GET", "/task/" + kenyasTask))).isNull();
    assertThat(rule.check(Calls.staff("GET", "/task/" + kenyasTask + "/commentary"))).isNull();
    assertThat(rule.check(Calls.staff("GET", "/process-instance/1/comment"))).isNull();
    assertThat(rule.check(Calls.call("GET", "/task/" + kenyasTask + "/comment", null, null, null, List.of()))
        .status()).isEqualTo(401);
  }
}
