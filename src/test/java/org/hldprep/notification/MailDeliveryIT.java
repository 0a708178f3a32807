package org.hldprep.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hldprep.notification.MailFixtures.mailsAbout;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.hldprep.platform.settings.MailSettings;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Delivery that loses nothing and repeats nothing: a server that goes away, a mail that keeps failing, two nodes. */
class MailDeliveryIT extends PostgresIntegrationTest {

  // Generous: the node's own worker competes for each claim, and CI machines are busy.
  private static final Duration PATIENCE = Duration.ofSeconds(120);

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
  MailSettings settings;
  @Autowired
  OutboxWorker worker;
  @Autowired
  MailRecheck recheck;
  @Autowired
  DailyDigest digest;
  @Autowired
  Environment environment;
  @Autowired
  MailTransport transport;
  @Autowired
  TaskService taskService;
  @Autowired
  PreferenceStore preferences;
  @Autowired
  MailTemplates templates;
  @Autowired
  EscalationRule escalation;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired
  org.springframework.transaction.support.TransactionTemplate transactionTemplate;

  @org.junit.jupiter.api.AfterEach
  void deleteStartedInstances() {
    MailFixtures.deleteStarted(runtime);
  }

  @Test
  void mailsWaitWhileTheServerIsAwayAndGoOutOnceItIsBackAFailingMailIsShownToAdministrators() {
    String first = MailFixtures.staff(identity, "nor-a", "co-nor", true);
    String second = MailFixtures.staff(identity, "nor-b", "co-nor", true);
    String taskId;
    TestMailServer.stop();
    try {
      String cycle = MailFixtures.cycle();
      taskId = tasks.createTaskQuery().processInstanceId(MailFixtures.consultation(runtime, "NOR", cycle, null,
          LocalDate.now().plusDays(30), Map.of()).getId()).singleResult().getId();
      // The node keeps trying, with backoff; administrators see the SMTP error meanwhile.
      await().atMost(PATIENCE).untilAsserted(() -> assertThat(outbox.forTask(taskId)).hasSize(2)
          .allMatch(m -> m.attempts() >= 2 && m.lastError() != null && Outbox.PENDING.equals(m.status())));
      Http.Response retrying = Http.as(port, "admin").get("/api/admin/mail?status=retrying&maxResults=1000");
      assertThat(retrying.status()).isEqualTo(200);
      assertThat(retrying.body()).contains("notice|" + taskId + "|" + first).containsIgnoringCase("connect");
      assertThat(Http.as(port, first, MailFixtures.PASSWORD).get("/api/admin/mail").status()).isEqualTo(403);

      // A node that gives up after one attempt marks the mail FAILED, listed with its SMTP error.
      Outbox.Mail mine = outbox.forTask(taskId).stream().filter(m -> m.recipientUser().equals(first)).findFirst()
          .orElseThrow();
      OutboxWorker impatient = new OutboxWorker(outbox, deadServer(), recheck, new MailSettings.Worker(true, 1000, 20,
          Duration.ofMinutes(5), 1, Duration.ofMillis(100), Duration.ofMillis(100)), "impatient-node");
      await().atMost(PATIENCE).untilAsserted(() -> {
        impatient.send(List.of(mine.id()));
        assertThat(outbox.find(mine.id()).orElseThrow().status()).isEqualTo(Outbox.FAILED);
      });
      Http.Response failed = Http.as(port, "admin").get("/api/admin/mail?status=failed&maxResults=1000");
      assertThat(failed.body()).contains(mine.id()).contains("notice|" + taskId + "|" + first)
          .containsIgnoringCase("connect");
      assertThat(Http.as(port, "admin").post("/api/admin/mail/" + mine.id() + "/retry", "").status()).isEqualTo(200);
    } finally {
      TestMailServer.start();
    }
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(outbox.forTask(taskId))
        .allMatch(m -> Outbox.SENT.equals(m.status())));
    Map<String, Long> copies = mailsAbout(taskId).stream()
        .collect(Collectors.groupingBy(TestMailServer.Message::to, Collectors.counting()));
    assertThat(copies).as("each mail exactly once").containsEntry(MailFixtures.address(first), 1L)
        .containsEntry(MailFixtures.address(second), 1L).allSatisfy((to, count) -> assertThat(count).isEqualTo(1L));
  }

  @Test
  void twoNodesOnOneDatabaseSendEachMailOnceAndComposeEachDigestOnce() throws Exception {
    for (int i = 0; i < 6; i++) {
      MailFixtures.staff(identity, "fji-" + i, "co-fji", true);
    }
    {
      // A second node: its own worker (own node name) and digest over the same database and SMTP server.
      // Not a second Spring application in this JVM: closing one tears down the webapps' JVM-wide
      // registries that the shared test application still needs.
      OutboxWorker workerB = new OutboxWorker(outbox, transport, recheck, settings.worker(), "node-b");
      DailyDigest digestB = new DailyDigest(taskService, runtime, identity, outbox, preferences, templates, settings,
          escalation, jdbc, transactionTemplate);
      ZoneId zone = ZoneId.of("Pacific/Marquesas");
      // Besides the application's own scheduled worker, two threads per node hammer the same outbox,
      // already when the tasks' notices arrive: both nodes then compete for every mail.
      AtomicBoolean done = new AtomicBoolean();
      ExecutorService threads = Executors.newFixedThreadPool(6);
      List<Future<?>> senders = new ArrayList<>();
      for (OutboxWorker node : List.of(worker, workerB, worker, workerB)) {
        senders.add(threads.submit(() -> {
          while (!done.get()) {
            node.sendDue();
          }
          return null;
        }));
      }
      List<String> taskIds = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        taskIds.add(tasks.createTaskQuery().processInstanceId(MailFixtures.consultation(runtime, "FJI",
            MailFixtures.cycle(), zone.getId(), LocalDate.now(zone).plusDays(3), Map.of()).getId()).singleResult()
            .getId());
      }
      Instant now = Instant.now();
      Future<Integer> digestA = threads.submit((Callable<Integer>) () -> digest.run(zone, now));
      Future<Integer> digestOnB = threads.submit((Callable<Integer>) () -> digestB.run(zone, now));
      int a = digestA.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      int b = digestOnB.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      assertThat(Set.of(a, b)).as("one node composes the digest, the other finds it done").contains(-1)
          .anyMatch(n -> n > 0);
      try {
        await().atMost(PATIENCE)
            .untilAsserted(() -> assertThat(taskIds.stream().flatMap(t -> outbox.forTask(t).stream()))
                .hasSizeGreaterThanOrEqualTo(4 * 6).allMatch(m -> Outbox.SENT.equals(m.status())));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(outbox.list(Outbox.PENDING, false, 1000))
            .noneMatch(m -> m.key().startsWith("digest|" + zone.getId())));
      } finally {
        done.set(true);
        for (Future<?> sender : senders) {
          sender.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        threads.shutdown();
      }
      List<TestMailServer.Message> received = TestMailServer.received().stream().filter(m -> m.key() != null
          && (taskIds.stream().anyMatch(t -> m.key().contains("|" + t + "|"))
              || m.key().startsWith("digest|" + zone.getId() + "|")))
          .toList();
      Map<String, Long> copies = received.stream().collect(Collectors.groupingBy(TestMailServer.Message::key,
          Collectors.counting()));
      assertThat(copies).as("every notice and digest exactly once").hasSizeGreaterThanOrEqualTo(4 * 6 + 6)
          .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
      // Both nodes did work: the outbox records which node sent each mail (its lease owner), and each node
      // sent some of these notices and digests. Had node B never won a claim, all of the above would hold.
      Map<String, Long> byNode = Stream.concat(taskIds.stream().flatMap(t -> outbox.forTask(t).stream()),
          outbox.list(Outbox.SENT, false, 1000).stream()
              .filter(m -> m.key().startsWith("digest|" + zone.getId() + "|")))
          .collect(Collectors.groupingBy(Outbox.Mail::node, Collectors.counting()));
      assertThat(byNode).as("mails sent per node").containsOnlyKeys(worker.node(), workerB.node())
          .allSatisfy((node, sent) -> assertThat(sent).as(node).isPositive());
    }
  }

  /** A mail sender to a port where nothing listens. */
  private MailTransport deadServer() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(TestMailServer.port()); // stopped during the test
    StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("sender", sender));
    return new MailTransport(beans.getBeanProvider(org.springframework.mail.javamail.JavaMailSender.class), settings,
        environment);
  }
}
