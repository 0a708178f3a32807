package org.hldprep.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.hldprep.platform.settings.MailSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rules the outbox worker applies before sending, on a real engine and the project's own outbox tables
 * (both in-memory H2): a notice only while its task is open, a moved due date only while it still holds, a
 * cycle's start summary with the tasks still open as they are now, or nothing.
 */
class MailRecheckTest {

  private static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");
  private static final Instant MAY = Instant.parse("2030-05-15T21:59:59Z");
  private static final Instant DECEMBER = Instant.parse("2026-12-01T22:59:59Z");
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  private static ProcessEngine engine;
  private static TaskService tasks;
  private final MailTemplates templates = new MailTemplates();
  private final MailSettings settings = new MailSettings("https://hldprep.example.org", "hld@example.org", null,
      GENEVA, 7, new MailSettings.Digest(true, 7, 60000), new MailSettings.Worker(true, 2000, 20,
          Duration.ofMinutes(5), 12, Duration.ofSeconds(30), Duration.ofHours(1)));
  private Outbox outbox;
  private StartSummaries summaries;
  private MailRecheck recheck;

  @BeforeAll
  static void engine() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("mail-recheck");
    configuration.setJdbcUrl("jdbc:h2:mem:mail-recheck-engine;DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(false);
    // The application's ids: lower case with hyphens.
    configuration.setGeneralResourceWhitelistPattern("[a-z0-9]+(-[a-z0-9]+)*");
    engine = configuration.buildProcessEngine();
    tasks = engine.getTaskService();
    engine.getRepositoryService().createDeployment().addModelInstance("offer.bpmn", Bpmn.createExecutableProcess(
        "offer").startEvent().userTask("Offer").name("${title}").camundaDueDate("${due}").endEvent().done()).deploy();
    User officer = engine.getIdentityService().newUser("phl-officer");
    officer.setFirstName("Maria");
    officer.setLastName("Santos");
    engine.getIdentityService().saveUser(officer);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void outbox() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:mail-recheck-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(database).baselineOnMigrate(true).baselineVersion("0").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(database);
    outbox = new Outbox(jdbc);
    PreferenceStore preferences = new PreferenceStore(jdbc);
    summaries = new StartSummaries(outbox, preferences, templates, settings);
    recheck = new MailRecheck(tasks, engine.getIdentityService(), outbox, preferences, summaries, settings);
  }

  @Test
  void aNoticeGoesWhileItsTaskIsOpenAndIsDroppedOnceTheTaskEnded() {
    Task offer = task("Offer the consultation – Philippines", MAY);
    Outbox.Mail notice = add(new Outbox.NewMail(MailKey.notice(offer.getId(), "phl-officer", DAY), offer.getId(),
        "HLD2030", "phl@example.org", "New task", "Offer"));
    assertThat(recheck.recheck(notice)).contains(notice);
    tasks.complete(offer.getId());
    assertThat(recheck.recheck(notice)).as("completed").isEmpty();

    Task cancelled = task("Offer the consultation – Kenya", MAY);
    Outbox.Mail other = add(new Outbox.NewMail(MailKey.notice(cancelled.getId(), "phl-officer", DAY),
        cancelled.getId(), "HLD2030", "phl@example.org", "New task", "Offer"));
    engine.getRuntimeService().deleteProcessInstance(cancelled.getProcessInstanceId(), "cut off");
    assertThat(recheck.recheck(other)).as("cut off or cancelled").isEmpty();
  }

  @Test
  void aMovedDueDateGoesWhileTheTaskIsStillDueThenAndIsDroppedWhenItMovedAgainOrEnded() {
    Task offer = task("Offer the consultation – Kenya", DECEMBER);
    Outbox.Mail moved = add(new Outbox.NewMail(MailKey.moved(offer.getId(), DECEMBER, "phl-officer", DAY),
        offer.getId(), "HLD2030", "ken@example.org", "Due date moved", "1 December", "Europe/Zurich",
        List.of(new Outbox.MailTask(offer.getId(), DECEMBER))));
    assertThat(recheck.recheck(moved)).contains(moved);
    tasks.setDueDate(offer.getId(), Date.from(MAY));
    assertThat(recheck.recheck(moved)).as("moved again: the later mail tells").isEmpty();
    tasks.setDueDate(offer.getId(), Date.from(DECEMBER));
    assertThat(recheck.recheck(moved)).contains(moved);
    tasks.complete(offer.getId());
    assertThat(recheck.recheck(moved)).isEmpty();
  }

  @Test
  void aStartSummaryListsTheTasksStillOpenAsTheyAreNowOrGoesNotAtAll() {
    Task contact = task("Contact the chair – Colombo Process", DECEMBER);
    Task input = task("Draft the input – Colombo Process", MAY);
    Task bali = task("Contact the chair – Bali Process", MAY);
    List<StartSummaries.Line> lines = List.of(line(contact), line(input), line(bali));
    MailTemplates.Rendered text = summaries.render("Maria Santos", NotificationPreferences.DEFAULT, "HLD2030",
        GENEVA, lines);
    Outbox.Mail summary = add(new Outbox.NewMail(MailKey.summary("master-1", "phl-officer", DAY), null, "HLD2030",
        "rcp@example.org", text.subject(), text.body(), "Europe/Zurich",
        lines.stream().map(l -> new Outbox.MailTask(l.taskId(), l.due())).toList()));
    assertThat(summary.subject()).isEqualTo("[HLD Prep] The cycle HLD2030 has started: 3 tasks for you");
    assertThat(recheck.recheck(summary)).as("all open, as stated").contains(summary);

    tasks.complete(bali.getId());
    tasks.setDueDate(input.getId(), Date.from(DECEMBER.plus(Duration.ofDays(1))));
    Outbox.Mail now = recheck.recheck(summary).orElseThrow();
    assertThat(now.subject()).isEqualTo("[HLD Prep] The cycle HLD2030 has started: 2 tasks for you");
    assertThat(now.body()).startsWith("Dear Maria Santos,").contains(contact.getName()).contains(input.getName())
        .doesNotContain(bali.getName()).doesNotContain(templates.dateTime(MAY, GENEVA, Locale.UK))
        .contains(templates.dateTime(DECEMBER.plus(Duration.ofDays(1)), GENEVA, Locale.UK));
    assertThat(now.body().indexOf(contact.getName())).as("soonest due first")
        .isLessThan(now.body().indexOf(input.getName()));

    tasks.complete(contact.getId());
    tasks.complete(input.getId());
    assertThat(recheck.recheck(summary)).as("nothing left to tell").isEmpty();
  }

  private Outbox.Mail add(Outbox.NewMail mail) {
    assertThat(outbox.add(mail)).isTrue();
    return outbox.list(Outbox.PENDING, false, 100).stream().filter(m -> m.key().equals(mail.key().value()))
        .findFirst().orElseThrow();
  }

  private static StartSummaries.Line line(Task task) {
    return new StartSummaries.Line(task.getId(), task.getName(), task.getDueDate().toInstant());
  }

  private static Task task(String title, Instant due) {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("offer",
        Map.of("title", title, "due", Date.from(due))).getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult();
  }
}
