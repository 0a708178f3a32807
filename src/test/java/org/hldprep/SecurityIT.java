package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may see and do what, over REST, with Camunda authorizations on and our guard in front. Each test
 * asserts on its own instances only (business keys of its own), never on what other tests left.
 */
class SecurityIT extends PostgresIntegrationTest {

  private static final AtomicInteger KEYS = new AtomicInteger();

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;

  private String kenyaInstance;
  private String kenyaTask;

  /** A business key no other test uses. */
  private static String uniqueKey(String prefix) {
    return prefix + System.currentTimeMillis() % 1000000 + KEYS.incrementAndGet();
  }

  /** Whether any instance, running or ended, master or child, ever had this business key or one below it. */
  private long instancesEver(String businessKey) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(businessKey + "%")
        .count();
  }

  @BeforeEach
  void kenyaTaskExists() {
    // A real first step: Kenya's national consultation, routed to the Country Office co-ken.
    // An HLD far enough ahead that every deadline lies in the future: no timer moves the task meanwhile.
    kenyaInstance = runtimeService.startProcessInstanceByKey("national-consultation", uniqueKey("HLDSECKEN"),
        Map.of("countryCode", "KEN", "hldDate", java.time.LocalDate.now().plusMonths(14).toString())).getId();
    kenyaTask = taskService.createTaskQuery().processInstanceId(kenyaInstance).singleResult().getId();
  }

  @AfterEach
  void deleteKenyasConsultation() {
    runtimeService.deleteProcessInstanceIfExists(kenyaInstance, "SecurityIT finished", true, true, true, false);
  }

  @Test
  void countryOfficeCannotListReadClaimOrCompleteAnotherOfficesTask() {
    Http philippines = Http.as(port, "phl-officer");

    JsonNode listed = philippines.get("/engine-rest/task?maxResults=100").json();
    assertThat(listed.findValuesAsText("id")).doesNotContain(kenyaTask);
    assertThat(philippines.get("/engine-rest/task/count?processInstanceId=" + kenyaInstance).json().get("count")
        .asLong()).as("Kenya's tasks that the Philippines' office can count").isZero();
    Http.Response read = philippines.get("/engine-rest/task/" + kenyaTask);
    assertThat(read.status()).as(read.body()).isIn(403, 404);
    assertThat(philippines.post("/engine-rest/task/" + kenyaTask + "/claim", Map.of("userId", "phl-officer")).status())
        .isIn(403, 404);
    assertThat(philippines.post("/engine-rest/task/" + kenyaTask + "/complete", Map.of()).status()).isIn(403, 404);
    assertThat(philippines.post("/engine-rest/task/" + kenyaTask + "/assignee", Map.of("userId", "phl-officer"))
        .status()).isIn(403, 404);

    Task unchanged = taskService.createTaskQuery().taskId(kenyaTask).singleResult();
    assertThat(unchanged).as("the task still exists").isNotNull();
    assertThat(unchanged.getAssignee()).isNull();
  }

  @Test
  void theOwningOfficeSeesClaimsAndCompletesItsTask() {
    Http kenya = Http.as(port, "ken-officer");
    Http.Response listed = kenya.get("/engine-rest/task?maxResults=100");
    assertThat(listed.json().findValuesAsText("id")).as(listed.body()).contains(kenyaTask);
    assertThat(kenya.post("/engine-rest/task/" + kenyaTask + "/claim", Map.of("userId", "ken-officer")).status())
        .isEqualTo(204);
    assertThat(kenya.post("/engine-rest/task/" + kenyaTask + "/complete", Map.of("variables", Map.of(
        "governmentAnswer", Map.of("value", "declined"), "declineReason", Map.of("value", "Elections"),
        "governmentFocalPoint", Map.of("value", "Ministry of Foreign Affairs")))).status())
        .isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(kenyaTask).count()).isZero();
  }

  @Test
  void aStartWithAnUnknownCountryGets400NamingItAndCreatesNothing() {
    String cycle = uniqueKey("HLDSECXYZ");
    // Every date of the cycle in the future: the unknown code is the only thing wrong.
    Http.Response refused = Http.as(port, "hld-coordinator").post(
        "/engine-rest/process-definition/key/hld-preparation/start",
        Map.of("businessKey", cycle, "variables", Map.of("memberStates", Map.of("value", "PHL,XYZ"),
            "hldDate", Map.of("value", java.time.LocalDate.now().plusMonths(14).toString()))));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("'XYZ'");
    assertThat(instancesEver(cycle)).as("instances of " + cycle + ", master or child").isZero();
  }

  @Test
  void aChildProcessStartsOnlyThroughTheMaster() {
    String businessKey = uniqueKey("HLDSECCHILD");
    for (String user : List.of("hld-coordinator", "phl-officer", "bangkok-ro")) {
      Http.Response refused = Http.as(port, user).post(
          "/engine-rest/process-definition/key/national-consultation/start",
          Map.of("businessKey", businessKey, "variables", Map.of("countryCode", Map.of("value", "PHL"),
              "hldDate", Map.of("value", java.time.LocalDate.now().plusMonths(14).toString()))));
      assertThat(refused.status()).as(user + ": " + refused.body()).isEqualTo(403);
    }
    assertThat(instancesEver(businessKey)).as("consultations started as " + businessKey).isZero();
  }

  @Test
  void aCompletionCarriesOnlyTheFieldsOfTheTasksFormAndTaskVariablesAreNotWrittenOtherwise() {
    Http kenya = Http.as(port, "ken-officer");
    Map<String, Object> form = Map.of("governmentAnswer", Map.of("value", "accepted"),
        "governmentFocalPoint", Map.of("value", "MFA"));
    Map<String, Object> reroute = new java.util.HashMap<>(form);
    reroute.put("regionalOffice", Map.of("value", "co-ken"));
    Http.Response injected = kenya.post("/engine-rest/task/" + kenyaTask + "/complete", Map.of("variables", reroute));
    assertThat(injected.status()).isEqualTo(400);
    assertThat(injected.json().get("message").asText()).contains("'regionalOffice' is not a field of this task's form");
    Http.Response incomplete = kenya.post("/engine-rest/task/" + kenyaTask + "/complete",
        Map.of("variables", Map.of("governmentAnswer", Map.of("value", "maybe"))));
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.json().get("message").asText()).contains("must be one of accepted, declined")
        .contains("'governmentFocalPoint' is required");
    assertThat(kenya.put("/engine-rest/task/" + kenyaTask + "/variables/regionalOffice", Map.of("value", "co-ken"))
        .status()).isEqualTo(403);
    assertThat(kenya.post("/engine-rest/task/" + kenyaTask + "/localVariables", Map.of("modifications",
        Map.of("late", Map.of("value", false)))).status()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(kenyaTask).count()).as("nothing completed").isEqualTo(1);
    assertThat(runtimeService.getVariable(taskService.createTaskQuery().taskId(kenyaTask).singleResult()
        .getProcessInstanceId(), "regionalOffice")).isNull();
  }

  @Test
  void anEncodedPathDoesNotSlipAnExpressionPastTheGuard() {
    // (Malformed escapes, which Java's HTTP client cannot even send, are refused: ExpressionQueryRuleTest.)
    Http philippines = Http.as(port, "phl-officer");
    // Valid credentials: a 401 here would mean the login broke, not the guard held, so only the refusal counts.
    Http.Response encoded = philippines.get("/engine-rest/%74ask?assigneeExpression=%24%7Bx%7D");
    assertThat(encoded.status()).as(encoded.body()).isEqualTo(400);
    assertThat(encoded.json().get("message").asText()).isEqualTo("The path contains a percent-encoded letter, digit"
        + " or one of - . _ ~ (%74): write such characters as they are.");
    // The same query on the plain path meets the expression rule.
    Http.Response plain = philippines.get("/engine-rest/task?assigneeExpression=%24%7Bx%7D");
    assertThat(plain.status()).as(plain.body()).isEqualTo(400);
    assertThat(plain.json().get("message").asText()).startsWith("Task queries may not contain expressions");
  }

  @Test
  void adminSetupIsRefusedOnceAnAdministratorExists() {
    Http.Response setup = Http.anonymous(port).post("/camunda/api/admin/setup/default/user/create",
        Map.of("profile", Map.of("id", "intruder", "firstName", "I", "lastName", "N"),
            "credentials", Map.of("password", "intruder-password")));
    assertThat(setup.status()).isEqualTo(403);
    assertThat(setup.json().get("message").asText()).contains("administrator already exists");
  }

  @Test
  void taskQueriesCarryingExpressionsAreRefusedBeforeTheEngine() {
    Http philippines = Http.as(port, "phl-officer");
    List<Http.Response> refused = List.of(
        philippines.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D"),
        philippines.get("/engine-rest/task/count?candidateGroupsExpression=%23%7Bx%7D"),
        philippines.post("/engine-rest/task", Map.of("assigneeExpression", "${currentUser()}")),
        philippines.post("/engine-rest/task", Map.of("orQueries", List.of(Map.of("assigneeExpression", "${x}")))),
        philippines.post("/engine-rest/task/count", "{\"orQueries\":[{\"nameLike\":\"\\u0024{1+1}\"}]}"),
        philippines.post("/engine-rest/engine/default/task", Map.of("orQueries",
            List.of(Map.of("dueAfterExpression", "#{1}")))),
        Http.anonymous(port).post("/camunda/api/engine/engine/default/task", Map.of("orQueries",
            List.of(Map.of("assigneeExpression", "${x}")))));
    for (Http.Response response : refused) {
      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.json().get("message").asText()).contains("may not contain expressions");
    }
    assertThat(philippines.post("/engine-rest/task?maxResults=10", Map.of("orQueries",
        List.of(Map.of("nameLike", "%review%"))))
        .status()).as("a plain task query still works").isEqualTo(200);
  }

  @Test
  void onlyAdministratorsCreateFiltersAndDeployments() {
    Map<String, Object> filter = Map.of("resourceType", "Task", "name", "mine", "query", Map.of());
    Http.Response byOfficer = Http.as(port, "phl-officer").post("/engine-rest/filter/create", filter);
    assertThat(byOfficer.status()).isEqualTo(403);
    Http.Response byAdmin = Http.as(port, "admin").post("/engine-rest/filter/create", filter);
    assertThat(byAdmin.status()).isEqualTo(200);
    String id = byAdmin.json().get("id").asText();
    assertThat(Http.as(port, "phl-officer").put("/engine-rest/filter/" + id, filter).status()).isEqualTo(403);
    assertThat(Http.as(port, "phl-officer").delete("/engine-rest/filter/" + id).status()).isEqualTo(403);
    assertThat(Http.as(port, "admin").delete("/engine-rest/filter/" + id).status()).isEqualTo(204);

    Http.Response deployment = Http.as(port, "hld-coordinator").post("/engine-rest/deployment/create", Map.of());
    assertThat(deployment.status()).isEqualTo(403);
  }
}
