package org.hldprep.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application, demo users included, on a real PostgreSQL
 * (one database shared by every IT class, so Spring reuses one context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // Timers that fall due during a test are picked up within a second, not after the default back-off.
    "camunda.bpm.job-execution.wait-time-in-millis=300", "camunda.bpm.job-execution.max-wait=1000",
    // At JVM exit PostgreSQL and the Spring context stop in parallel shutdown hooks: a job executor
    // still asking for a connection must give up quickly, not after Hikari's default 30 s.
    "spring.datasource.hikari.connection-timeout=2000"})
@ActiveProfiles("demo")
public abstract class PostgresIntegrationTest {

  /** The public base URL in mails during the tests (the server's own port is random). */
  public static final String MAIL_BASE_URL = "http://hldprep.test";

  private static final String DATABASE_URL = EmbeddedPostgresServer.newDatabase("hldprep");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> DATABASE_URL);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
    // Mails go to a real SMTP server in the test JVM; retries come quickly, digests only when a test asks.
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", TestMailServer::port);
    registry.add("spring.mail.properties[mail.smtp.starttls.enable]", () -> "false");
    registry.add("hldprep.mail.public-base-url", () -> MAIL_BASE_URL);
    registry.add("hldprep.mail.worker.poll-millis", () -> "200");
    registry.add("hldprep.mail.worker.initial-backoff", () -> "300ms");
    registry.add("hldprep.mail.worker.max-backoff", () -> "1s");
    registry.add("hldprep.mail.worker.max-attempts", () -> "1000");
    registry.add("hldprep.mail.digest.enabled", () -> "false");
  }
}
