package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A task belongs to its offices: each door an office could use to hand its task to someone else, read
 * more than its form, rewrite the task or blank a read-only field, tried over REST as the office would;
 * then the task, its grants and its variables are shown unchanged.
 */
class TaskLeastPrivilegeIT extends PostgresIntegrationTest {

  private static final AtomicInteger KEYS = new AtomicInteger();

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  AuthorizationService authorizationService;

  private final List<String> instances = new ArrayList<>();
  private String kenyaTask;
  private Task kenyaBefore;

  @BeforeEach
  void kenyasOfferIsOpen() {
    kenyaTask = taskAt("Task_OfferConsultation", Map.of("countryCode", "KEN", "hldDate", hldDate()));
    kenyaBefore = taskService.createTaskQuery().taskId(kenyaTask).singleResult();
    runtimeService.setVariable(kenyaBefore.getProcessInstanceId(), "legalComments",
        "The Office of Legal Affairs advises");
  }

  @AfterEach
  void deleteInstances() {
    instances.forEach(
        id -> runtimeService.deleteProcessInstanceIfExists(id, "TaskLeastPrivilegeIT", true, true, true, false));
  }

  @Test
  void anOfficeClaimsOnlyForItself() {
    Http.Response refused = Http.as(port, "ken-officer").post("/engine-rest/task/" + kenyaTask + "/claim",
        Map.of("userId", "mex-officer"));
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.json().get("message").asText()).isEqualTo("You may claim a task only for yourself"
        + " ('ken-officer'): a colleague of your office claims it in their own name.");

    assertUnchanged(kenyaTask);
    assertThat(Http.as(port, "mex-officer").get("/engine-rest/task/" + kenyaTask).status()).isEqualTo(404);
    assertThat(Http.as(port, "ken-officer").post("/engine-rest/task/" + kenyaTask + "/claim",
        Map.of("userId", "ken-officer")).status()).isEqualTo(204);
  }

  @Test
  void anOfficeCannotAssignDelegateOrRewriteItsTask() {
    Http kenya = Http.as(port, "ken-officer");
    for (String handOver : List.of("assignee", "delegate")) {
      Http.Response refused = kenya.post("/engine-rest/task/" + kenyaTask + "/" + handOver,
          Map.of("userId", "phl-mission"));
      assertThat(refused.status()).as(handOver + ": " + refused.body()).isEqualTo(403);
      assertThat(refused.json().get("message").asText()).as(handOver)
          .startsWith("A task stays with the offices it was routed to: release it (unclaim)");
    }
    JsonNode shown = kenya.get("/engine-rest/task/" + kenyaTask).json();
    for (Map.Entry<String, Object> rewrite : Map.<String, Object>of("due", "2099-12-31T23:59:00.000+0000",
        "name", "Call the Regional Office", "description", "=HYPERLINK(\"http://x\")", "priority", 100,
        "owner", "phl-mission").entrySet()) {
      Map<String, Object> body = new java.util.HashMap<>(new com.fasterxml.jackson.databind.ObjectMapper()
          .convertValue(shown, Map.class));
      body.put(rewrite.getKey(), rewrite.getValue());
      Http.Response refused = kenya.put("/engine-rest/task/" + kenyaTask, body);
      assertThat(refused.status()).as(rewrite.getKey() + ": " + refused.body()).isEqualTo(403);
      assertThat(refused.json().get("message").asText()).isEqualTo("A task's name, description, dates, priority and"
          + " people are set by the workflow; only camunda-admin may change them.");
    }
    assertUnchanged(kenyaTask);
    assertThat(Http.as(port, "phl-mission").get("/engine-rest/task/" + kenyaTask).status()).isEqualTo(404);
  }

  @Test
  void aFormerAssigneeLosesTheTaskOnceItIsHandedOn() {
    Http admin = Http.as(port, "admin");
    assertThat(admin.post("/engine-rest/task/" + kenyaTask + "/assignee", Map.of("userId", "phl-mission")).status())
        .isEqualTo(204);
    assertThat(Http.as(port, "phl-mission").get("/engine-rest/task/" + kenyaTask).status()).isEqualTo(200);
    assertThat(admin.post("/engine-rest/task/" + kenyaTask + "/assignee", Map.of("userId", "ken-officer")).status())
        .isEqualTo(204);

    Http mission = Http.as(port, "phl-mission");
    assertThat(mission.get("/engine-rest/task/" + kenyaTask).status()).isEqualTo(404);
    assertThat(mission.post("/engine-rest/task/" + kenyaTask + "/claim", Map.of("userId", "phl-mission")).status())
        .isIn(403, 404);
    assertThat(mission.post("/engine-rest/task/" + kenyaTask + "/complete", Map.of()).status()).isEqualTo(404);
    assertThat(userGrants(kenyaTask, "phl-mission")).as("grants left to the former assignee").isEmpty();
    assertThat(taskService.createTaskQuery().taskId(kenyaTask).singleResult().getAssignee()).isEqualTo("ken-officer");

    // Released by its office, the task keeps no grant of the one who released it either.
    assertThat(Http.as(port, "ken-officer").post("/engine-rest/task/" + kenyaTask + "/unclaim", Map.of()).status())
        .isEqualTo(204);
    assertThat(userGrants(kenyaTask, "ken-officer")).isEmpty();
  }

  @Test
  void candidatesMayWorkOnATaskButNotManageIt() {
    List<Authorization> grants = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(kenyaTask).groupIdIn("co-ken").list();
    assertThat(grants).hasSize(1);
    assertThat(grants.get(0).isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
    assertThat(grants.get(0).isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(grants.get(0).isPermissionGranted(Permissions.UPDATE)).as("UPDATE lets a candidate assign the task")
        .isFalse();
  }

  @Test
  void readingThroughATaskGivesItsFormsFieldsOnly() {
    Http kenya = Http.as(port, "ken-officer");
    for (String read : List.of("variables", "form-variables", "variables?deserializeValues=false",
        "localVariables")) {
      Http.Response answer = kenya.get("/engine-rest/task/" + kenyaTask + "/" + read);
      assertThat(answer.status()).as(read + ": " + answer.body()).isEqualTo(200);
      List<String> names = new ArrayList<>();
      answer.json().fieldNames().forEachRemaining(names::add);
      assertThat(names).as(read).doesNotContain("legalComments", "hldDate", "regionalOffice")
          .isSubsetOf("countryCode", "governmentAnswer", "governmentFocalPoint", "declineReason", "countryName",
              "offerDeadline", "consultationFormat");
    }
    assertThat(kenya.get("/engine-rest/task/" + kenyaTask + "/form-variables").json().has("countryCode"))
        .as("the form's own read-only field").isTrue();
    for (String read : List.of("variables/legalComments", "variables/legalComments/data",
        "variables?variableNames=countryCode,legalComments", "form-variables?variableNames=legalComments")) {
      Http.Response refused = kenya.get("/engine-rest/task/" + kenyaTask + "/" + read);
      assertThat(refused.status()).as(read + ": " + refused.body()).isEqualTo(403);
      assertThat(refused.json().get("message").asText()).as(read)
          .isEqualTo("Only the fields of this task's form may be read through it; not legalComments.");
    }
    Http.Response rendered = kenya.get("/engine-rest/task/" + kenyaTask + "/rendered-form");
    assertThat(rendered.status()).isEqualTo(403);
    // The process's variables stay out of reach by the other ways in as well.
    assertThat(kenya.get("/engine-rest/process-instance/" + kenyaBefore.getProcessInstanceId() + "/variables").status())
        .isIn(403, 404);
    for (String query : List.of("/engine-rest/variable-instance?variableName=legalComments&maxResults=100",
        "/engine-rest/history/variable-instance?variableName=legalComments&maxResults=100")) {
      Http.Response found = kenya.get(query);
      assertThat(found.json().size()).as(query + ": " + found.body()).isZero();
    }
    // Another office cannot even see the task.
    assertThat(Http.as(port, "phl-officer").get("/engine-rest/task/" + kenyaTask + "/variables").status())
        .isEqualTo(404);
  }

  @Test
  void theCouncilsRecordIsReadByTheCouncilsPeopleOnly_notByTheCoordinationNorByDelegates() {
    org.hldprep.support.QuickCycle cycle = org.hldprep.support.QuickCycle.unique("HLDRECORD", "PHL");
    String master = cycle.start(port);
    instances.add(master);
    String council = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
        .until(() -> runtimeService.createProcessInstanceQuery().superProcessInstanceId(master)
            .processDefinitionKey("council-joint-statement").list(), l -> l.size() == 1)
        .get(0).getId();
    String consultation = runtimeService.createProcessInstanceQuery().superProcessInstanceId(master)
        .processDefinitionKey("national-consultation").list().get(0).getId();
    runtimeService.setVariable(council, "legalComments", "Advice to the Chair");

    for (String user : List.of("hld-coordinator", "fotc-member", "phl-mission", "policy-drafter")) {
      Http http = Http.as(port, user);
      assertThat(http.get("/engine-rest/process-instance/" + council + "/variables").status()).as(user).isIn(403, 404);
      for (String query : List.of("/engine-rest/variable-instance?processInstanceIdIn=" + council + "&maxResults=100",
          "/engine-rest/history/variable-instance?processInstanceId=" + council + "&maxResults=100",
          "/engine-rest/history/detail?processInstanceId=" + council + "&maxResults=100")) {
        Http.Response found = http.get(query);
        assertThat(found.status()).as(user + " " + query).isEqualTo(200);
        assertThat(found.json().size()).as(user + " " + query + ": " + found.body()).isZero();
      }
    }
    // The coordination still follows every other track (not a check that nothing can be read at all).
    Http.Response consultationVariables = Http.as(port, "hld-coordinator")
        .get("/engine-rest/process-instance/" + consultation + "/variables");
    assertThat(consultationVariables.status()).as(consultationVariables.body()).isEqualTo(200);
    assertThat(consultationVariables.json().has("countryCode")).isTrue();
  }

  @Test
  void aReadOnlyFieldCannotBeBlankedOrChanged() {
    String review = taskAt("Task_ReviewNationalSummary", Map.of("countryCode", "PHL", "hldDate", hldDate(),
        "summaryLink", "https://docs.example/phl", "keyMessages", "Diaspora bonds"));
    Http bangkok = Http.as(port, "bangkok-ro");
    assertThat(bangkok.post("/engine-rest/task/" + review + "/claim", Map.of("userId", "bangkok-ro")).status())
        .isEqualTo(204);
    for (Object blank : new Object[]{"", " ", "\t", "KEN"}) {
      Http.Response refused = bangkok.post("/engine-rest/task/" + review + "/complete",
          Map.of("variables", Map.of("countryCode", Map.of("value", blank), "reviewDecision", Map.of("value", "accept"),
              "reviewComments", Map.of("value", "Good"))));
      assertThat(refused.status()).as("'" + blank + "': " + refused.body()).isEqualTo(400);
      assertThat(refused.json().get("message").asText()).isEqualTo("The form was not filled in as expected:"
          + " 'countryCode' is read-only here and may not be changed");
    }
    Map<String, Object> cleared = new java.util.HashMap<>(Map.of("reviewDecision", Map.of("value", "accept"),
        "reviewComments", Map.of("value", "Good")));
    cleared.put("countryCode", java.util.Collections.singletonMap("value", null));
    Http.Response nulled = bangkok.post("/engine-rest/task/" + review + "/complete", Map.of("variables", cleared));
    assertThat(nulled.status()).isEqualTo(400);
    assertThat(nulled.json().get("message").asText())
        .contains("'countryCode' is read-only here and may not be cleared");
    String instance = taskService.createTaskQuery().taskId(review).singleResult().getProcessInstanceId();
    assertThat(runtimeService.getVariable(instance, "countryCode")).isEqualTo("PHL");

    // Sent back as shown (what Tasklist does), the value is accepted and left as it was, not rewritten.
    Http.Response done = bangkok.post("/engine-rest/task/" + review + "/complete", Map.of("variables", Map.of(
        "countryCode", Map.of("value", "PHL"), "reviewDecision", Map.of("value", "accept"),
        "reviewComments", Map.of("value", "Good"))));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance).variableName("countryCode")
        .singleResult()).satisfiesAnyOf(
            v -> assertThat(v).isNull(), // the instance has ended
            v -> assertThat(v.getValue()).isEqualTo("PHL"));
  }

  /** A consultation started as the master starts it, then moved (as an administrator could) to this step. */
  private String taskAt(String activity, Map<String, Object> variables) {
    String instance = runtimeService.startProcessInstanceByKey("national-consultation",
        "HLDLEAST" + System.currentTimeMillis() % 1000000 + KEYS.incrementAndGet(), variables).getId();
    instances.add(instance);
    if (!"Task_OfferConsultation".equals(activity)) {
      runtimeService.createProcessInstanceModification(instance).cancelAllForActivity("Task_OfferConsultation")
          .startBeforeActivity(activity).execute();
    }
    return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(activity).singleResult().getId();
  }

  private static String hldDate() {
    return LocalDate.now().plusMonths(14).toString();
  }

  private List<Authorization> userGrants(String taskId, String userId) {
    return authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
        .userIdIn(userId).list();
  }

  private void assertUnchanged(String taskId) {
    Task now = taskService.createTaskQuery().taskId(taskId).singleResult();
    assertThat(now.getAssignee()).isEqualTo(kenyaBefore.getAssignee());
    assertThat(now.getOwner()).isNull();
    assertThat(now.getName()).isEqualTo(kenyaBefore.getName());
    assertThat(now.getDescription()).isEqualTo(kenyaBefore.getDescription());
    assertThat(now.getPriority()).isEqualTo(kenyaBefore.getPriority());
    assertThat(now.getDueDate()).isEqualTo(kenyaBefore.getDueDate());
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
        .list()).extracting(a -> a.getUserId() == null ? a.getGroupId() : a.getUserId()).containsOnly("co-ken");
  }
}
