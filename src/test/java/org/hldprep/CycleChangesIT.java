package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Changes to a running cycle over /api by HLD coordination, each idempotent: a Member State or an RCP
 * added (its track starts and is tallied), one withdrawn (its track ends withdrawn), a consultation that
 * ended no-response reopened when the government answers late.
 */
class CycleChangesIT extends PostgresIntegrationTest {

  private static final AtomicInteger CYCLES = new AtomicInteger();
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Zurich"));

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  org.camunda.bpm.engine.TaskService taskService;

  private String start(Map<String, Object> calendar, boolean replay) {
    String cycle = "HLDCHG" + System.nanoTime() % 100000 + CYCLES.incrementAndGet();
    Http.Response started = Http.as(port, "hld-coordinator").post("/api/cycles", Map.of("cycle", cycle,
        "memberStates", List.of("PHL", "KEN"), "rcps", List.of("sacm"), "calendar", calendar, "replay", replay));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return cycle;
  }

  private long running(String businessKey) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).active().count();
  }

  @Test
  void addAndWithdrawParticipants_idempotently_onlyAsHldCoordination() {
    String cycle = start(Map.of("hldDate", TODAY.plusMonths(13).toString()), false);
    Http coordinator = Http.as(port, "hld-coordinator");
    String participants = "/api/cycles/" + cycle + "/participants";

    assertThat(Http.as(port, "phl-officer").post(participants, Map.of("memberState", "SUR")).status()).isEqualTo(403);
    assertThat(coordinator.post(participants, Map.of("memberState", "XYZ")).status()).isEqualTo(400);
    Http.Response added = coordinator.post(participants, Map.of("memberState", "sur"));
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(added.json().get("state").asText()).isEqualTo("added");
    assertThat(coordinator.post(participants, Map.of("memberState", "SUR")).json().get("state").asText())
        .isEqualTo("already in the cycle");
    assertThat(running(cycle + "-SUR")).isOne();
    assertThat(coordinator.post(participants, Map.of("rcp", "almaty-process")).json().get("state").asText())
        .isEqualTo("added");
    assertThat(running(cycle + "-almaty-process")).isOne();
    assertThat(coordinator.get("/api/cycles/" + cycle).json().get("memberStates").toString()).contains("SUR");

    assertThat(Http.as(port, "phl-officer").delete(participants + "/KEN").status()).isEqualTo(403);
    Http.Response withdrawn = coordinator.delete(participants + "/KEN");
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(coordinator.delete(participants + "/KEN").json().get("state").asText()).isEqualTo("withdrawn");
    assertThat(running(cycle + "-KEN")).isZero();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(coordinator.get("/api/cycles/" + cycle)
        .json().path("consultationOutcomes").toString()).contains("\"KEN\":\"withdrawn\""));
    assertThat(coordinator.delete(participants + "/MEX").status()).as("MEX takes no part").isEqualTo(404);
    assertThat(coordinator.post(participants + "/KEN/reopen", Map.of()).status())
        .as("only a consultation that ended no-response can be reopened").isEqualTo(409);
  }

  @Test
  void aConsultationThatEndedNoResponse_isReopenedWhenTheGovernmentAnswersLate() {
    // A replay whose government deadlines are already past: the Philippines ends no-response at once.
    String cycle = start(Map.of("hldDate", TODAY.plusMonths(13).toString(),
        "governmentResponseDeadline", TODAY.minusDays(20).toString(),
        "governmentFinalDeadline", TODAY.minusDays(10).toString()), true);
    Http coordinator = Http.as(port, "hld-coordinator");
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(coordinator.get("/api/cycles/" + cycle)
        .json().path("consultationOutcomes").toString()).contains("\"PHL\":\"no-response\""));

    Http.Response reopened = coordinator.post("/api/cycles/" + cycle + "/participants/PHL/reopen", Map.of());
    assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
    assertThat(reopened.json().get("state").asText()).isEqualTo("reopened");
    assertThat(coordinator.post("/api/cycles/" + cycle + "/participants/PHL/reopen", Map.of()).json().get("state")
        .asText()).isEqualTo("running");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(cycle + "-PHL")
        .taskDefinitionKey("Task_AgreeArrangements").taskCandidateGroup("co-phl").count())
        .as("the reopened consultation starts with the arrangements").isOne();
  }
}
