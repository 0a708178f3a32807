package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hldprep.calendar.Deadlines;
import org.hldprep.support.DemoStaff;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A cycle on its calendar, on PostgreSQL with the job executor running: the Philippines holds its
 * consultation but never records its summary, and nobody else acts. When the calendar is moved into the
 * past (as a replay does; no sleeping, the job executor fires what has fallen due) every track is cut off
 * on its dates, and the cycle still reaches the report to the Council, with the Philippines listed as
 * open.
 */
class CycleCutOffIT extends PostgresIntegrationTest {

  private static final AtomicInteger CYCLES = new AtomicInteger();
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Zurich"));

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;

  @Test
  void thePhilippinesNeverRecordsItsSummary_andTheCycleStillReachesTheReportToTheCouncil() {
    String cycle = "HLDCUT" + System.nanoTime() % 100000 + CYCLES.incrementAndGet();
    DemoStaff staff = new DemoStaff(port);
    Http coordinator = staff.as("hld-coordinator");
    Http.Response started = coordinator.post("/api/cycles",
        Map.of("cycle", cycle, "memberStates", List.of("PHL", "KEN"),
            "rcps", List.of("sacm"), "calendar", Map.of("hldDate", TODAY.plusMonths(13).toString())));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String councilReportDeadline = started.json().get("calendar").get("councilReportDeadline").asText();

    staff.work("Task_OfferConsultation", cycle + "-PHL", "phl-officer", Map.of("governmentFocalPoint", "DFA",
        "governmentAnswer", "accepted"));
    staff.work("Task_AgreeArrangements", cycle + "-PHL", "phl-officer", Map.of("stakeholders", List.of("civil-society"),
        "consultationFormat", "consultation", "consultationDate", TODAY.toString(), "venue", "Manila"));
    // The consultation day has begun: the summary is now awaited from the Philippines, which never records it.
    staff.find("Task_RecordConsultation", cycle + "-PHL", "phl-officer", java.util.Set.of("phl-officer"));

    // Without replay the calendar cannot move into the past.
    LocalDate pastHld = TODAY.minusDays(40);
    Http.Response refused = coordinator.post("/api/cycles/" + cycle + "/messages/CalendarChanged",
        Map.of("calendarChanges", Map.of("hldDate", pastHld.toString())));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("still ahead in the past");

    Http.Response moved = coordinator.post("/api/cycles/" + cycle + "/messages/CalendarChanged",
        Map.of("replay", true, "calendarChanges", Map.of("hldDate", pastHld.toString())));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(taskService.createTaskQuery().processInstanceBusinessKey(cycle)
            .taskDefinitionKey("Task_ReportToCouncil").count()).isOne());
    Task report = taskService.createTaskQuery().processInstanceBusinessKey(cycle)
        .taskDefinitionKey("Task_ReportToCouncil")
        .singleResult();
    assertThat(report.getDueDate()).isEqualTo(Deadlines.endOfDay(pastHld.plusDays(54), ZoneId.of("Europe/Zurich")));
    assertThat(councilReportDeadline).isEqualTo(TODAY.plusMonths(13).plusDays(54).toString());

    // The replayed dates are all past at once: the children's cut-offs and the report's date fire side by
    // side, so the report lists the Philippines as open (still running, or already cut off), and its
    // outcome reaches the tally when its cut-off has been recorded, before or after the report started.
    assertThat(coordinator.get("/api/cycles/" + cycle).json().get("openAtReport").asText())
        .containsAnyOf("PHL (open-at-cutoff)", "PHL (running)");
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(
        () -> assertThat(coordinator.get("/api/cycles/" + cycle).json().get("consultationOutcomes").toString())
            .contains("\"PHL\":\"open-at-cutoff\"", "\"KEN\":\"no-response\""));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(cycle + "-PHL")
        .singleResult().getEndTime()).as("the Philippines was cut off, not left hanging").isNotNull();

    // The secretariat reports with what exists; the cycle then closes.
    staff.work("Task_ReportToCouncil", cycle, "council-secretary", Map.of("councilReportLink",
        "https://docs.example/report", "councilDocumentSymbol", "MC/INF/311"));
    await().atMost(Duration.ofSeconds(60)).untilAsserted(
        () -> assertThat(coordinator.get("/api/cycles/" + cycle).json().get("state").asText()).isEqualTo("ended"));
  }
}
