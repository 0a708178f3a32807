package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.hldprep.platform.api.DatabaseUnavailable;
import org.hldprep.support.AppNode;
import org.hldprep.support.Http;
import org.hldprep.support.QuickCycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops under a running application and starts again (same data directory and port): in
 * between, health says DOWN and every request that needs the database is answered 503 with a message;
 * afterwards the same application process works again, a timer that fell due during the outage fires
 * once, and a completion refused during the outage did nothing and can be made now, once. PostgreSQL and
 * the application are this test's own (an embedded server, the packaged application as a child JVM), so
 * the outage disturbs no other test.
 */
class DatabaseOutageIT {

  private static final Path DATA = Path.of("target", "outage-postgres");
  private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  /** How far ahead of the outage the timer falls due: stopping PostgreSQL takes a second or two. */
  private static final Duration TIMER_MARGIN = Duration.ofSeconds(15);

  private final int postgresPort = freePort();
  private EmbeddedPostgres postgres;
  private AppNode node;

  @AfterEach
  void stopEverything() throws IOException {
    if (node != null) {
      node.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void whilePostgresIsDown_healthIsDownAndRequestsGet503_afterwardsItResumesWithoutARestart() throws Exception {
    deleteData();
    postgres = startPostgres();
    String url = postgres.getJdbcUrl("postgres", "postgres");
    node = AppNode.start("DatabaseOutageIT", url);
    QuickCycle cycle = QuickCycle.unique("HLDOUTAGE", "PHL", "THA");
    String master = cycle.start(node.port());
    String offer = QuickCycle.awaitTask(node.port(), "phl-officer", cycle.name() + "-PHL", "Task_OfferConsultation");
    String thailand = QuickCycle.processInstance(node.port(), cycle.name() + "-THA");
    Http admin = node.as("admin");
    String timer = admin.get("/engine-rest/job?maxResults=10&activityId=Timer_NoGovernmentAnswer&processInstanceId="
        + thailand).json().get(0).get("id").asText();
    Instant dueAt = Instant.now().plus(TIMER_MARGIN);
    assertThat(admin.put("/engine-rest/job/" + timer + "/duedate",
        Map.of("duedate", dueAt.atOffset(ZoneOffset.UTC).format(CAMUNDA_DATE))).status()).isEqualTo(204);

    postgres.close();
    Instant outageBegan = Instant.now();

    await().atMost(Duration.ofSeconds(60)).until(() -> node.healthStatus() == 503);
    Http.Response status = Http.as(node.port(), "hld-coordinator").get("/api/cycles/" + cycle.name());
    assertThat(status.status()).as(status.body()).isEqualTo(503);
    assertThat(status.json().get("detail").asText()).as("/api answers problem+json")
        .isEqualTo(DatabaseUnavailable.MESSAGE);
    Http.Response completion = Http.as(node.port(), "phl-officer").post("/engine-rest/task/" + offer + "/complete",
        Map.of("variables", Http.variables(Map.of("governmentFocalPoint", "DFA", "governmentAnswer", "declined",
            "declineReason", "Elections"))));
    assertThat(completion.status()).as(completion.body()).isEqualTo(503);
    assertThat(completion.json().get("message").asText()).isEqualTo(DatabaseUnavailable.MESSAGE);
    Http.Response tasks = Http.as(node.port(), "phl-officer").get("/engine-rest/task?maxResults=10");
    assertThat(tasks.status()).as(tasks.body()).isEqualTo(503);
    // The timer falls due while PostgreSQL is away.
    await().atMost(TIMER_MARGIN.multipliedBy(4)).until(() -> Instant.now().isAfter(dueAt.plusSeconds(1)));

    postgres = startPostgres();
    Instant outageEnded = Instant.now();

    await().atMost(Duration.ofSeconds(120)).until(() -> node.healthStatus() == 200);
    assertThat(node.isAlive()).as("the same application process, not restarted").isTrue();
    QuickCycle.awaitTask(node.port(), "admin", cycle.name() + "-THA", "Task_RemindGovernment");
    assertThat(Http.as(node.port(), "phl-officer").get("/engine-rest/task/" + offer).status())
        .as("the completion refused during the outage did nothing").isEqualTo(200);
    cycle.consultationDeclined(node.port());
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(admin.get(
        "/engine-rest/history/process-instance?maxResults=10&finished=true&processInstanceBusinessKey=" + cycle.name()
            + "-PHL")
        .json().size()).as("the Philippines' consultation ended").isEqualTo(1));

    QuickCycle.assertEverythingRanOnce(url, master);
    Instant fired = timerFiredAt(url, thailand);
    assertThat(fired)
        .as("the timer fired after PostgreSQL was back (outage " + outageBegan + " to " + outageEnded + ")")
        .isAfter(outageBegan);
  }

  private EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false).setPort(postgresPort)
        .start();
  }

  private static Instant timerFiredAt(String url, String processInstance) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "postgres", "");
        PreparedStatement statement = connection.prepareStatement("SELECT start_time_ FROM act_hi_actinst"
            + " WHERE proc_inst_id_ = ? AND act_id_ = 'Timer_NoGovernmentAnswer'")) {
      statement.setString(1, processInstance);
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).as("the timer fired").isTrue();
        Timestamp fired = rows.getTimestamp(1);
        assertThat(rows.next()).as("the timer fired once").isFalse();
        return fired.toInstant();
      }
    }
  }

  private static void deleteData() throws IOException {
    if (Files.exists(DATA)) {
      try (Stream<Path> files = Files.walk(DATA)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
