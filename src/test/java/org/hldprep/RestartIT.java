package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.hldprep.support.AppNode;
import org.hldprep.support.EmbeddedPostgresServer;
import org.hldprep.support.Http;
import org.hldprep.support.QuickCycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cycle in the middle of its work (open tasks, pending timers) survives a restart of the application:
 * the node is stopped, a new one starts on the same PostgreSQL database, finds every task and timer as
 * they were, and the cycle finishes there, its timers firing after the restart. Runs the packaged
 * application as child JVMs ({@link AppNode}) on a database of its own.
 */
class RestartIT {

  private static final String DATABASE = EmbeddedPostgresServer.newDatabase("restart");

  private AppNode node;

  @AfterEach
  void killNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void aCycleInTheMiddleOfItsWorkSurvivesARestartAndFinishes() {
    QuickCycle cycle = QuickCycle.unique("HLDRESTART", "PHL", "THA");
    node = AppNode.start("RestartIT-before", DATABASE);
    String master = cycle.start(node.port());
    cycle.consultationDeclined(node.port());
    cycle.rcpNotInterested(node.port());
    QuickCycle.awaitTask(node.port(), "rcp-focal-point", cycle.name() + "-global-rcp-meeting",
        "Task_PrepareRcpMeetingConceptNote");
    Map<String, List<String>> before = cycle.openWork(node.port());
    assertThat(before.get("tasks")).as("open tasks")
        .anyMatch(t -> t.startsWith(cycle.name() + "-THA Task_OfferConsultation"))
        .anyMatch(t -> t.contains("Task_ConstituteFriendsOfTheChair"))
        .anyMatch(t -> t.contains("Task_PrepareRcpMeetingConceptNote"));
    assertThat(before.get("jobs")).as("pending timers").anyMatch(j -> j.startsWith(cycle.name() + " "))
        .anyMatch(j -> j.startsWith(cycle.name() + "-THA "));

    node.stop();
    // The history time to live is an operator's setting: the restarted node applies it to every definition.
    node = AppNode.start("RestartIT-after", DATABASE, "--hldprep.history.time-to-live-days=400");

    assertThat(cycle.openWork(node.port())).as("open work after the restart").isEqualTo(before);
    cycle.consultationsUnanswered(node.port());
    cycle.syntheses(node.port());
    cycle.globalMeetingSummaryOnly(node.port());
    cycle.councilStatementNotPursued(node.port());
    cycle.pgaTrackEndsWhenTheHldHasPassed(node.port());
    cycle.briefingPackAndTheHld(node.port());
    cycle.reportToCouncil(node.port());
    JsonNode ended = cycle.awaitEnded(node.port());

    assertThat(ended.get("consultationOutcomes").toString())
        .isEqualTo("{\"PHL\":\"declined\",\"THA\":\"no-response\"}");
    assertThat(ended.get("rcpOutcomes").toString()).isEqualTo("{\"colombo-process\":\"not-interested\"}");
    assertThat(ended.get("trackOutcomes").toString())
        .isEqualTo("{\"ceb-hlcp-paper\":\"open-at-cutoff\",\"council-joint-statement\":\"not-pursued\","
            + "\"global-rcp-meeting\":\"summary-only\",\"pga-outcome-input\":\"hld-passed\"}");
    QuickCycle.assertEverythingRanOnce(DATABASE, master);

    Http admin = node.as("admin");
    for (JsonNode definition : admin.get("/engine-rest/process-definition?maxResults=100").json()) {
      assertThat(definition.get("historyTimeToLive").asInt()).as(definition.get("id").asText()).isEqualTo(400);
    }
    for (JsonNode definition : admin.get("/engine-rest/decision-definition?maxResults=100").json()) {
      assertThat(definition.get("historyTimeToLive").asInt()).as(definition.get("id").asText()).isEqualTo(400);
    }
    JsonNode history = admin.get("/engine-rest/history/process-instance/" + master).json();
    DateTimeFormatter camunda = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    assertThat(Duration.between(OffsetDateTime.parse(history.get("endTime").asText(), camunda),
        OffsetDateTime.parse(history.get("removalTime").asText(), camunda)))
        .as("history of the cycle kept for the time to live set at restart").isEqualTo(Duration.ofDays(400));
  }
}
