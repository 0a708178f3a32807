package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.hldprep.support.Deployments;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.QuickCycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page on another site cannot use the Basic credentials a browser has stored (after the Swagger UI's
 * prompt) to change anything through /engine-rest, /api or /actuator: the browser's Origin and
 * Sec-Fetch-Site headers give it away, and the write is refused before anything runs. Clients that send
 * neither (curl, Camunda Modeler, servers) and the application's own pages are not affected.
 */
class CrossSiteRequestIT extends PostgresIntegrationTest {

  private static final String EVIL = "https://evil.example";

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  HistoryService historyService;

  @Test
  void aCrossSiteDeploymentWithAnAdministratorsCredentialsIsRefusedAndDeploysNothing() {
    String name = "cross-site-" + System.nanoTime();
    Http.Response refused = Deployments.engineRest(port, "admin").withHeader("Origin", EVIL)
        .withHeader("Sec-Fetch-Site", "cross-site")
        .create(name,
            Map.of("national-consultation.bpmn", Deployments.resource("processes/national-consultation.bpmn")));

    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.json().get("type").asText()).isEqualTo("AuthorizationException");
    assertThat(refused.json().get("message").asText()).contains("another site").contains(EVIL);
    var deployed = repositoryService.createDeploymentQuery().deploymentName(name).list();
    deployed.forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    assertThat(deployed).as("deployments").isEmpty();
  }

  @Test
  void anOriginOtherThanTheApplicationsOwnIsRefusedOnEveryApiWithoutSecFetchSite() {
    String cycle = QuickCycle.unique("HLDXSITE").name();
    Http.Response api = Http.as(port, "hld-coordinator").withHeader("Origin", EVIL)
        .post("/api/cycles", Map.of("cycle", cycle, "memberStates", java.util.List.of("PHL"),
            "calendar", QuickCycle.futureCalendar()));
    assertThat(api.status()).as(api.body()).isEqualTo(403);
    assertThat(api.json().get("detail").asText()).contains("another site").contains(EVIL);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(cycle).count())
        .as("cycles started").isZero();

    Http.Response actuator = Http.as(port, "admin").withHeader("Origin", "null").post("/actuator/health", "{}");
    assertThat(actuator.status()).as(actuator.body()).isEqualTo(403);
    assertThat(actuator.json().get("message").asText()).contains("another site");
  }

  @Test
  void aSameSiteRequestFromAnotherOriginIsRefusedUnlessThatOriginIsAllowed() {
    Http.Response sameSite = Http.as(port, "phl-officer").withHeader("Sec-Fetch-Site", "same-site")
        .withHeader("Origin", "http://other.localhost:" + port).post("/engine-rest/task/count", "{}");
    assertThat(sameSite.status()).as(sameSite.body()).isEqualTo(403);
    assertThat(sameSite.json().get("message").asText()).contains("another site");
  }

  @Test
  void theApplicationsOwnOriginAndClientsWithoutBrowserHeadersPass() {
    assertThat(Http.as(port, "phl-officer").post("/engine-rest/task/count", "{}").status()).isEqualTo(200);
    assertThat(Http.as(port, "phl-officer").withHeader("Origin", "http://localhost:" + port)
        .withHeader("Sec-Fetch-Site", "same-origin").post("/engine-rest/task/count", "{}").status()).isEqualTo(200);
    // Reads change nothing: a cross-site GET is left to the usual rules (and CORS keeps its answer from the page).
    assertThat(Http.as(port, "phl-officer").withHeader("Origin", EVIL).withHeader("Sec-Fetch-Site", "cross-site")
        .get("/engine-rest/task/count").status()).isEqualTo(200);
  }

  @Test
  void anotherSiteCannotMakeTheBrowserAskForCredentials() {
    Http.Response crossSite = Http.anonymous(port).withHeader("Sec-Fetch-Site", "cross-site")
        .get("/engine-rest/task/count");
    assertThat(crossSite.status()).isEqualTo(401);
    assertThat(crossSite.headers()).doesNotContainKey("www-authenticate");
    Http.Response direct = Http.anonymous(port).get("/engine-rest/task/count");
    assertThat(direct.status()).isEqualTo(401);
    assertThat(direct.headers()).containsKey("www-authenticate");
  }
}
