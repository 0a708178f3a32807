package org.hldprep.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hldprep.notification.MailFixtures.address;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.QuickCycle;
import org.hldprep.support.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails that stay true, on PostgreSQL with a real SMTP server: a moved due date is told once, a task that
 * ended before its notice went out gets none, and a cycle's start is one summary per person.
 */
class MailStaysTrueIT extends PostgresIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identity;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  Outbox outbox;
  @Autowired
  MailTemplates templates;
  @Autowired
  TransactionTemplate transaction;

  private final List<String> cycles = new ArrayList<>();

  @AfterEach
  void deleteStartedInstances() {
    MailFixtures.deleteStarted(runtime);
    for (String cycle : cycles) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(cycle).processDefinitionKey("hld-preparation")
          .list().forEach(master -> runtime.deleteProcessInstance(master.getId(), "mail test finished", true, true));
    }
  }

  @Test
  void aMovedDueDateSendsThePeopleOfTheTaskOneUpdateWithTheNewDate() {
    String officer = MailFixtures.staff(identity, "move-ken", "co-ken", true);
    String french = MailFixtures.staff(identity, "move-ken-fr", "co-ken", true);
    choose(french, Map.of("language", "fr"));
    String cycle = MailFixtures.cycle();
    start(cycle, List.of("KEN"));
    Task offer = offer(cycle, "KEN");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(outbox.forRecipient(officer))
        .anyMatch(m -> m.key().startsWith(MailKey.SUMMARY + "|") && Outbox.SENT.equals(m.status())));

    // The coordinator brings the government's deadline forward: the offer's due date follows.
    LocalDate deadline = LocalDate.now(GENEVA).plusDays(20);
    Http.Response moved = Http.as(port, "hld-coordinator").post("/api/cycles/" + cycle
        + "/messages/CalendarChanged",
        Map.of("calendarChanges", Map.of("governmentResponseDeadline",
            deadline.toString())));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    Date due = tasks.createTaskQuery().taskId(offer.getId()).singleResult().getDueDate();
    assertThat(due).isNotEqualTo(offer.getDueDate());

    await().atMost(PATIENCE).untilAsserted(() -> assertThat(movedMails(offer.getId()))
        .allMatch(m -> Outbox.SENT.equals(m.status())).extracting(Outbox.Mail::recipientUser)
        .contains(officer, french));
    assertThat(movedMails(offer.getId())).extracting(Outbox.Mail::recipientUser).as("one update per person")
        .doesNotHaveDuplicates();
    List<TestMailServer.Message> english = mailsAbout(offer.getId(), officer);
    assertThat(english).as("the update is the officer's one mail about the offer").hasSize(1);
    assertThat(english.get(0).subject()).isEqualTo("[HLD Prep] Due date moved: " + offer.getName());
    assertThat(english.get(0).body()).contains(templates.dateTime(due.toInstant(), GENEVA, Locale.UK))
        .contains(templates.dateTime(offer.getDueDate().toInstant(), GENEVA, Locale.UK)).contains(cycle)
        .contains(MAIL_BASE_URL + "/camunda/app/tasklist/default/#/?task=" + offer.getId());
    List<TestMailServer.Message> inFrench = mailsAbout(offer.getId(), french);
    assertThat(inFrench).hasSize(1);
    assertThat(inFrench.get(0).body()).contains(templates.dateTime(due.toInstant(), GENEVA, Locale.FRENCH));

    // A due date set on the task itself (Tasklist's "Set due date", PUT /engine-rest/task/{id}) is told too.
    Http admin = Http.as(port, "admin");
    ObjectNode task = ((ObjectNode) admin.get("/engine-rest/task/" + offer.getId()).json()).retain("name",
        "description", "priority", "assignee", "owner", "delegationState", "followUp", "parentTaskId",
        "caseInstanceId", "tenantId");
    task.put("due", "2030-01-15T12:00:00.000+0000");
    Http.Response updated = admin.put("/engine-rest/task/" + offer.getId(), task);
    assertThat(updated.status()).as(updated.body()).isEqualTo(204);
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailsAbout(offer.getId(), officer)).hasSize(2));
    assertThat(mailsAbout(offer.getId(), officer).get(1).body())
        .contains(templates.dateTime(java.time.Instant.parse("2030-01-15T12:00:00Z"), GENEVA, Locale.UK));
  }

  @Test
  void aTaskThatEndedBeforeItsNoticeWentOutGetsNoneAndTheNoticeIsRecordedAsDropped() {
    String officer = MailFixtures.staff(identity, "ended-mex", "co-mex", true);
    // Created and completed in one transaction (the government declined at once).
    String[] completed = new String[1];
    transaction.executeWithoutResult(status -> {
      ProcessInstance consultation = MailFixtures.consultation(runtime, "MEX", MailFixtures.cycle(), null,
          LocalDate.now().plusDays(30), Map.of());
      completed[0] = tasks.createTaskQuery().processInstanceId(consultation.getId()).singleResult().getId();
      tasks.complete(completed[0], Map.of("governmentFocalPoint", "Foreign ministry", "governmentAnswer", "declined",
          "declineReason", "Elections"));
    });
    // Cancelled while its notice waited for the mail server.
    String cancelled;
    TestMailServer.stop();
    try {
      ProcessInstance consultation = MailFixtures.consultation(runtime, "MEX", MailFixtures.cycle(), null,
          LocalDate.now().plusDays(30), Map.of());
      cancelled = tasks.createTaskQuery().processInstanceId(consultation.getId()).singleResult().getId();
      await().atMost(PATIENCE).untilAsserted(() -> assertThat(outbox.forTask(cancelled))
          .filteredOn(m -> officer.equals(m.recipientUser())).singleElement()
          .matches(m -> m.attempts() >= 1 && Outbox.PENDING.equals(m.status())));
      runtime.deleteProcessInstance(consultation.getId(), "cancelled by the coordinator");
    } finally {
      TestMailServer.start();
    }
    for (String taskId : List.of(completed[0], cancelled)) {
      await().atMost(PATIENCE).untilAsserted(() -> assertThat(outbox.forTask(taskId)).isNotEmpty()
          .allMatch(m -> Outbox.DROPPED.equals(m.status())));
      assertThat(MailFixtures.mailsAbout(taskId)).isEmpty();
    }
    Http.Response dropped = Http.as(port, "admin").get("/api/admin/mail?status=dropped&maxResults=1000");
    assertThat(dropped.status()).as(dropped.body()).isEqualTo(200);
    assertThat(dropped.body()).contains("notice|" + completed[0] + "|" + officer)
        .contains("notice|" + cancelled + "|" + officer);
  }

  @Test
  void aCyclesStartSendsEachPersonOneSummaryOfTheirTasksAndALaterTaskItsOwnNotice() {
    String philippines = MailFixtures.staff(identity, "start-phl", "co-phl", true);
    String kenya = MailFixtures.staff(identity, "start-ken", "co-ken", true);
    String rcpUnit = MailFixtures.staff(identity, "start-rcp", "iom-icp-rcp", true);
    String mexico = MailFixtures.staff(identity, "start-mex", "co-mex", true);
    choose(rcpUnit, Map.of("language", "es"));
    String cycle = MailFixtures.cycle();
    String master = start(cycle, List.of("PHL", "KEN"));
    List<String> instances = new ArrayList<>(List.of(master));
    runtime.createProcessInstanceQuery().superProcessInstanceId(master).list()
        .forEach(child -> instances.add(child.getId()));

    for (String user : List.of(philippines, kenya, rcpUnit)) {
      await().atMost(PATIENCE).untilAsserted(() -> assertThat(summaries(user, master)).hasSize(1));
    }
    for (var person : Map.of(philippines, "co-phl", kenya, "co-ken", rcpUnit, "iom-icp-rcp").entrySet()) {
      List<Task> theirs = tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new))
          .taskCandidateGroup(person.getValue()).list();
      assertThat(theirs).as(person.getValue()).isNotEmpty();
      TestMailServer.Message summary = summaries(person.getKey(), master).get(0);
      Locale locale = person.getKey().equals(rcpUnit) ? Locale.forLanguageTag("es") : Locale.UK;
      for (Task task : theirs) {
        assertThat(summary.body()).contains(task.getName())
            .contains(templates.dateTime(task.getDueDate().toInstant(), GENEVA, locale))
            .contains(MAIL_BASE_URL + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        assertThat(mailsAbout(task.getId(), person.getKey())).as("no notice of its own at the start").isEmpty();
      }
      Matcher links = Pattern.compile("\\?task=").matcher(summary.body());
      assertThat(links.results().count()).as("exactly their tasks").isEqualTo(theirs.size());
    }
    assertThat(summaries(philippines, master).get(0).subject())
        .isEqualTo("[HLD Prep] The cycle " + cycle + " has started: 1 task for you");
    assertThat(summaries(rcpUnit, master).get(0).subject()).startsWith("[HLD Prep] El ciclo " + cycle);
    assertThat(summaries(philippines, master).get(0).body()).doesNotContain("Kenya");

    // Mexico joins the running cycle: its task is a new task, with a notice of its own.
    Http.Response joined = Http.as(port, "hld-coordinator").post("/api/cycles/" + cycle + "/participants",
        Map.of("memberState", "MEX"));
    assertThat(joined.status()).as(joined.body()).isEqualTo(200);
    Task mexicoOffer = offer(cycle, "MEX");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailsAbout(mexicoOffer.getId(), mexico)).hasSize(1));
    assertThat(mailsAbout(mexicoOffer.getId(), mexico).get(0).subject())
        .isEqualTo("[HLD Prep] New task: " + mexicoOffer.getName());
    assertThat(MailFixtures.mailsTo(mexico)).noneMatch(m -> m.key().startsWith(MailKey.SUMMARY + "|"));
  }

  /** Starts a cycle over REST as the coordinator, its dates years ahead; returns the master's id. */
  private String start(String cycle, List<String> memberStates) {
    cycles.add(cycle);
    Http.Response started = Http.as(port, "hld-coordinator").post("/api/cycles", Map.of("cycle", cycle,
        "memberStates", memberStates, "rcps", List.of(QuickCycle.RCP, "bali-process"),
        "calendar", QuickCycle.futureCalendar()));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return started.json().get("processInstanceId").asText();
  }

  private Task offer(String cycle, String country) {
    return tasks.createTaskQuery().processInstanceBusinessKey(cycle + "-" + country)
        .taskDefinitionKey("Task_OfferConsultation").singleResult();
  }

  private List<Outbox.Mail> movedMails(String taskId) {
    return outbox.forTask(taskId).stream().filter(m -> m.key().startsWith(MailKey.MOVED + "|")).toList();
  }

  private static List<TestMailServer.Message> mailsAbout(String taskId, String user) {
    return TestMailServer.received().stream().filter(m -> m.key() != null && m.key().contains("|" + taskId)
        && m.to().equals(address(user))).toList();
  }

  private static List<TestMailServer.Message> summaries(String user, String master) {
    return MailFixtures.mailsTo(user).stream().filter(m -> m.key().startsWith(MailKey.SUMMARY + "|" + master + "|"))
        .toList();
  }

  private void choose(String user, Map<String, Object> choice) {
    Http.Response changed = Http.as(port, user, MailFixtures.PASSWORD).put("/api/me/notifications", choice);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
  }
}
