package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.QuickCycle;
import org.hldprep.support.RowLockGate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A cycle's name is claimed by a database key in the transaction that starts its master: of two starts
 * of one name at the same moment one is created (201) and the other refused (409), with nothing of it
 * left; a running cycle keeps its name, a deleted one gives it up.
 */
class CycleNameRaceIT extends PostgresIntegrationTest {

  @LocalServerPort
  int port;
  @Autowired
  DataSource dataSource;
  @Autowired
  HistoryService historyService;

  private final ExecutorService clients = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopClients() {
    clients.shutdownNow();
  }

  @Test
  void twoStartsOfOneNameAtTheSameMoment_oneIsCreatedTheOtherGets409AndLeavesNothing() throws Exception {
    QuickCycle cycle = QuickCycle.unique("HLDNAMERACE", "PHL");
    Http coordinator = Http.as(port, "hld-coordinator");
    Future<Http.Response> first;
    Future<Http.Response> second;
    // Both starts pass every check and reach the claim of the name while neither has committed: the
    // gate holds the name in a transaction of its own, so both inserts wait on the primary key.
    try (RowLockGate gate = RowLockGate.open(dataSource)) {
      gate.hold("INSERT INTO hldprep_cycle (cycle_name, process_instance_id, claimed_at) VALUES (?, 'gate', now())",
          cycle.name());
      first = clients.submit(() -> coordinator.post("/api/cycles", cycle.startRequest()));
      gate.awaitWaiting(1);
      second = clients.submit(() -> coordinator.post("/api/cycles", cycle.startRequest()));
      gate.awaitWaiting(2);
      gate.release();
    }
    List<Http.Response> answers = List.of(first.get(2, TimeUnit.MINUTES), second.get(2, TimeUnit.MINUTES));

    assertThat(answers).extracting(Http.Response::status).as(answers.toString()).containsExactlyInAnyOrder(201, 409);
    Http.Response refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
    assertThat(refused.json().get("detail").asText()).as("/api answers problem+json")
        .isEqualTo("A cycle " + cycle.name() + " is already running");
    String master = answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow().json()
        .get("processInstanceId").asText();
    QuickCycle.processInstance(port, cycle.name() + "-PHL"); // the children start asynchronously
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(cycle.name()).count())
        .as("masters named " + cycle.name() + ", ever").isEqualTo(1);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(cycle.name() + "-%")
        .list()).as("children of " + cycle.name()).isNotEmpty()
        .allSatisfy(child -> assertThat(child.getRootProcessInstanceId()).isEqualTo(master));
    assertThat(new JdbcTemplate(dataSource).queryForObject(
        "SELECT process_instance_id FROM hldprep_cycle WHERE cycle_name = ?", String.class, cycle.name()))
        .isEqualTo(master);
  }

  @Test
  void aRunningCycleKeepsItsName_aDeletedOneGivesItUp() {
    QuickCycle cycle = QuickCycle.unique("HLDNAMEREUSE", "KEN");
    Http coordinator = Http.as(port, "hld-coordinator");
    String master = cycle.start(port);

    Http.Response again = coordinator.post("/api/cycles", cycle.startRequest());
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    // The same start over the engine's REST API, valid in every other respect (its dates in the future).
    Http.Response overEngineRest = coordinator.post("/engine-rest/process-definition/key/hld-preparation/start",
        Map.of("businessKey", cycle.name(), "variables", Http.variables(Map.of("memberStates", "KEN",
            "rcps", QuickCycle.RCP, "hldDate", QuickCycle.futureCalendar().get("hldDate")))));
    assertThat(overEngineRest.status()).as(overEngineRest.body()).isEqualTo(409);
    assertThat(overEngineRest.json().get("message").asText())
        .isEqualTo("A cycle " + cycle.name() + " is already running");

    // An administrator deletes the cycle in Cockpit (which skips custom listeners by default): the name is free.
    assertThat(Http.as(port, "admin").delete("/engine-rest/process-instance/" + master
        + "?skipCustomListeners=true&skipSubprocesses=false").status()).isEqualTo(204);
    assertThat(cycle.start(port)).isNotEqualTo(master);
  }
}
