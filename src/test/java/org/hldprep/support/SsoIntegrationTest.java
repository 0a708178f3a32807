package org.hldprep.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the single sign-on ITs ({@code Sso*IT}, a Failsafe execution and JVM of their own): the
 * application in its production profile on a real PostgreSQL, its staff signing in through a real
 * OpenID Connect provider ({@link Keycloak}), with the settings an operator gives: HLDPREP_SSO_ISSUER_URI,
 * _CLIENT_ID, _CLIENT_SECRET, and the first and break-glass administrators, who keep their passwords.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.wait-time-in-millis=300", "camunda.bpm.job-execution.max-wait=1000",
    "spring.datasource.hikari.connection-timeout=2000"})
@ActiveProfiles("prod")
public abstract class SsoIntegrationTest {

  public static final String ADMIN = "ops-admin";
  public static final String ADMIN_PASSWORD = "ops-admin-long-password";
  public static final String BREAK_GLASS = "rescue-admin";
  public static final String BREAK_GLASS_PASSWORD = "rescue-admin-long-password";

  private static final String DATABASE_URL = EmbeddedPostgresServer.newDatabase("hldprep_sso");

  @LocalServerPort
  protected int port;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Keycloak keycloak = Keycloak.starting();
    registry.add("spring.datasource.url", () -> DATABASE_URL);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("hldprep.admin.user", () -> ADMIN);
    registry.add("hldprep.admin.password", () -> ADMIN_PASSWORD);
    registry.add("hldprep.breakglass.user", () -> BREAK_GLASS);
    registry.add("hldprep.breakglass.password", () -> BREAK_GLASS_PASSWORD);
    registry.add("hldprep.sso.issuer.uri", keycloak::issuer);
    registry.add("hldprep.sso.client.id", () -> Keycloak.CLIENT_ID);
    registry.add("hldprep.sso.client.secret", () -> Keycloak.CLIENT_SECRET);
    registry.add("hldprep.mail.digest.enabled", () -> "false");
  }

  /** The provider answers before a test begins (it starts beside the application, see Keycloak). */
  @BeforeEach
  void providerStarted() {
    Keycloak.get();
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }
}
