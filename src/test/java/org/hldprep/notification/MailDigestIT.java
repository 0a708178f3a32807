package org.hldprep.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hldprep.notification.MailFixtures.mailsTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The daily digest on PostgreSQL with a real SMTP server, composed as the scheduler would at a moment
 * some weeks ahead (so that tasks due in the future are overdue then), in a time zone of its own.
 */
class MailDigestIT extends PostgresIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  /** No other test's cycle lives in this zone: the digest of this zone is this test's alone. */
  private static final ZoneId ZONE = ZoneId.of("Pacific/Chatham");

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identity;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  DailyDigest digest;
  @Autowired
  Outbox outbox;

  @org.junit.jupiter.api.AfterEach
  void deleteStartedInstances() {
    MailFixtures.deleteStarted(runtime);
  }

  @Test
  void theDigestListsDueAndOverdueTasksOfTheUsersOfficesWithTheCoveringOfficeInCopy() {
    String philippines = MailFixtures.staff(identity, "dg-phl", "co-phl", true);
    String kenya = MailFixtures.staff(identity, "dg-ken", "co-ken", true);
    String mexico = MailFixtures.staff(identity, "dg-mex", "co-mex", true);
    String bangkok = MailFixtures.staff(identity, "dg-bkk", "ro-bangkok", true);
    String nairobi = MailFixtures.staff(identity, "dg-nbo", "ro-nairobi", true);
    String sanJose = MailFixtures.staff(identity, "dg-sjo", "ro-sanjose", true);
    String coordination = MailFixtures.staff(identity, "dg-icp", "iom-icp", true);
    String rcpUnit = MailFixtures.staff(identity, "dg-rcp", "iom-icp-rcp", true);
    String nothing = MailFixtures.staff(identity, "dg-phl-none", "co-phl", true);
    String noticesOnly = MailFixtures.staff(identity, "dg-phl-imm", "co-phl", true);
    assertThat(Http.as(port, nothing, MailFixtures.PASSWORD).put("/api/me/notifications",
        Map.of("delivery", "none")).status()).isEqualTo(200);
    assertThat(Http.as(port, noticesOnly, MailFixtures.PASSWORD).put("/api/me/notifications",
        Map.of("delivery", "immediate")).status()).isEqualTo(200);
    assertThat(Http.as(port, bangkok, MailFixtures.PASSWORD).put("/api/me/notifications",
        Map.of("language", "fr")).status()).isEqualTo(200);

    // The digest is composed 60 days from now, at 08:00 in the cycle's zone.
    LocalDate today = LocalDate.now(ZONE);
    LocalDate digestDay = today.plusDays(60);
    Instant now = digestDay.atTime(8, 0).atZone(ZONE).toInstant();
    String cycle = MailFixtures.cycle();
    String other = MailFixtures.cycle();
    // The Philippines: overdue by 20 days (default escalation after 7) → Bangkok in copy.
    String phl = offerTask(
        MailFixtures.consultation(runtime, "PHL", cycle, ZONE.getId(), today.plusDays(40), Map.of()).getId());
    // Kenya: due in three days → listed, nobody in copy.
    String ken = offerTask(
        MailFixtures.consultation(runtime, "KEN", cycle, ZONE.getId(), today.plusDays(63), Map.of()).getId());
    // Mexico, in another cycle that escalates after 3 days: overdue by 5 → San José in copy.
    String mex = offerTask(MailFixtures.consultation(runtime, "MEX", other, ZONE.getId(), today.plusDays(55),
        Map.of(CycleFacts.VAR_ESCALATION_AFTER_DAYS, 3)).getId());
    // A headquarters task (the RCP unit's contact), overdue by 20 days → HLD coordination in copy.
    String rcp = tasks.createTaskQuery()
        .processInstanceId(MailFixtures.started(runtime.startProcessInstanceByKey("rcp-contribution",
            cycle + "-colombo-process", Variables.createVariables().putValue("rcpCode", "colombo-process")
                .putValue("cycle", cycle).putValue(CycleFacts.VAR_TIME_ZONE, ZONE.getId())
                .putValue("rcpContactDeadline", today.plusDays(40).toString())
                .putValue("rcpInputReminderDate", today.plusDays(100).toString())
                .putValue("rcpInputDeadline", today.plusDays(114).toString())
                .putValue("rcpMeetingDate", today.plusDays(150).toString())
                .putValue("hldDate", today.plusDays(500).toString())))
            .getId())
        .singleResult().getId();
    // Due in 30 days from the digest's day: not yet worth a line.
    String later = offerTask(
        MailFixtures.consultation(runtime, "PHL", other, ZONE.getId(), today.plusDays(90), Map.of()).getId());

    assertThat(digest.run(ZONE, now)).as("mails written").isPositive();
    assertThat(digest.run(ZONE, now.plusSeconds(3600))).as("once a day per zone").isEqualTo(-1);
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(outbox.forRecipient(coordination))
        .filteredOn(m -> MailKey.DIGEST.equals(m.kind())).singleElement()
        .extracting(Outbox.Mail::status).isEqualTo(Outbox.SENT));
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(outbox.list(Outbox.PENDING, false, 1000))
        .noneMatch(m -> m.key().startsWith("digest|" + ZONE.getId())));

    String philippinesDigest = digestOf(philippines);
    assertThat(philippinesDigest).contains(cycle).contains("?task=" + phl).contains("Overdue by 20 days")
        .contains("Regional Office Bangkok").contains("is in copy")
        .doesNotContain("?task=" + ken).doesNotContain("?task=" + mex).doesNotContain("?task=" + rcp)
        .doesNotContain("?task=" + later);
    assertThat(digestOf(kenya)).contains("?task=" + ken).contains("Due ").doesNotContain("Overdue")
        .doesNotContain("in copy").doesNotContain("?task=" + phl);
    assertThat(digestOf(mexico)).contains(other).contains("?task=" + mex).contains("Overdue by 5 days")
        .contains("Regional Office San José").doesNotContain(cycle + "\n");
    assertThat(digestOf(bangkok)).as("the Regional Office in copy, in French").contains("En copie")
        .contains("?task=" + phl).contains("En retard de 20 jours").doesNotContain("?task=" + mex)
        .doesNotContain("?task=" + ken);
    assertThat(digestOf(sanJose)).contains("In copy").contains("?task=" + mex).doesNotContain("?task=" + phl);
    assertThat(digestOf(rcpUnit)).contains("?task=" + rcp).contains("HLD coordination").contains("is in copy");
    assertThat(digestOf(coordination)).contains("In copy").contains("?task=" + rcp).doesNotContain("?task=" + phl);
    assertThat(mailsTo(nairobi)).as("nothing to say, no mail").isEmpty();
    assertThat(mailsTo(nothing)).as("chose nothing").isEmpty();
    assertThat(mailsTo(noticesOnly)).filteredOn(m -> m.key().startsWith("digest|")).as("chose notices only").isEmpty();
  }

  private String offerTask(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }

  private static String digestOf(String user) {
    List<TestMailServer.Message> digests = mailsTo(user).stream()
        .filter(m -> m.key().startsWith("digest|" + ZONE.getId() + "|")).toList();
    assertThat(digests).as("one digest for " + user).hasSize(1);
    return digests.get(0).body();
  }
}
