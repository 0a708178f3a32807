package org.hldprep.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cycle in mid-course, driven over REST as staff would: the Philippines held its consultation and
 * waits for Bangkok's review (summary linked), Thailand has not answered yet, Kenya's offer is overdue
 * (an administrator moved its due date into the past), Mexico declined. Every date of the calendar is
 * in the future. For the progress board's ITs and browser tests.
 */
public final class MidCourseCycle {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  public static final int KENYA_DAYS_OVERDUE = 3;
  public static final String PHILIPPINES_SUMMARY = "https://docs.example/phl-national-summary";

  public final String cycle;
  public final String processInstanceId;
  public final LocalDate hldDate;

  private MidCourseCycle(String cycle, String processInstanceId, LocalDate hldDate) {
    this.cycle = cycle;
    this.processInstanceId = processInstanceId;
    this.hldDate = hldDate;
  }

  /** Starts and drives the cycle; the name is unique in this JVM (prefix + counter + time). */
  public static MidCourseCycle start(int port, String prefix) {
    String cycle = prefix + COUNTER.incrementAndGet() + Long.toString(System.nanoTime() % 100000);
    LocalDate today = CycleDays.today();
    // The defaults follow the HLD and the earliest (the first New York round table) comes 356 days before
    // it: 14 months ahead, every date lies in the future. The dates given come in the calendar's order.
    LocalDate hld = today.plusMonths(14);
    Map<String, String> calendar = new LinkedHashMap<>();
    calendar.put("hldDate", hld.toString());
    calendar.put("governmentResponseDeadline", today.plusMonths(1).toString());
    calendar.put("governmentFinalDeadline", today.plusMonths(2).toString());
    calendar.put("arrangementsDeadline", today.plusMonths(2).plusDays(15).toString());
    calendar.put("nationalSummaryDeadline", today.plusMonths(3).toString());
    calendar.put("reviewDeadline", today.plusMonths(4).toString());
    calendar.put("rcpContactDeadline", today.plusMonths(1).toString());
    calendar.put("rcpInputDeadline", today.plusMonths(2).toString());
    calendar.put("rcpMeetingDate", today.plusMonths(3).toString());
    calendar.put("fotcConstitutionDeadline", today.plusDays(20).toString());
    calendar.put("zeroDraftDeadline", today.plusMonths(1).toString());
    calendar.put("outcomeFormatDeadline", today.plusDays(25).toString());
    DemoStaff staff = new DemoStaff(port);
    Http.Response started = staff.as("hld-coordinator").post("/api/cycles", Map.of("cycle", cycle,
        "memberStates", List.of("PHL", "THA", "KEN", "MEX"), "rcps", List.of("puebla-process"), "calendar", calendar));
    assertThat(started.status()).as(started.body()).isEqualTo(201);

    staff.work("Task_OfferConsultation", cycle + "-PHL", "phl-officer", Map.of("governmentFocalPoint", "DFA",
        "governmentAnswer", "accepted"));
    staff.work("Task_AgreeArrangements", cycle + "-PHL", "phl-officer", Map.of("stakeholders",
        List.of("civil-society", "migrant-associations"), "consultationFormat", "consultation",
        "consultationDate", today.toString(), "venue", "Manila"));
    staff.work("Task_RecordConsultation", cycle + "-PHL", "phl-officer", Map.of("consultationHeldOn",
        today.toString(), "participants", 42, "summaryLink", PHILIPPINES_SUMMARY,
        "keyMessages", "Protect migrant workers"));
    staff.find("Task_ReviewNationalSummary", cycle + "-PHL", "bangkok-ro", java.util.Set.of("bangkok-ro"));
    staff.work("Task_OfferConsultation", cycle + "-MEX", "mex-officer", Map.of("governmentFocalPoint", "SRE",
        "governmentAnswer", "declined", "declineReason", "Elections"));

    // An administrator moves Kenya's due date into the past, through the engine's REST API.
    Http admin = staff.as("admin");
    JsonNode tasks = admin.get("/engine-rest/task?processInstanceBusinessKey=" + cycle + "-KEN"
        + "&taskDefinitionKey=Task_OfferConsultation&maxResults=5").json();
    assertThat(tasks.size()).isEqualTo(1);
    ObjectNode task = (ObjectNode) tasks.get(0);
    // Midnight in the cycle's zone, where the board counts the days overdue.
    String due = CycleDays.startOf(today.minusDays(KENYA_DAYS_OVERDUE));
    Map<String, Object> update = new LinkedHashMap<>();
    update.put("name", task.get("name").asText());
    update.put("priority", task.get("priority").asInt());
    update.put("due", due);
    Http.Response moved = admin.put("/engine-rest/task/" + task.get("id").asText(), update);
    assertThat(moved.status()).as(moved.body()).isEqualTo(204);

    return new MidCourseCycle(cycle, started.json().get("processInstanceId").asText(), hld);
  }
}
