package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.hldprep.reference.ReferenceData;
import org.hldprep.routing.GroupIds;
import org.hldprep.security.DemoUsers;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application on a real PostgreSQL: start-up, deployment, identity structure, authentication. */
class PlatformIT extends PostgresIntegrationTest {

  @LocalServerPort
  int port;
  @Autowired
  DataSource dataSource;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  IdentityService identityService;

  @Test
  void runsOnPostgresql() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }

  @Test
  void deploysEveryModelDecisionAndFormOfTheProcessesFolder() throws IOException {
    List<String> expected = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      files.filter(Files::isRegularFile)
          .map(p -> Path.of("processes").relativize(p).toString().replace('\\', '/'))
          .filter(name -> name.matches(".*\\.(bpmn|dmn|form)$"))
          .forEach(name -> expected.add("processes/" + name));
    }
    assertThat(expected).as("models in processes/").isNotEmpty().anyMatch(name -> name.endsWith(".form"))
        .anyMatch(name -> name.endsWith(".dmn"));

    List<String> deployed = repositoryService.createDeploymentQuery().list().stream()
        .flatMap(d -> repositoryService.getDeploymentResourceNames(d.getId()).stream())
        .filter(name -> name.contains("processes/"))
        .map(name -> name.substring(name.indexOf("processes/")))
        .distinct().toList();
    assertThat(deployed).containsAll(expected);
  }

  @Test
  void createsTheGroupsOfEveryOfficeInTheReferenceData() {
    long memberStates = ReferenceData.get().memberStates().size();
    assertThat(identityService.createGroupQuery().groupIdIn("co-phl", "pm-ken", "ro-sanjose", "iom-icp-gb").count())
        .isEqualTo(4);
    assertThat(identityService.createGroupQuery().count()).isGreaterThanOrEqualTo(2 * memberStates + 9 + 12);
    assertThat(identityService.createGroupQuery().groupId("co-phl").singleResult().getName())
        .isEqualTo("Country Office Philippines");
  }

  @Test
  void theIdWhitelistAllowsTheContractsIdsAndNothingWider() {
    for (String bad : List.of("Bad.User", "co_phl", "-leading", "UPPER", "a b")) {
      assertThatThrownBy(() -> identityService.saveUser(identityService.newUser(bad))).as(bad)
          .hasMessageContaining("has an invalid id");
    }
    identityService.saveGroup(identityService.newGroup("co-test-office"));
    assertThat(identityService.createGroupQuery().groupId("co-test-office").count()).isEqualTo(1);
    identityService.deleteGroup("co-test-office");
  }

  @Test
  void unauthenticatedRestCallsGet401AsJson() {
    Http.Response engine = Http.anonymous(port).get("/engine-rest/task?maxResults=10");
    assertThat(engine.status()).isEqualTo(401);
    assertThat(engine.json().get("message").asText()).contains("Authentication required");
    assertThat(Http.anonymous(port).get("/api/me").status()).isEqualTo(401);
    // A wrong password counts against the client address and the account (LoginThrottle), so the probe
    // is a user of its own, not a demo user other tests log in as.
    if (identityService.createUserQuery().userId("password-probe").count() == 0) {
      org.camunda.bpm.engine.identity.User probe = identityService.newUser("password-probe");
      probe.setPassword("the-right-password");
      identityService.saveUser(probe);
    }
    assertThat(Http.as(port, "password-probe", "wrong").get("/api/me").status()).isEqualTo(401);
    assertThat(Http.as(port, "nobody", "demo").get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void everyDemoUserAuthenticatesWithTheGroupsOfTheContract() {
    for (Map.Entry<String, List<String>> user : DemoUsers.USERS.entrySet()) {
      Http.Response me = Http.as(port, user.getKey()).get("/api/me");
      assertThat(me.status()).as(user.getKey()).isEqualTo(200);
      JsonNode groups = me.json().get("groups");
      assertThat(groups).as(user.getKey()).hasSize(1);
      assertThat(groups.get(0).asText()).as(user.getKey()).isEqualTo(user.getValue().get(2));
    }
  }

  @Test
  void healthIsOpenButStatusOnlyAndOtherActuatorEndpointsNeedAdmin() {
    Http.Response health = Http.anonymous(port).get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().fieldNames()).toIterable().containsExactly("status");
    assertThat(Http.anonymous(port).get("/actuator/metrics").status()).isEqualTo(401);
    assertThat(Http.as(port, "phl-officer").get("/actuator/metrics").status()).isEqualTo(403);
    assertThat(Http.as(port, "admin").get("/actuator/metrics").status()).isEqualTo(200);
  }

  @Test
  void unknownReferenceCodesGet400NamingTheValue() {
    Http.Response country = Http.as(port, "hld-coordinator").get("/api/reference/member-states/XYZ");
    assertThat(country.status()).isEqualTo(400);
    assertThat(country.json().get("detail").asText()).contains("'XYZ'");
    Http.Response rcp = Http.as(port, "hld-coordinator").get("/api/reference/rcps/lima-process");
    assertThat(rcp.status()).isEqualTo(400);
    assertThat(rcp.json().get("detail").asText()).contains("'lima-process'");
    Http.Response philippines = Http.as(port, "hld-coordinator").get("/api/reference/member-states/phl");
    assertThat(philippines.json().get("regionalOfficeGroup").asText()).isEqualTo("ro-bangkok");
    assertThat(philippines.json().get("countryOfficeGroup").asText()).isEqualTo(GroupIds.countryOffice("PHL"));
  }

  @Test
  void pathsOutsideTheApplicationAreDenied() {
    assertThat(Http.anonymous(port).get("/anything-else").status()).isEqualTo(401);
    assertThat(Http.as(port, "admin").get("/anything-else").status()).as("no credentials open it").isEqualTo(401);
    assertThat(Http.anonymous(port).get("/h2-console").status()).isEqualTo(401);
  }
}
