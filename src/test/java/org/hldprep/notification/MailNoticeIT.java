package org.hldprep.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hldprep.notification.MailFixtures.address;
import static org.hldprep.notification.MailFixtures.mailsAbout;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The immediate notice, on PostgreSQL with a real SMTP server: who gets it, what it says, where it leads. */
class MailNoticeIT extends PostgresIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

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
  TransactionTemplate transaction;
  @Autowired
  JdbcTemplate jdbc;

  @org.junit.jupiter.api.AfterEach
  void deleteStartedInstances() {
    MailFixtures.deleteStarted(runtime);
  }

  @Test
  void theNoticeReachesExactlyTheMembersOfTheTasksGroupInTheirLanguageAndZoneWithAWorkingLink() {
    String officer = MailFixtures.staff(identity, "phl", "co-phl", true);
    String french = MailFixtures.staff(identity, "phl-fr", "co-phl", true);
    String newYork = MailFixtures.staff(identity, "phl-ny", "co-phl", true);
    String withoutAddress = MailFixtures.staff(identity, "phl-noaddress", "co-phl", false);
    String digestOnly = MailFixtures.staff(identity, "phl-digest", "co-phl", true);
    String nothing = MailFixtures.staff(identity, "phl-nothing", "co-phl", true);
    String kenya = MailFixtures.staff(identity, "ken", "co-ken", true);
    String bangkok = MailFixtures.staff(identity, "bkk", "ro-bangkok", true);
    choose(french, Map.of("language", "fr"));
    choose(newYork, Map.of("timeZone", "America/New_York"));
    choose(digestOnly, Map.of("delivery", "digest"));
    choose(nothing, Map.of("delivery", "none"));

    String cycle = MailFixtures.cycle();
    LocalDate due = LocalDate.now().plusDays(45);
    ProcessInstance consultation = MailFixtures.consultation(runtime, "PHL", cycle, "Asia/Manila", due, Map.of());
    MailFixtures.consultation(runtime, "KEN", cycle, "Asia/Manila", due, Map.of());
    Task task = tasks.createTaskQuery().processInstanceId(consultation.getId()).singleResult();

    // Every member of co-phl with an address who wants notices: ours, and whoever else is in the group.
    // (Other ITs, in any order, may have put members of their own in co-phl who chose no notices.)
    Set<String> noNotices = new TreeSet<>(jdbc.queryForList(
        "SELECT user_id FROM hldprep_mail_preference WHERE delivery IN ('digest', 'none')", String.class));
    Set<String> expected = identity.createUserQuery().memberOfGroup("co-phl").list().stream()
        .filter(u -> u.getEmail() != null && !noNotices.contains(u.getId())).map(User::getEmail)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(noNotices).contains(digestOnly, nothing);
    assertThat(expected).contains(address(officer), address(french), address(newYork), "phl-officer@hldprep.example");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(outbox.forTask(task.getId()))
        .allMatch(m -> Outbox.SENT.equals(m.status())).hasSize(expected.size()));

    List<TestMailServer.Message> mails = mailsAbout(task.getId());
    assertThat(mails).extracting(TestMailServer.Message::to).as("one mail each, to exactly the group's members")
        .containsExactlyInAnyOrderElementsOf(expected)
        .doesNotContain(address(withoutAddress), address(digestOnly), address(nothing), address(kenya),
            address(bangkok), "ken-officer@hldprep.example");

    TestMailServer.Message english = mail(mails, officer);
    assertThat(task.getName()).endsWith("– Philippines");
    assertThat(english.subject()).isEqualTo("[HLD Prep] New task: " + task.getName());
    assertThat(english.body()).contains(cycle).contains("(Asia/Manila)")
        .contains(MAIL_BASE_URL + "/camunda/app/tasklist/default/#/?task=" + task.getId())
        .doesNotContain("Kenya");
    assertThat(mail(mails, french).subject()).startsWith("[HLD Prep] Nouvelle tâche : ");
    assertThat(mail(mails, french).body()).contains("Échéance").contains("(Asia/Manila)");
    assertThat(mail(mails, newYork).body()).contains("(America/New_York)");

    // The link opens the task for the recipient (what Tasklist's ?task= asks the engine), and for no other office.
    Matcher link = Pattern.compile(Pattern.quote(MAIL_BASE_URL) + "/camunda/app/tasklist/default/#/\\?task=(\\S+)")
        .matcher(english.body());
    assertThat(link.find()).isTrue();
    Http.Response opened = Http.as(port, officer, MailFixtures.PASSWORD).get("/engine-rest/task/" + link.group(1));
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    assertThat(opened.json().get("name").asText()).isEqualTo(task.getName());
    assertThat(Http.as(port, kenya, MailFixtures.PASSWORD).get("/engine-rest/task/" + link.group(1)).status())
        .isEqualTo(404);
  }

  @Test
  void aRolledBackTaskCreationLeavesNoMail() {
    String cycle = MailFixtures.cycle();
    String[] taskId = new String[1];
    int[] mailsInside = new int[1];
    transaction.executeWithoutResult(status -> {
      ProcessInstance consultation = MailFixtures.consultation(runtime, "PHL", cycle, null,
          LocalDate.now().plusDays(45), Map.of());
      taskId[0] = tasks.createTaskQuery().processInstanceId(consultation.getId()).singleResult().getId();
      mailsInside[0] = outbox.forTask(taskId[0]).size();
      status.setRollbackOnly();
    });
    assertThat(mailsInside[0]).as("inside the engine's transaction the notices are written").isPositive();
    assertThat(tasks.createTaskQuery().taskId(taskId[0]).count()).isZero();
    assertThat(outbox.forTask(taskId[0])).as("rolled back with the task").isEmpty();
  }

  @Test
  void preferencesAreReadAndChangedOverTheApiWithClearErrors() {
    String user = MailFixtures.staff(identity, "prefs", "co-mex", true);
    Http me = Http.as(port, user, MailFixtures.PASSWORD);
    assertThat(me.get("/api/me/notifications").json().toString())
        .contains("\"delivery\":\"both\"", "\"language\":\"en\"", "\"email\":\"" + address(user) + "\"")
        .doesNotContain("timeZone\":\"");
    assertThat(me.put("/api/me/notifications", Map.of("delivery", "sometimes")).toString())
        .startsWith("400").contains("sometimes").contains("both, immediate, digest, none");
    assertThat(me.put("/api/me/notifications", Map.of("language", "de")).toString()).startsWith("400").contains("'de'");
    assertThat(me.put("/api/me/notifications", Map.of("timeZone", "Mars/Olympus")).toString())
        .startsWith("400").contains("Mars/Olympus");
    assertThat(me.put("/api/me/notifications", Map.of("delivery", "digest", "language", "es",
        "timeZone", "America/Mexico_City")).status()).isEqualTo(200);
    assertThat(me.put("/api/me/notifications", Map.of("language", "fr")).json().toString())
        .contains("\"delivery\":\"digest\"", "\"language\":\"fr\"", "\"timeZone\":\"America/Mexico_City\"");
    assertThat(Http.anonymous(port).get("/api/me/notifications").status()).isEqualTo(401);
  }

  @Test
  void theTasklistFormsDoorNeedsTheWebappSessionAndItsCsrfToken() throws Exception {
    String user = MailFixtures.staff(identity, "tasklist-form", "co-mex", true);
    java.net.CookieManager cookies = new java.net.CookieManager();
    java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port + "/camunda";
    String door = base + "/api/hldprep/notifications";
    assertThat(send(browser, java.net.http.HttpRequest.newBuilder(java.net.URI.create(door))).statusCode())
        .as("no session").isEqualTo(401);

    send(browser, java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/app/tasklist/default/")));
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    var login = send(browser, java.net.http.HttpRequest.newBuilder(java.net.URI.create(
        base + "/api/admin/auth/user/default/login/tasklist")).header("X-XSRF-TOKEN", token)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers
            .ofString("username=" + user + "&password=" + MailFixtures.PASSWORD)));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    var read = send(browser, java.net.http.HttpRequest.newBuilder(java.net.URI.create(door))
        .header("Accept", "application/json"));
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(read.body()).contains("\"email\":\"" + address(user) + "\"");
    var withoutToken = send(browser, java.net.http.HttpRequest.newBuilder(java.net.URI.create(door))
        .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"delivery\":\"none\"}")));
    assertThat(withoutToken.statusCode()).as("Camunda's CSRF protection applies").isEqualTo(403);
    // (Saving with the session's token is left to the form in a browser: not covered here.)
  }

  private static java.net.http.HttpResponse<String> send(java.net.http.HttpClient client,
      java.net.http.HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  private void choose(String user, Map<String, Object> choice) {
    Http.Response changed = Http.as(port, user, MailFixtures.PASSWORD).put("/api/me/notifications", choice);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
  }

  private static TestMailServer.Message mail(List<TestMailServer.Message> mails, String user) {
    return mails.stream().filter(m -> m.to().equals(address(user))).findFirst().orElseThrow();
  }
}
