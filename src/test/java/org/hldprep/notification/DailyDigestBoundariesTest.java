package org.hldprep.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.hldprep.platform.settings.MailSettings;
import org.hldprep.reference.ReferenceData;
import org.hldprep.routing.GroupIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The edges of the daily digest, on an engine of its own (H2) and the project's mail tables (Flyway on
 * H2), at moments the test chooses: the escalation's threshold day, the horizon's end, the digest hour
 * and Geneva's daylight-saving days. Days count in the cycle's zone, Europe/Zurich.
 */
class DailyDigestBoundariesTest {

  private static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");
  private static final String PHL_OFFICER = "phl-digest";
  private static final String BANGKOK = "bkk-digest";

  private static ProcessEngine engine;
  private JdbcTemplate jdbc;
  private Outbox outbox;

  @BeforeAll
  static void engine() {
    ProcessEngineConfiguration configuration = ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:digest-boundaries;DB_CLOSE_DELAY=-1").setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE).setProcessEngineName("digest-boundaries");
    configuration.setGeneralResourceWhitelistPattern(GroupIds.ID_WHITELIST_PATTERN); // the application's ids
    engine = configuration.buildProcessEngine();
    // A Country Office's task, due when the variable says, in a cycle of Geneva's zone.
    engine.getRepositoryService().createDeployment().addModelInstance("offer.bpmn",
        Bpmn.createExecutableProcess("offer").camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_Offer").name("Offer the consultation").camundaCandidateGroups("co-phl")
            .camundaDueDate("${due}").endEvent().done())
        .deploy();
    user(engine.getIdentityService(), PHL_OFFICER, "co-phl");
    user(engine.getIdentityService(), BANGKOK, "ro-bangkok");
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  void mailTables() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:digest-mail-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(database).baselineOnMigrate(true).baselineVersion("0").load().migrate();
    jdbc = new JdbcTemplate(database);
    outbox = new Outbox(jdbc);
  }

  @AfterEach
  void deleteInstances() {
    engine.getRuntimeService().createProcessInstanceQuery().list()
        .forEach(i -> engine.getRuntimeService().deleteProcessInstance(i.getId(), "test done"));
  }

  private DailyDigest digest(int hour) {
    MailSettings settings = new MailSettings("https://hldprep.example.org", "hld@example.org", null, GENEVA, 7,
        new MailSettings.Digest(true, hour, 60000), null);
    return new DailyDigest(engine.getTaskService(), engine.getRuntimeService(), engine.getIdentityService(), outbox,
        new PreferenceStore(jdbc), new MailTemplates(), settings, new EscalationRule(ReferenceData.get()), jdbc,
        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())));
  }

  private static void user(IdentityService identity, String id, String group) {
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setEmail(id + "@hldprep.example");
    identity.saveUser(user);
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      identity.saveGroup(identity.newGroup(group));
    }
    identity.createMembership(id, group);
  }

  /** Starts the Philippines' offer, due at this moment; returns the task's id. */
  private String offerDue(Instant due) {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("offer", "HLDEDGE-PHL",
        Variables.createVariables().putValue("due", Date.from(due)).putValue("cycle", "HLDEDGE")
            .putValue("countryCode", "PHL").putValue(CycleFacts.VAR_TIME_ZONE, GENEVA.getId()))
        .getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private static Instant geneva(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(GENEVA).toInstant();
  }

  /** The body of the user's digest of that day in Geneva's zone, or null when none was written. */
  private String digestBody(String user, LocalDate day) {
    String key = MailKey.digest(GENEVA.getId(), user, day).value();
    return outbox.list(Outbox.PENDING, false, 1000).stream().filter(m -> m.key().equals(key)).findFirst()
        .map(Outbox.Mail::body).orElse(null);
  }

  private static String link(String taskId) {
    return "?task=" + taskId;
  }

  @Test
  void theCoveringOfficeIsInCopyFromTheEscalationDayOnNotTheDayBefore() {
    // The digest of 1 March at 07:30 in Geneva; escalation after 7 days (the settings' default).
    Instant now = geneva("2030-03-01T07:30");
    // Due late on 22 February in Geneva: 7 days overdue on 1 March, escalated.
    String sevenDays = offerDue(geneva("2030-02-22T23:59"));
    // Due just after midnight on 23 February in Geneva (still 22 February in UTC): 6 days, not escalated.
    // Counting days in UTC would make it 7 and escalate it a day early.
    String sixDays = offerDue(geneva("2030-02-23T00:30"));

    assertThat(digest(7).run(GENEVA, now)).as("mails written").isEqualTo(2);

    String officer = digestBody(PHL_OFFICER, LocalDate.of(2030, 3, 1));
    assertThat(officer).as("the office's own digest lists both").contains(link(sevenDays), link(sixDays))
        .contains("Overdue by 7 days").contains("Overdue by 6 days");
    String bangkok = digestBody(BANGKOK, LocalDate.of(2030, 3, 1));
    assertThat(bangkok).as("Bangkok covers the Philippines: in copy of the 7-day one only")
        .contains(link(sevenDays)).doesNotContain(link(sixDays));
  }

  @Test
  void theHorizonEndsJustBeforeSevenDaysFromNow() {
    // The rule (DailyDigest.HORIZON, the engine's dueBefore): due strictly before now + 7 days.
    Instant now = geneva("2030-03-01T07:30");
    String justInside = offerDue(now.plus(DailyDigest.HORIZON).minusSeconds(1));
    String atTheEnd = offerDue(now.plus(DailyDigest.HORIZON));
    String dueNow = offerDue(now);

    assertThat(digest(7).run(GENEVA, now)).isEqualTo(1);

    String officer = digestBody(PHL_OFFICER, LocalDate.of(2030, 3, 1));
    assertThat(officer).contains(link(justInside)).contains(link(dueNow)).doesNotContain(link(atTheEnd));
    assertThat(digestBody(BANGKOK, LocalDate.of(2030, 3, 1))).as("nothing overdue: nobody in copy").isNull();
  }

  @Test
  void theSchedulerComposesTheDigestFromTheConfiguredLocalHourNotBefore() {
    offerDue(geneva("2030-03-02T12:00"));
    DailyDigest digest = digest(7);

    // 06:59 in Geneva is 05:59 UTC: too early, although it is past 05:00 UTC.
    digest.scheduled(geneva("2030-03-01T06:59:59"));
    assertThat(runs()).as("before 07:00 in Geneva").isEmpty();
    assertThat(digestBody(PHL_OFFICER, LocalDate.of(2030, 3, 1))).isNull();

    digest.scheduled(geneva("2030-03-01T07:00"));
    assertThat(runs()).containsExactly(LocalDate.of(2030, 3, 1));
    assertThat(digestBody(PHL_OFFICER, LocalDate.of(2030, 3, 1))).contains("Offer the consultation");

    digest.scheduled(geneva("2030-03-01T19:00"));
    assertThat(runs()).as("once a day").containsExactly(LocalDate.of(2030, 3, 1));
  }

  /**
   * The scheduler looks every half hour across Geneva's daylight-saving days of 2030: each day's digest
   * is composed once, at the first look at or after the configured local hour. 02:00 does not exist on
   * 31 March (the clocks go from 02:00 to 03:00) and comes twice on 27 October.
   */
  @ParameterizedTest(name = "{0} at {1}:00 in Geneva: composed at {2}")
  @CsvSource({
      // spring forward: 07:00 is 05:00 UTC (CEST), the day before 06:00 UTC (CET)
      "2030-03-31, 7, 2030-03-31T05:00:00Z, 2030-03-30T06:00:00Z, 2030-04-01T05:00:00Z",
      // the missing hour: the digest goes out at 03:00 CEST, the first moment whose hour is 2 or later
      "2030-03-31, 2, 2030-03-31T01:00:00Z, 2030-03-30T01:00:00Z, 2030-04-01T00:00:00Z",
      // fall back: 07:00 is 06:00 UTC (CET), the day before 05:00 UTC (CEST)
      "2030-10-27, 7, 2030-10-27T06:00:00Z, 2030-10-26T05:00:00Z, 2030-10-28T06:00:00Z",
      // the doubled hour: at the first 02:00 (CEST), not again at the second (CET)
      "2030-10-27, 2, 2030-10-27T00:00:00Z, 2030-10-26T00:00:00Z, 2030-10-28T01:00:00Z"})
  void onDaylightSavingDaysTheDigestGoesOutOnceAtTheLocalHour(LocalDate day, int hour, Instant expected,
      Instant dayBefore, Instant dayAfter) {
    // Overdue the whole time, so that every day's digest has something to say.
    offerDue(geneva(day.minusDays(3) + "T12:00"));
    DailyDigest digest = digest(hour);
    Map<LocalDate, Instant> composed = new LinkedHashMap<>();
    Instant from = day.minusDays(1).atStartOfDay(GENEVA).toInstant();
    Instant to = day.plusDays(2).atStartOfDay(GENEVA).toInstant();
    int before = 0;
    for (Instant now = from; now.isBefore(to); now = now.plus(Duration.ofMinutes(30))) {
      digest.scheduled(now);
      List<LocalDate> runs = runs();
      if (runs.size() > before) {
        composed.put(runs.get(runs.size() - 1), now);
        before = runs.size();
      }
    }
    assertThat(composed).as("the moment each day's digest was composed").containsExactly(
        Map.entry(day.minusDays(1), dayBefore), Map.entry(day, expected), Map.entry(day.plusDays(1), dayAfter));
    for (LocalDate each : composed.keySet()) {
      assertThat(digestBody(PHL_OFFICER, each)).as("one digest on " + each).isNotNull();
    }
    assertThat(outbox.list(Outbox.PENDING, false, 1000)).as("one mail a day").hasSize(3);
  }

  /** The days whose digest of Geneva's zone has been composed, in the order they were. */
  private List<LocalDate> runs() {
    return jdbc.queryForList("SELECT run_day FROM hldprep_mail_digest_run WHERE time_zone = ? ORDER BY started_at",
        LocalDate.class, GENEVA.getId());
  }
}
