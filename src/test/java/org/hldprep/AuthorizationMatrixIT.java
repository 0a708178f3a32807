package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.TaskService;
import org.hldprep.support.CycleDays;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.QuickCycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every demo user against every call and task kind of the contract: exactly the allowed calls succeed.
 * The matrix is the table below ({@code x} allowed, {@code .} refused); one row per call, one column per
 * demo user. A refused call must get 403 or 404 and change nothing; for messages, "allowed" means the
 * sender passes the permission check (200, or 409 when nothing waits for the event). An objection comes
 * from a Permanent Mission for its own country, or from the Council secretariat for the mission it names
 * when the objection came by note verbale (issue 8 §5).
 */
class AuthorizationMatrixIT extends PostgresIntegrationTest {

  private static final String MATRIX = """
      call                    admin hld-coordinator phl-officer ken-officer mex-officer bangkok-ro nairobi-ro sanjose-ro council-secretary rcp-focal-point partnerships-officer policy-drafter legal-officer director-general ny-liaison chairperson fotc-member phl-mission
      start-cycle             x     x               .           .           .           .          .          .          .                 .               .                    .              .             .                .          .           .           .
      read-cycle              x     x               .           .           .           .          .          .          .                 .               .                    .              .             .                .          .           .           .
      ObjectionRaised         .     .               .           .           .           .          .          .          x                 .               .                    .              .             .                .          .           .           x
      RcpInputReceived        .     .               .           .           .           .          .          .          .                 x               .                    .              .             .                .          .           .           .
      OutcomeDraftCirculated  .     x               .           .           .           .          .          .          .                 .               .                    .              .             .                x          .           .           .
      OutcomeAdopted          .     x               .           .           .           .          .          .          .                 .               .                    .              .             .                x          .           .           .
      CalendarChanged         .     x               .           .           .           .          .          .          .                 .               .                    .              .             .                .          .           .           .
      HlcpOutcomeReceived     .     x               .           .           .           .          .          .          .                 .               x                    .              .             .                .          .           .           .
      CebDecisionReceived     .     x               .           .           .           .          .          .          .                 .               x                    .              .             .                .          .           .           .
      HldConcluded            .     x               .           .           .           .          .          .          .                 .               .                    .              .             .                x          .           .           .
      reference-data          x     x               x           x           x           x          x          x          x                 x               x                    x              x             x                x          x           x           x
      country-office-task     x     .               x           .           .           .          .          .          .                 .               .                    .              .             .                .          .           .           .
      regional-office-task    x     .               .           .           .           .          x          .          .                 .               .                    .              .             .                .          .           .           .
      hq-task                 x     x               .           .           .           .          .          .          .                 .               .                    .              .             .                .          .           .           .
      """;

  /** Today where the server counts days: the cycle's zone, not this JVM's. */
  private static final LocalDate TODAY = CycleDays.today();
  private static final Map<String, List<String>> EVENT_FIELDS = Map.of(
      "ObjectionRaised", List.of("objectionText", "objectingCountry", "noteVerbaleReference"),
      "RcpInputReceived", List.of("rcpCode", "rcpInputLink"), "OutcomeDraftCirculated",
      List.of("draftLabel", "draftLink"),
      "OutcomeAdopted", List.of("outcomeSymbol"), "CalendarChanged", List.of("calendarChanges"),
      "HlcpOutcomeReceived", List.of("hlcpOutcome"), "CebDecisionReceived", List.of("cebDecision"),
      "HldConcluded", List.of("hldOutcomeSymbol"));

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;

  @Test
  void exactlyTheAllowedCallsSucceed() {
    String stamp = String.valueOf(System.currentTimeMillis() % 1000000);
    String philippines = startCycle("HLDMATRIXA" + stamp, "PHL");
    String kenya = startCycle("HLDMATRIXB" + stamp, "KEN");
    // Kenya declines: its Regional Office's synthesis falls due.
    String kenyaOffer = task(kenya + "-KEN", "Task_OfferConsultation");
    assertThat(Http.as(port, "ken-officer").post("/engine-rest/task/" + kenyaOffer + "/complete", Map.of("variables",
        Map.of("governmentAnswer", Map.of("value", "declined"), "declineReason", Map.of("value", "Elections"),
            "governmentFocalPoint", Map.of("value", "MFA"))))
        .status()).isEqualTo(204);
    String countryTask = task(philippines + "-PHL", "Task_OfferConsultation");
    String regionalTask = task(kenya, "Task_WriteRegionalSynthesis");
    String hqTask = task(philippines + "-pga-outcome-input", "Task_ConfirmOutcomeFormat");

    Map<String, BiFunction<Http, String, Boolean>> calls = new LinkedHashMap<>();
    calls.put("start-cycle", (http, user) -> {
      Http.Response r = http.post("/api/cycles", Map.of("cycle", "HLDMATRIXS" + stamp + user.length() + user.charAt(0),
          "memberStates", List.of("MEX"), "rcps", List.of("puebla-process"), "calendar", futureCalendar()));
      return expect(r, 201, 403);
    });
    calls.put("read-cycle", (http, user) -> expect(http.get("/api/cycles/" + philippines), 200, 404));
    for (String message : List.of("ObjectionRaised", "RcpInputReceived", "OutcomeDraftCirculated", "OutcomeAdopted",
        "CalendarChanged", "HlcpOutcomeReceived", "CebDecisionReceived", "HldConcluded")) {
      calls.put(message, (http, user) -> {
        // A cycle that does not exist: an allowed sender passes the check and learns nothing waits (409).
        Map<String, Object> body = new LinkedHashMap<>(Map.of("objectionText", "x", "rcpCode", "colombo-process",
            "rcpInputLink", "x", "draftLabel", "x", "draftLink", "x", "outcomeSymbol", "x", "objectingCountry", "KEN",
            "noteVerbaleReference", "NV/KEN/1", "calendarChanges", Map.of("hldDate", TODAY.plusYears(3).toString())));
        body.putAll(Map.of("hlcpOutcome", "welcomed", "cebDecision", "endorsed", "hldOutcomeSymbol", "A/RES/68/4"));
        // each event refuses fields it does not know: send it its own
        body.keySet().retainAll(EVENT_FIELDS.get(message));
        Http.Response r = http.post("/api/cycles/HLDNOCYCLE" + stamp + "/messages/" + message, body);
        return expect(r, 409, 403);
      });
    }
    calls.put("reference-data", (http, user) -> expect(http.get("/api/reference/member-states/PHL"), 200, 403));
    calls.put("country-office-task", (http, user) -> taskWork(http, user, countryTask));
    calls.put("regional-office-task", (http, user) -> taskWork(http, user, regionalTask));
    calls.put("hq-task", (http, user) -> taskWork(http, user, hqTask));

    List<String> lines = MATRIX.lines().filter(l -> !l.isBlank()).toList();
    List<String> users = List.of(lines.get(0).trim().split("\\s+")).subList(1,
        lines.get(0).trim().split("\\s+").length);
    List<String> wrong = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.trim().split("\\s+");
      assertThat(cells).as(line).hasSize(users.size() + 1);
      for (int i = 0; i < users.size(); i++) {
        boolean allowed = "x".equals(cells[i + 1]);
        String user = users.get(i);
        boolean succeeded = calls.get(cells[0]).apply(Http.as(port, user), user);
        if (succeeded != allowed) {
          wrong.add(cells[0] + " by " + user + ": " + (succeeded ? "succeeded" : "refused"));
        }
      }
    }
    assertThat(wrong).as("calls that do not match the matrix").isEmpty();

    // The owners complete their tasks; nobody else's attempt changed anything.
    complete("phl-officer", countryTask, Map.of("governmentAnswer", "declined", "declineReason", "Elections",
        "governmentFocalPoint", "DFA"));
    complete("nairobi-ro", regionalTask, Map.of("regionalSynthesisLink", "https://docs.example/nbo",
        "regionalKeyMessages", "Messages"));
    complete("hld-coordinator", hqTask, Map.of("outcomeFormat", "member-state-negotiation",
        "modalitiesResolution", "A/RES/67/219"));
  }

  /** Sees the task, claims it and hands it back; a refused user neither sees nor claims nor completes it. */
  private Boolean taskWork(Http http, String user, String taskId) {
    int seen = http.get("/engine-rest/task/" + taskId).status();
    int claimed = http.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)).status();
    if (claimed == 204) {
      assertThat(http.post("/engine-rest/task/" + taskId + "/unclaim", Map.of()).status()).isEqualTo(204);
    } else {
      Http.Response completed = http.post("/engine-rest/task/" + taskId + "/complete", Map.of());
      assertThat(completed.status()).as(user + " completing " + taskId).isIn(403, 404);
    }
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    if ((seen == 200) != (claimed == 204)) {
      throw new AssertionError(user + " sees " + taskId + " (" + seen + ") but claims it with " + claimed);
    }
    assertThat(seen).as(user + " reading " + taskId).isIn(200, 403, 404);
    return claimed == 204;
  }

  private static boolean expect(Http.Response response, int allowed, int refused) {
    assertThat(response.status()).as(response.body()).isIn(allowed, refused);
    return response.status() == allowed;
  }

  private void complete(String user, String taskId, Map<String, Object> values) {
    Http.Response done = Http.as(port, user).post("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Http.variables(values)));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  private String startCycle(String cycle, String country) {
    Http.Response started = Http.as(port, "hld-coordinator").post("/api/cycles", Map.of("cycle", cycle,
        "memberStates", List.of(country), "rcps", List.of("colombo-process"), "calendar", futureCalendar()));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return cycle;
  }

  /** Every date follows an HLD years ahead, so every one lies in the future and they come in order. */
  private static Map<String, String> futureCalendar() {
    return QuickCycle.futureCalendar();
  }

  private String task(String businessKey, String taskKey) {
    String[] id = new String[1];
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      var task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
          .singleResult();
      assertThat(task).as(taskKey + " of " + businessKey).isNotNull();
      id[0] = task.getId();
    });
    return id[0];
  }
}
