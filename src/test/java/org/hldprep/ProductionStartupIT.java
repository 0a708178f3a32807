package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.hldprep.security.AdministratorAccounts;
import org.hldprep.support.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile on a fresh PostgreSQL database: no admin, no start; an admin from the environment. */
class ProductionStartupIT {

  /** Started as from the command line, so these settings win over the application's YAML. */
  private static ConfigurableApplicationContext startProduction(String databaseUrl, String... more) {
    String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of(
        "--spring.datasource.url=" + databaseUrl,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        // Camunda keeps a JVM-wide registry of engines by name: these short-lived engines must not
        // take the name of the shared test application's engine (Camunda ignores a name with a hyphen
        // and falls back to "default", which then replaced the shared engine for every later IT).
        "--camunda.bpm.process-engine-name=productioncheck"), java.util.Arrays.stream(more)).toArray(String[]::new);
    return new SpringApplicationBuilder(HldPrepApplication.class).profiles("prod").run(args);
  }

  @Test
  void refusesToStartWithoutAnAdministrator() {
    String database = EmbeddedPostgresServer.newDatabase("prod_noadmin");
    assertThatThrownBy(() -> startProduction(database))
        .hasRootCauseInstanceOf(AdministratorAccounts.MissingAdministratorException.class)
        .rootCause().hasMessageContaining("HLDPREP_ADMIN_USER");
  }

  @Test
  void createsTheFirstAdministratorFromTheEnvironmentAndNoDemoUsers() {
    String database = EmbeddedPostgresServer.newDatabase("prod_admin");
    try (ConfigurableApplicationContext context = startProduction(database,
        "--hldprep.admin.user=ops-admin", "--hldprep.admin.password=a-long-enough-secret")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.checkPassword("ops-admin", "a-long-enough-secret")).isTrue();
      assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").count()).isEqualTo(1);
      assertThat(identity.createUserQuery().userId("phl-officer").count()).as("no demo users").isZero();

      // The webapps in production: HSTS, and Secure SameSite cookies for the session and CSRF token.
      int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
      java.net.http.HttpResponse<String> welcome = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(
              "http://localhost:" + port + "/camunda/api/admin/auth/user/default")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(welcome.headers().firstValue("Strict-Transport-Security")).as("HSTS").isPresent();
      assertThat(welcome.headers().allValues("Set-Cookie")).isNotEmpty()
          .allSatisfy(cookie -> assertThat(cookie).contains("Secure").containsIgnoringCase("SameSite"));
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
