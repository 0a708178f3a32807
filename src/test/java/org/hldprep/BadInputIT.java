package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.QuickCycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Input the database or the parsers cannot take is a 4xx that says why, never a 500: text longer than the
 * engine's column, bodies too large or nested too deep, servlet prefixes written with percent-escapes,
 * fields an event does not know. Each refusal leaves nothing behind.
 */
class BadInputIT extends PostgresIntegrationTest {

  /** Camunda's ACT_RU_VARIABLE.TEXT_ is varchar(4000). */
  private static final String TOO_LONG = "x".repeat(4001);

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;

  @Test
  void aTextLongerThanTheColumnIsRefusedInATaskCompletionNamingTheFieldAndTheLimit() {
    QuickCycle cycle = QuickCycle.unique("HLDLONG", "PHL");
    cycle.start(port);
    String task = QuickCycle.awaitTask(port, "phl-officer", cycle.name() + "-PHL", "Task_OfferConsultation");

    Http.Response refused = Http.as(port, "phl-officer").post("/engine-rest/task/" + task + "/complete",
        Map.of("variables", Http.variables(Map.of("governmentFocalPoint", "DFA", "governmentAnswer", "declined",
            "declineReason", TOO_LONG))));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("'declineReason'").contains("4000 characters");
    assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task is still open").isEqualTo(1);
    assertThat(runtimeService.createVariableInstanceQuery().variableName("declineReason")
        .processInstanceIdIn(taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId()).count())
        .isZero();
  }

  @Test
  void aTextLongerThanTheColumnIsRefusedInAProcessStart() {
    String cycle = QuickCycle.unique("HLDLONGSTART").name();
    Map<String, Object> values = new LinkedHashMap<>(QuickCycle.futureCalendar());
    values.put("memberStates", "PHL");
    values.put("rcps", QuickCycle.RCP);
    values.put("note", TOO_LONG);

    Http.Response refused = Http.as(port, "hld-coordinator").post(
        "/engine-rest/process-definition/key/hld-preparation/start",
        Map.of("businessKey", cycle, "variables", Http.variables(values)));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("'note'").contains("4000 characters");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(cycle).count()).isZero();
  }

  @Test
  void anEventsTextLongerThanTheColumnAndAFieldItDoesNotKnowAreRefusedNamingThem() {
    QuickCycle cycle = QuickCycle.unique("HLDLONGEVENT", "PHL");
    String master = cycle.start(port);
    String path = "/api/cycles/" + cycle.name() + "/messages/RcpInputReceived";
    Http rcp = Http.as(port, "rcp-focal-point");

    Http.Response tooLong = rcp.post(path,
        Map.of("rcpCode", QuickCycle.RCP, "rcpInputLink", "https://rcp.example/input",
            "rcpInputSummary", TOO_LONG));
    assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
    assertThat(tooLong.json().get("detail").asText()).contains("'rcpInputSummary'").contains("4000 characters");

    Http.Response unknown = rcp.post(path,
        Map.of("rcpCode", QuickCycle.RCP, "rcpInputLink", "https://rcp.example/input",
            "colour", "red"));
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
    assertThat(unknown.headers().get("content-type").get(0)).startsWith("application/problem+json");
    assertThat(unknown.json().get("detail").asText()).contains("'colour'").contains("RcpInputReceived");

    assertThat(historyService.createHistoricVariableInstanceQuery().variableName("rcpInputLink").list().stream()
        .filter(v -> v.getRootProcessInstanceId().equals(master)).count()).as("inputs recorded").isZero();
  }

  @Test
  void aBodyLargerThanTheLimitIs413BeforeItIsParsed() {
    String hugeList = "[" + "\"PHL\",".repeat(60_000) + "\"PHL\"]";
    Http.Response api = Http.as(port, "phl-officer").post("/api/cycles", "{\"memberStates\":" + hugeList + "}");
    assertThat(api.status()).as(api.body()).isEqualTo(413);
    assertThat(api.json().get("detail").asText()).contains("262144 bytes");

    Http.Response engine = Http.as(port, "phl-officer").post("/engine-rest/history/task",
        "{\"processInstanceBusinessKeyIn\":" + hugeList + "}");
    assertThat(engine.status()).as(engine.body()).isEqualTo(413);
    assertThat(engine.json().get("message").asText()).contains("262144 bytes");
  }

  @Test
  void deeplyNestedJsonIsA400() {
    for (String body : List.of("[".repeat(10_000), "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))) {
      for (String path : List.of("/engine-rest/history/task", "/engine-rest/task")) {
        Http.Response refused = Http.as(port, "phl-officer").post(path, body);
        assertThat(refused.status()).as(path + " " + refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("nested");
      }
      Http.Response api = Http.as(port, "rcp-focal-point").post("/api/cycles/HLDNESTED/messages/RcpInputReceived",
          "{\"rcpInputSummary\":" + body + "}");
      assertThat(api.status()).as(api.body()).isEqualTo(400);
      assertThat(api.json().get("detail").asText()).contains("nested");
    }
  }

  @Test
  void aServletPrefixWrittenWithPercentEscapesIsA400() {
    for (String path : List.of("/%65ngine-rest/task", "/%61pi/cycles", "/engine-rest/%74ask", "/camunda/%61pp/")) {
      Http.Response refused = Http.as(port, "phl-officer").get(path);
      assertThat(refused.status()).as(path + " " + refused.body()).isEqualTo(400);
      // /%61pi/cycles is /api's: problem+json (detail); the others Camunda's shape (message)
      assertThat(refused.json().path(path.contains("%61pi") ? "detail" : "message").asText())
          .contains("percent-encoded");
    }
  }
}
