package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the webapps give away: the Admin webapp's execution metrics (engine-wide figures) are for
 * administrators only, and an anonymous visitor's pages and static files leave no session in the database.
 */
class WebappExposureIT extends PostgresIntegrationTest {

  private static final String METRICS = "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated"
      + "?metrics=process-instances,task-users&groupBy=month&subscriptionStartDate=2020-01-01T00:00:00.000%2B0000";

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void adminsExecutionMetricsAreForAdministratorsOnly() {
    for (String user : List.of("phl-officer", "bangkok-ro", "hld-coordinator")) {
      WebappSession session = new WebappSession(port);
      assertThat(session.login(user, "demo").status()).isEqualTo(200);
      Http.Response refused = session.get(METRICS);
      assertThat(refused.status()).as(user + " " + refused.body()).isEqualTo(403);
      assertThat(refused.json().get("message").asText()).contains("camunda-admin").contains("metrics");
    }
    WebappSession admin = new WebappSession(port);
    assertThat(admin.login("admin", "demo").status()).isEqualTo(200);
    Http.Response figures = admin.get(METRICS);
    assertThat(figures.status()).as(figures.body()).isEqualTo(200);
    // The plugin's script, which Admin loads for every user, stays open.
    WebappSession officer = new WebappSession(port);
    officer.login("phl-officer", "demo");
    assertThat(officer.get("/camunda/api/admin/plugin/adminPlugins/static/app/plugin.js").status()).isEqualTo(200);
  }

  @Test
  void anonymousPagesAndStaticFilesCreateNoSessionAndTheLoginStillWorks() {
    long before = sessions();
    for (String path : List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
        "/camunda/app/admin/default/", "/camunda/app/tasklist/scripts/config.js", "/camunda/app/welcome/default/",
        "/camunda/api/admin/plugin/adminPlugins/static/app/plugin.js")) {
      for (int i = 0; i < 3; i++) {
        Http.Response page = Http.anonymous(port).get(path);
        assertThat(page.status()).as(path).isLessThan(400);
        assertThat(page.headers().getOrDefault("set-cookie", List.of())).as(path)
            .noneMatch(c -> c.startsWith(WebappSession.SESSION_COOKIE + "="));
      }
    }
    assertThat(sessions()).as("session rows").isEqualTo(before);

    WebappSession session = new WebappSession(port);
    assertThat(session.login("phl-officer", "demo").status()).isEqualTo(200);
    assertThat(session.get("/camunda/api/admin/auth/user/default").json().get("userId").asText())
        .isEqualTo("phl-officer");
  }

  private long sessions() {
    return jdbc.queryForObject("select count(*) from spring_session", Long.class);
  }
}
