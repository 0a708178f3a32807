package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.hldprep.support.CycleDays;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.QuickCycle;
import org.hldprep.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The doors of issue 7, each tried from outside as a curious user would, over /engine-rest and the
 * webapps' own API: each must stay shut, and nothing may change behind a refusal.
 */
class TrustIT extends PostgresIntegrationTest {

  private static final AtomicInteger CYCLES = new AtomicInteger();
  /** Today where the server counts days: the cycle's zone, not this JVM's. */
  private static final LocalDate TODAY = CycleDays.today();

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;

  /** A small cycle of the Philippines and Kenya with every date in the future; returns its name. */
  private String startCycle() {
    String cycle = "HLDTRUST" + System.currentTimeMillis() % 100000 + CYCLES.incrementAndGet();
    Http.Response started = Http.as(port, "hld-coordinator").post("/api/cycles", Map.of("cycle", cycle,
        "memberStates", List.of("PHL", "KEN"), "rcps", List.of("colombo-process"),
        "calendar", QuickCycle.futureCalendar()));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return cycle;
  }

  private String offerTask(String cycle, String iso3) {
    String[] id = new String[1];
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var task = taskService.createTaskQuery().processInstanceBusinessKey(cycle + "-" + iso3)
          .taskDefinitionKey("Task_OfferConsultation").singleResult();
      assertThat(task).isNotNull();
      id[0] = task.getId();
    });
    return id[0];
  }

  @Test
  void aCountryOfficeCannotRewriteAnotherCountrysOutcomeWithABpmnErrorOrEscalation() {
    String cycle = startCycle();
    String task = offerTask(cycle, "PHL");
    String philippines = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
    String master = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(cycle)
        .processDefinitionKey("hld-preparation").singleResult().getId();
    Object talliesBefore = runtimeService.getVariable(master, "consultationOutcomes");
    Map<String, Object> forged = Map.of("countryCode", Map.of("value", "KEN"), "outcome", Map.of("value", "held"));

    Http officer = Http.as(port, "phl-officer");
    Http.Response error = officer.post("/engine-rest/task/" + task + "/bpmnError",
        Map.of("errorCode", "declined", "variables", forged));
    assertThat(error.status()).as(error.body()).isEqualTo(403);
    assertThat(error.json().get("message").asText()).contains("does not expect a BPMN error 'declined'");
    Http.Response escalation = officer.post("/engine-rest/task/" + task + "/bpmnEscalation",
        Map.of("escalationCode", "x", "variables", forged));
    assertThat(escalation.status()).as(escalation.body()).isEqualTo(403);
    WebappSession webapp = new WebappSession(port);
    assertThat(webapp.login("phl-officer", "demo").status()).isEqualTo(200);
    Http.Response viaTasklist = webapp.post("/camunda/api/engine/engine/default/task/" + task + "/bpmnError",
        "{\"errorCode\":\"declined\",\"variables\":{\"countryCode\":{\"value\":\"KEN\"}}}");
    assertThat(viaTasklist.status()).as(viaTasklist.body()).isEqualTo(403);

    assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task is still open").isEqualTo(1);
    assertThat(runtimeService.getVariable(philippines, "countryCode")).isEqualTo("PHL");
    assertThat(runtimeService.getVariable(philippines, "outcome")).isNull();
    assertThat(runtimeService.getVariable(master, "consultationOutcomes")).isEqualTo(talliesBefore);
    assertThat(String.valueOf(talliesBefore)).doesNotContain("KEN");
  }

  @Test
  void typedValuesAndClearedReadOnlyFieldsDoNotPassTheFormGuard() {
    String cycle = startCycle();
    String task = offerTask(cycle, "KEN");
    Http kenya = Http.as(port, "ken-officer");
    Http.Response typed = kenya.post("/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
        "governmentAnswer", Map.of("value", "declined"), "declineReason", Map.of("value", "Elections"),
        "governmentFocalPoint", Map.of("value", "{}", "type", "Object", "valueInfo", Map.of(
            "objectTypeName", "java.io.File", "serializationDataFormat", "application/json")))));
    assertThat(typed.status()).as(typed.body()).isEqualTo(400);
    assertThat(typed.json().get("message").asText()).contains("'governmentFocalPoint' carries valueInfo");

    Map<String, Object> cleared = new java.util.HashMap<>();
    cleared.put("value", null);
    Http.Response nulled = kenya.post("/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
        "governmentAnswer", Map.of("value", "declined"), "declineReason", Map.of("value", "Elections"),
        "governmentFocalPoint", Map.of("value", "MFA"), "countryCode", cleared)));
    assertThat(nulled.status()).as(nulled.body()).isEqualTo(400);
    assertThat(nulled.json().get("message").asText())
        .contains("'countryCode' is read-only here and may not be cleared");

    assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
    assertThat(kenya.get("/engine-rest/task/" + task + "/form-variables").status())
        .as("the task's form still opens").isEqualTo(200);
  }

  @Test
  void aVariableOfAForbiddenTypeCannotBeReadBackIntoAClass() {
    String instance = runtimeService.startProcessInstanceByKey("national-consultation", Map.of("countryCode", "MEX",
        "hldDate", TODAY.plusMonths(14).toString())).getId();
    // A class Jackson could build from this JSON, but not one the processes use: refused when read.
    runtimeService.setVariable(instance, "planted",
        Variables.serializedObjectValue("{\"key\":\"a value Jackson can read\"}")
            .objectTypeName("java.util.concurrent.ConcurrentHashMap").serializationDataFormat("application/json")
            .create());
    runtimeService.setVariable(instance, "allowed", Variables.serializedObjectValue("[\"PHL\"]")
        .objectTypeName("java.util.ArrayList").serializationDataFormat("application/json").create());

    assertThatThrownBy(() -> runtimeService.getVariable(instance, "planted"))
        .isInstanceOf(ProcessEngineException.class)
        .hasStackTraceContaining("not whitelisted for deserialization: [java.util.concurrent.ConcurrentHashMap]");
    assertThat((Object) runtimeService.getVariableTyped(instance, "planted", false)).as("still there, unread")
        .isNotNull();
    assertThat(runtimeService.getVariable(instance, "allowed")).isEqualTo(List.of("PHL"));
    runtimeService.deleteProcessInstance(instance, "test done");
  }

  @Test
  void onlyAdministratorsUseStartInstructionsSkipFlagsAndModifications() {
    // Its own business keys: what a refused start would have left is looked for under them alone.
    String skip = "HLDSKIP" + System.currentTimeMillis() % 100000 + CYCLES.incrementAndGet() + "N";
    Http coordinator = Http.as(port, "hld-coordinator");
    String start = "/engine-rest/process-definition/key/hld-preparation/start";
    assertThat(coordinator.post(start, Map.of("businessKey", skip + "1", "skipCustomListeners", true)).status())
        .isEqualTo(403);
    assertThat(coordinator.post(start, Map.of("businessKey", skip + "2", "skipIoMappings", true)).status())
        .isEqualTo(403);
    Http.Response instructions = coordinator.post(start, Map.of("businessKey", skip + "3", "startInstructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_ReportToCouncil"))));
    assertThat(instructions.status()).isEqualTo(403);
    assertThat(instructions.json().get("message").asText()).contains("startInstructions");
    assertThat(coordinator.post("/engine-rest/process-definition/key/hld-preparation/submit-form",
        Map.of("businessKey", skip + "4", "skipCustomListeners", true)).status()).isEqualTo(403);
    assertThat(coordinator.post("/engine-rest/process-instance/any/modification", Map.of("instructions",
        List.of())).status()).isEqualTo(403);
    assertThat(coordinator.post("/engine-rest/modification/execute", Map.of()).status()).isEqualTo(403);
    assertThat(coordinator.delete("/engine-rest/process-instance/any?skipCustomListeners=true").status())
        .isEqualTo(403);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(skip + "%").count())
        .as("instances of the refused starts").isZero();
  }

  @Test
  void engineWideFiguresJobsAndCockpitsPluginApiAreForAdministratorsOnly() {
    for (String path : List.of("/engine-rest/metrics/activity-instance-start/sum",
        "/engine-rest/process-definition/statistics",
        "/engine-rest/job-definition?maxResults=10", "/engine-rest/job?maxResults=10",
        "/engine-rest/history/process-instance/report?reportType=duration&periodUnit=month")) {
      Http.Response coordinator = Http.as(port, "hld-coordinator").get(path);
      assertThat(coordinator.status()).as(path + " " + coordinator.body()).isEqualTo(403);
      assertThat(coordinator.json().get("message").asText()).contains("camunda-admin");
      assertThat(Http.as(port, "admin").get(path).status()).as("admin " + path).isEqualTo(200);
    }
    WebappSession coordinator = new WebappSession(port);
    assertThat(coordinator.login("hld-coordinator", "demo").status()).isEqualTo(200);
    String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count";
    Http.Response refused = coordinator.get(statistics);
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.json().get("message").asText()).contains("/api/cycles");
    WebappSession admin = new WebappSession(port);
    assertThat(admin.login("admin", "demo").status()).isEqualTo(200);
    assertThat(admin.get(statistics).status()).isEqualTo(200);
  }

  @Test
  void usersCannotChangeOrDeleteTheirOwnAccount() {
    String user = "trust-self-" + CYCLES.incrementAndGet() + "-" + System.currentTimeMillis() % 100000;
    User account = identityService.newUser(user);
    account.setPassword("a-test-password");
    identityService.saveUser(account);
    identityService.createMembership(user, "co-mex");
    Http self = Http.as(port, user, "a-test-password");
    assertThat(self.put("/engine-rest/user/" + user + "/profile", Map.of("id", user, "firstName", "Renamed")).status())
        .isEqualTo(403);
    assertThat(self.put("/engine-rest/user/" + user + "/credentials", Map.of("password", "another-password",
        "authenticatedUserPassword", "a-test-password")).status()).isEqualTo(403);
    assertThat(self.delete("/engine-rest/user/" + user).status()).isEqualTo(403);
    WebappSession webapp = new WebappSession(port);
    assertThat(webapp.login(user, "a-test-password").status()).isEqualTo(200);
    assertThat(webapp.postWithToken("/camunda/api/engine/engine/default/user/" + user + "/profile", "{}",
        webapp.csrfToken()).status()).isIn(403, 405);

    assertThat(identityService.createUserQuery().userId(user).singleResult().getFirstName()).isNull();
    assertThat(identityService.checkPassword(user, "a-test-password")).isTrue();
    Authorization own = authorizationService.createAuthorizationQuery().userIdIn(user).resourceType(Resources.USER)
        .resourceId(user).singleResult();
    assertThat(own.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(own.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(own.isPermissionGranted(Permissions.DELETE)).isFalse();
  }

  @Test
  void theSessionAndCsrfCookiesCarryOneSameSiteValueStrict() {
    WebappSession session = new WebappSession(port);
    // The apps' first read of the webapps' API opens the session and hands out the CSRF token (pages do not).
    session.get("/camunda/api/admin/auth/user/default");
    List<String> opened = session.lastSetCookies;
    assertThat(session.login("phl-officer", "demo").status()).isEqualTo(200);
    List<String> cookies = new java.util.ArrayList<>(opened);
    cookies.addAll(session.lastSetCookies);
    String sessionCookie = WebappSession.SESSION_COOKIE + "=";
    assertThat(cookies).anyMatch(c -> c.startsWith(sessionCookie)).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
    for (String cookie : cookies) {
      if (cookie.startsWith(sessionCookie) || cookie.startsWith("XSRF-TOKEN=")) {
        assertThat(cookie.toLowerCase().split("samesite=", -1)).as(cookie).hasSize(2);
        assertThat(cookie).as(cookie).containsIgnoringCase("SameSite=Strict");
      }
    }
  }

  @Test
  void aBadCsrfTokenIsRefusedWithoutEndingTheSession() {
    WebappSession session = new WebappSession(port);
    assertThat(session.login("phl-officer", "demo").status()).isEqualTo(200);
    Http.Response forged = session.postWithToken("/camunda/api/engine/engine/default/task/count", "{}",
        "not-the-token");
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.json().get("message").asText()).contains("CSRF token");
    Http.Response missing = session.postWithToken("/camunda/api/engine/engine/default/task/count", "{}", null);
    assertThat(missing.status()).isEqualTo(403);

    Http.Response stillIn = session.get("/camunda/api/admin/auth/user/default");
    assertThat(stillIn.status()).as("still logged in: " + stillIn.body()).isEqualTo(200);
    assertThat(stillIn.json().get("userId").asText()).isEqualTo("phl-officer");
    assertThat(session.post("/camunda/api/engine/engine/default/task/count", "{}").status()).isEqualTo(200);
  }

  @Test
  void aGoneOrContestedTaskGets404Or409WithAMessage() {
    String cycle = startCycle();
    String task = offerTask(cycle, "KEN");
    String colleague = "trust-ken-" + CYCLES.incrementAndGet() + "-" + System.currentTimeMillis() % 100000;
    User account = identityService.newUser(colleague);
    account.setPassword("a-test-password");
    identityService.saveUser(account);
    identityService.createMembership(colleague, "co-ken");

    Http kenya = Http.as(port, "ken-officer");
    assertThat(kenya.post("/engine-rest/task/" + task + "/claim", Map.of("userId", "ken-officer")).status())
        .isEqualTo(204);
    Http.Response contested = Http.as(port, colleague, "a-test-password").post("/engine-rest/task/" + task + "/claim",
        Map.of("userId", colleague));
    assertThat(contested.status()).as(contested.body()).isEqualTo(409);
    assertThat(contested.json().get("message").asText()).contains("already claimed");

    Map<String, Object> declined = Map.of("variables", Map.of("governmentAnswer", Map.of("value", "declined"),
        "declineReason", Map.of("value", "Elections"), "governmentFocalPoint", Map.of("value", "MFA")));
    assertThat(kenya.post("/engine-rest/task/" + task + "/complete", declined).status()).isEqualTo(204);
    for (String call : List.of("complete", "submit-form", "resolve", "bpmnError")) {
      Http.Response gone = kenya.post("/engine-rest/task/" + task + "/" + call,
          "bpmnError".equals(call) ? Map.of("errorCode", "x") : declined);
      assertThat(gone.status()).as(call + ": " + gone.body()).isEqualTo(404);
      assertThat(gone.json().get("message").asText()).isNotBlank();
    }
    Http.Response claimGone = kenya.post("/engine-rest/task/" + task + "/claim", Map.of("userId", "ken-officer"));
    assertThat(claimGone.status()).as(claimGone.body()).isEqualTo(404);
    assertThat(claimGone.json().get("message").asText()).contains("Cannot find task");
    // The administrator is not checked by the guard: the engine's own answer is mapped.
    Http.Response adminGone = Http.as(port, "admin").post("/engine-rest/task/" + task + "/complete", Map.of());
    assertThat(adminGone.status()).as(adminGone.body()).isEqualTo(404);
    WebappSession webapp = new WebappSession(port);
    assertThat(webapp.login("ken-officer", "demo").status()).isEqualTo(200);
    assertThat(webapp.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form", "{\"variables\":{}}")
        .status()).isEqualTo(404);
  }

  @Test
  void errorsUnderApiAreProblemJsonNamingTheFieldAndValue() {
    Http coordinator = Http.as(port, "hld-coordinator");
    Http.Response malformed = coordinator.post("/api/cycles", "{\"cycle\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("detail").asText()).contains("not valid JSON");
    assertThat(malformed.json().get("status").asInt()).isEqualTo(400);
    Http.Response wrongType = coordinator.post("/api/cycles", "{\"memberStates\": {\"a\": 1}}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().get("field").asText()).isEqualTo("memberStates");
    Http.Response unknownField = coordinator.post("/api/cycles", "{\"cycle\":\"HLDX\",\"skipCustomListeners\":true}");
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(unknownField.json().get("detail").asText()).contains("'skipCustomListeners' is not a field");
    Http.Response badCode = coordinator.post("/api/cycles",
        Map.of("cycle", "HLDBADCODE", "memberStates", List.of("XYZ"),
            "calendar", QuickCycle.futureCalendar()));
    assertThat(badCode.status()).isEqualTo(400);
    assertThat(badCode.json().get("detail").asText()).contains("XYZ");
    for (Http.Response problem : List.of(malformed, wrongType, unknownField, badCode,
        Http.anonymous(port).get("/api/me"),
        Http.as(port, "phl-officer").post("/api/cycles/X/messages/CalendarChanged", Map.of()),
        coordinator.get("/api/no-such-thing"), coordinator.get("/api/cycles/HLDNOSUCHCYCLE"))) {
      assertThat(problem.status()).as(problem.body()).isBetween(400, 499);
      JsonNode json = problem.json();
      assertThat(json.has("title") && json.has("status") && json.has("detail")).as(problem.body()).isTrue();
    }
    Http.Response engineRest = Http.anonymous(port).get("/engine-rest/task");
    assertThat(engineRest.json().has("message")).as("Camunda's own shape on /engine-rest").isTrue();
  }
}
