package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.QuickCycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9 §1: a cycle started over REST with nothing but a future HLD date runs every one of the nine
 * processes (the master and its eight kinds of child, the three tracks of MC/2353 §11 among them) and
 * reaches the Dialogue week: the Director General's statement drafted and cleared, the delegation
 * recorded, HldConcluded with the outcome's symbol (a bad one refused naming the field), after which the
 * master waits for the HLD to pass. A commission's own meeting date follows CalendarChanged.
 */
class DialogueWeekIT extends PostgresIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;

  private final String cycle = "HLDWEEK" + Long.toString(System.nanoTime() % 100000000L, 36).toUpperCase();
  private String master;

  @AfterEach
  void deleteTheCycle() {
    if (master != null && runtimeService.createProcessInstanceQuery().processInstanceId(master).count() > 0) {
      runtimeService.deleteProcessInstance(master, "DialogueWeekIT done", true, true);
    }
  }

  @Test
  void onlyAFutureHld_startsAllNineProcesses_andReachesTheDialogueWeek() {
    LocalDate hld = LocalDate.now().plusMonths(14);
    Http coordinator = Http.as(port, "hld-coordinator");
    Http.Response started = coordinator.post("/api/cycles", Map.of("cycle", cycle,
        "calendar", Map.of("hldDate", hld.toString())));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    master = started.json().get("processInstanceId").asText();

    // Every Member State and RCP of the reference data by default, one paper, a round table per date of
    // the calendar, one input per UN Regional Commission.
    Map<String, Integer> running = new TreeMap<>();
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      running.clear();
      runtimeService.createProcessInstanceQuery().superProcessInstanceId(master).list()
          .forEach(child -> running.merge(
              child.getProcessDefinitionId().substring(0, child.getProcessDefinitionId().indexOf(':')), 1,
              Integer::sum));
      assertThat(running).containsOnlyKeys("national-consultation", "rcp-contribution", "global-rcp-meeting",
          "council-joint-statement", "pga-outcome-input", "ceb-hlcp-paper", "ny-roundtable",
          "regional-commission-input");
      assertThat(running).containsEntry("national-consultation", 194).containsEntry("rcp-contribution", 21);
    });
    assertThat(running).containsEntry("ceb-hlcp-paper", 1).containsEntry("ny-roundtable", 5)
        .containsEntry("regional-commission-input", 5).containsEntry("global-rcp-meeting", 1)
        .containsEntry("council-joint-statement", 1).containsEntry("pga-outcome-input", 1);
    // The coordinator's status counts the same open children per process (the README's cycle status).
    JsonNode openChildren = coordinator.get("/api/cycles/" + cycle).json().get("openChildrenByProcess");
    Map<String, Integer> shown = new TreeMap<>();
    openChildren.fields().forEachRemaining(e -> shown.put(e.getKey(), e.getValue().asInt()));
    assertThat(shown).isEqualTo(running);

    // CalendarChanged of ECA's meeting date reaches ECA's input (its own meetingDate), not ECE's.
    String ecaMeeting = hld.minusDays(91).toString();
    String eceBefore = variable(cycle + "-ece", "meetingDate");
    Http.Response moved = coordinator.post("/api/cycles/" + cycle + "/messages/CalendarChanged",
        Map.of("calendarChanges", Map.of("ecaMeetingDate", ecaMeeting)));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(variable(cycle + "-eca", "meetingDate")).isEqualTo(ecaMeeting);
    assertThat(variable(cycle + "-ece", "meetingDate")).isEqualTo(eceBefore);

    // The Director General's statement: its drafting starts on its date, Policy drafts, the DG clears.
    QuickCycle.fireTimers(port, List.of(cycle), "Timer_DgStatementStart");
    QuickCycle.complete(port, "policy-drafter", cycle, "Task_DraftDgStatement",
        Map.of("dgStatementLink", "https://docs.example/dg-statement"));
    QuickCycle.complete(port, "director-general", cycle, "Task_ClearDgStatement",
        Map.of("dgStatementDecision", "cleared"));

    // Nothing waits for the outcome before the Dialogue opens.
    Http liaison = Http.as(port, "ny-liaison");
    Http.Response early = liaison.post("/api/cycles/" + cycle + "/messages/HldConcluded",
        Map.of("hldOutcomeSymbol", "A/RES/68/4"));
    assertThat(early.status()).as(early.body()).isEqualTo(409);

    // The Dialogue week: the delegation is recorded, New York sends the outcome.
    QuickCycle.fireTimers(port, List.of(cycle), "Timer_HldOpens");
    QuickCycle.complete(port, "hld-coordinator", cycle, "Task_RecordDelegation", QuickCycle.delegation());
    Http.Response bad = liaison.post("/api/cycles/" + cycle + "/messages/HldConcluded",
        Map.of("hldOutcomeSymbol", "the declaration"));
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.json().get("status").asInt()).as("problem+json: " + bad.body()).isEqualTo(400);
    assertThat(bad.json().get("detail").asText()).contains("hldOutcomeSymbol");
    assertThat(Http.as(port, "phl-officer").post("/api/cycles/" + cycle + "/messages/HldConcluded",
        Map.of("hldOutcomeSymbol", "A/RES/68/4")).status()).as("a Country Office does not send it").isEqualTo(403);
    assertThat(runtimeService.getVariable(master, "hldOutcome")).as("nothing recorded by refused sends").isNull();

    Http.Response concluded = liaison.post("/api/cycles/" + cycle + "/messages/HldConcluded",
        Map.of("hldOutcomeSymbol", "A/RES/68/4", "hldOutcomeLink", "https://undocs.org/A/RES/68/4"));
    assertThat(concluded.status()).as(concluded.body()).isEqualTo(200);
    JsonNode status = coordinator.get("/api/cycles/" + cycle).json();
    assertThat(status.get("hldOutcome").asText()).isEqualTo("concluded");
    assertThat(status.get("hldOutcomeSymbol").asText()).isEqualTo("A/RES/68/4");
    assertThat(status.get("state").asText()).isEqualTo("running");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceId(master).activityIdIn("Timer_HldPassed").count()).as("the master waits for the HLD to pass")
        .isEqualTo(1));
  }

  /** A variable of the running child with this business key. */
  private String variable(String businessKey, String name) {
    ProcessInstance child = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .singleResult();
    assertThat(child).as(businessKey).isNotNull();
    return String.valueOf(runtimeService.getVariable(child.getId(), name));
  }
}
