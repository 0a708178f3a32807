package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.hldprep.support.AppNode;
import org.hldprep.support.EmbeddedPostgresServer;
import org.hldprep.support.Http;
import org.hldprep.support.NodeWebappSession;
import org.hldprep.support.QuickCycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two application instances on one PostgreSQL database, both with their job executor on (a Camunda
 * homogeneous cluster, as docker-compose.yml runs it): a cycle driven step by step across both nodes
 * finishes, work done on one node is seen on the other, every timer and job runs exactly once although
 * both job executors compete for them, and a webapp session opened on one node carries on on the other
 * when the first is killed. Child JVMs ({@link AppNode}) on a database of its own.
 */
class TwoNodesIT {

  private static final Logger LOG = LoggerFactory.getLogger(TwoNodesIT.class);
  private static final String DATABASE = EmbeddedPostgresServer.newDatabase("twonodes");

  private AppNode a;
  private AppNode b;

  @AfterEach
  void killNodes() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }

  @Test
  void aCycleDrivenAcrossTwoNodesFinishes_everyJobRunsOnce_sessionsSurviveTheLossOfANode() {
    a = AppNode.start("TwoNodesIT-a", DATABASE);
    b = AppNode.start("TwoNodesIT-b", DATABASE);
    // Six Member States of the Regional Office in Bangkok: five of them never answer, so ten deadline
    // timers fall due five at a time while both job executors poll.
    QuickCycle cycle = QuickCycle.unique("HLDTWONODES", "PHL", "THA", "VNM", "IDN", "KHM", "MYS");
    String master = cycle.start(a.port());

    String offer = QuickCycle.awaitTask(a.port(), "phl-officer", cycle.name() + "-PHL", "Task_OfferConsultation");
    cycle.consultationDeclined(b.port());
    assertThat(a.as("phl-officer").get("/engine-rest/task/" + offer).status())
        .as("completed on B, gone on A").isEqualTo(404);

    cycle.consultationsUnanswered(b.port());
    cycle.syntheses(a.port());
    cycle.rcpNotInterested(b.port());
    cycle.globalMeetingSummaryOnly(a.port());
    cycle.councilStatementNotPursued(b.port());
    cycle.pgaTrackEndsWhenTheHldHasPassed(a.port());
    cycle.briefingPackAndTheHld(b.port());
    String report = QuickCycle.awaitTask(a.port(), "council-secretary", cycle.name(), "Task_ReportToCouncil");

    // The Council secretary works in Tasklist on node A, which then dies: the next request of the same
    // browser reaches node B with the same session cookie and CSRF token, and goes on where it was.
    NodeWebappSession browser = NodeWebappSession.login(a.port(), "council-secretary", "demo");
    assertThat(browser.get(a.port(), "/camunda/api/engine/engine/default/task/" + report).status()).isEqualTo(200);
    a.kill();
    Http.Response me = browser.get(b.port(), "/camunda/api/admin/auth/user/default");
    assertThat(me.status()).as("logged in on B: " + me.body()).isEqualTo(200);
    assertThat(me.json().get("userId").asText()).isEqualTo("council-secretary");
    Http.Response claimed = browser.post(b.port(), "/camunda/api/engine/engine/default/task/" + report + "/claim",
        Map.of("userId", "council-secretary"));
    assertThat(claimed.status()).as("claim on B with A's CSRF token: " + claimed.body()).isEqualTo(204);
    Http.Response submitted = browser.post(b.port(), "/camunda/api/engine/engine/default/task/" + report
        + "/submit-form", Map.of("variables", Http.variables(QuickCycle.councilReport())));
    assertThat(submitted.status()).as("completed on B: " + submitted.body()).isEqualTo(204);

    JsonNode ended = cycle.awaitEnded(b.port());
    assertThat(ended.get("consultationOutcomes").toString()).isEqualTo("{\"IDN\":\"no-response\","
        + "\"KHM\":\"no-response\",\"MYS\":\"no-response\",\"PHL\":\"declined\",\"THA\":\"no-response\","
        + "\"VNM\":\"no-response\"}");
    assertThat(ended.get("trackOutcomes").toString())
        .isEqualTo("{\"ceb-hlcp-paper\":\"open-at-cutoff\",\"council-joint-statement\":\"not-pursued\","
            + "\"global-rcp-meeting\":\"summary-only\",\"pga-outcome-input\":\"hld-passed\"}");
    Map<String, Integer> jobsByNode = QuickCycle.assertEverythingRanOnce(DATABASE, master);
    LOG.info("Jobs of the cycle run by each node: {}", jobsByNode);
    // Two nodes shared the work: each node's job executor (its engine host name, the job log's HOSTNAME_,
    // set per node by AppNode) ran jobs of the cycle. Had B's executor never acquired a job, everything
    // above would still pass on A alone.
    assertThat(jobsByNode).as("successful job executions per node").containsOnlyKeys(a.name(), b.name())
        .allSatisfy((node, jobs) -> assertThat(jobs).as(node).isPositive());
  }
}
