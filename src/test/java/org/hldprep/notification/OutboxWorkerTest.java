package org.hldprep.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.hldprep.platform.settings.MailSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mock.env.MockEnvironment;

/**
 * The worker on the project's own outbox table (Flyway's migrations on H2): without a mail server the mails
 * wait as they are, attempts unspent, as the README promises; with one (here the demo's .eml folder) they go.
 */
class OutboxWorkerTest {

  private static final MailSettings.Worker WORKER = new MailSettings.Worker(true, 2000, 20, Duration.ofMinutes(5), 12,
      Duration.ofSeconds(30), Duration.ofHours(1));
  private Outbox outbox;
  private String mailId;

  @BeforeEach
  void outboxWithOneMail() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:outbox-worker-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(database).baselineOnMigrate(true).baselineVersion("0").load().migrate();
    outbox = new Outbox(new JdbcTemplate(database));
    outbox.add(new Outbox.NewMail(MailKey.notice("task-1", "phl-officer", java.time.LocalDate.of(2030, 1, 2)),
        "task-1", "HLD2030", "phl-officer@example.org", "A task for the Philippines", "Open it in Tasklist."));
    mailId = outbox.forTask("task-1").get(0).id();
  }

  private static MailTransport transport(String folder) {
    MailSettings settings = new MailSettings("http://localhost:8080", "hld@example.org", folder,
        ZoneId.of("Europe/Zurich"), 7, null, null);
    return new MailTransport(new StaticListableBeanFactory(Map.of()).getBeanProvider(JavaMailSender.class), settings,
        new MockEnvironment());
  }

  @Test
  void withoutAMailServerTheMailWaitsWithItsAttemptsUnspent() {
    OutboxWorker worker = new OutboxWorker(outbox, transport(null), Optional::of, WORKER, "node-a");
    for (int pass = 0; pass < 3; pass++) {
      worker.scheduled();
    }
    Outbox.Mail mail = outbox.find(mailId).orElseThrow();
    assertThat(mail.status()).isEqualTo(Outbox.PENDING);
    assertThat(mail.attempts()).isZero();
    assertThat(mail.lastError()).isNull();
  }

  @Test
  void withSomewhereToSendItTheMailGoesOut(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) {
    new OutboxWorker(outbox, transport(folder.toString()), Optional::of, WORKER, "node-a").scheduled();
    assertThat(outbox.find(mailId).orElseThrow().status()).isEqualTo(Outbox.SENT);
  }

  @Test
  void aMailThatIsNoLongerTrueIsDroppedNotSentNorCountedAsAFailure(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
      throws java.io.IOException {
    new OutboxWorker(outbox, transport(folder.toString()), mail -> Optional.empty(), WORKER, "node-a").scheduled();
    Outbox.Mail mail = outbox.find(mailId).orElseThrow();
    assertThat(mail.status()).isEqualTo(Outbox.DROPPED);
    assertThat(mail.attempts()).isZero();
    assertThat(mail.lastError()).isNull();
    assertThat(outbox.due(java.time.Instant.now(), 10)).as("never tried again").isEmpty();
    try (var files = java.nio.file.Files.list(folder)) {
      assertThat(files).as("nothing sent").isEmpty();
    }
  }

  @Test
  void aMailComposedAnewGoesOutWithItsNewWordsWhichTheOutboxKeeps(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
      throws java.io.IOException {
    new OutboxWorker(outbox, transport(folder.toString()),
        mail -> Optional.of(mail.withText("Fewer tasks", "One left.")),
        WORKER, "node-a").scheduled();
    Outbox.Mail mail = outbox.find(mailId).orElseThrow();
    assertThat(mail.status()).isEqualTo(Outbox.SENT);
    assertThat(mail.subject()).isEqualTo("Fewer tasks");
    assertThat(mail.body()).isEqualTo("One left.");
    try (var files = java.nio.file.Files.list(folder)) {
      assertThat(java.nio.file.Files.readString(files.findFirst().orElseThrow())).contains("Fewer tasks")
          .contains("One left.");
    }
  }

  @Test
  void theTasksAMailTellsAboutAreKeptWithTheDueDatesItStates() {
    java.time.Instant due = java.time.Instant.parse("2030-05-15T21:59:59Z");
    outbox.add(new Outbox.NewMail(MailKey.summary("master-1", "rcp-focal-point", java.time.LocalDate.of(2030, 1, 2)),
        null, "HLD2030", "rcp@example.org", "Summary", "Two tasks", "Asia/Manila",
        List.of(new Outbox.MailTask("task-2", due), new Outbox.MailTask("task-3", null))));
    Outbox.Mail summary = outbox.forRecipient("rcp-focal-point").get(0);
    assertThat(summary.timeZone()).isEqualTo("Asia/Manila");
    assertThat(outbox.tasksOf(summary.id())).containsExactly(new Outbox.MailTask("task-2", due),
        new Outbox.MailTask("task-3", null));
  }
}
