package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.QuickCycle;
import org.hldprep.support.RowLockGate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two members of one Country Office act on the same task at the same moment, over REST: both requests
 * read the task and do their work, meet at the flush (the {@link RowLockGate} holds the task's and
 * its instance's rows), and commit in the order in which they arrived. One wins; the other is told
 * 409 and may reload; the process advances exactly once.
 */
class ConcurrentTaskIT extends PostgresIntegrationTest {

  /** A second officer of the Philippines' Country Office, so that two people may act on its task. */
  private static final String DEPUTY = "phl-deputy-officer";

  @LocalServerPort
  int port;
  @Autowired
  DataSource dataSource;
  @Autowired
  IdentityService identityService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;

  private final ExecutorService clients = Executors.newFixedThreadPool(2);

  @BeforeEach
  void deputy() {
    if (identityService.createUserQuery().userId(DEPUTY).count() == 0) {
      User user = identityService.newUser(DEPUTY);
      user.setPassword("a-test-password");
      identityService.saveUser(user);
      identityService.createMembership(DEPUTY, "co-phl");
    }
  }

  @AfterEach
  void stopClients() {
    clients.shutdownNow();
  }

  @Test
  void twoClaimsAtTheSameMoment_theFirstWinsTheSecondGets409() throws Exception {
    QuickCycle cycle = QuickCycle.unique("HLDCLAIMRACE", "PHL");
    cycle.start(port);
    String taskId = QuickCycle.awaitTask(port, "phl-officer", cycle.name() + "-PHL", "Task_OfferConsultation");

    List<Http.Response> answers = atTheSameMoment(taskId,
        () -> Http.as(port, "phl-officer").post("/engine-rest/task/" + taskId + "/claim",
            Map.of("userId", "phl-officer")),
        () -> Http.as(port, DEPUTY, "a-test-password").post("/engine-rest/task/" + taskId + "/claim",
            Map.of("userId", DEPUTY)));

    assertThat(answers.get(0).status()).as(answers.get(0).body()).isEqualTo(204);
    assertThat(answers.get(1).status()).as(answers.get(1).body()).isEqualTo(409);
    assertThat(answers.get(1).json().get("message").asText()).isNotBlank();
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("phl-officer");
  }

  /**
   * The two answers differ (declined, accepted), so the two transactions write different rows in
   * different orders: depending on where they meet, the engine's optimistic lock or PostgreSQL's
   * deadlock detection refuses one of them. Either way exactly one answer counts and the other is a 409.
   */
  @Test
  void twoCompletionsAtTheSameMoment_oneWinsTheOtherGets409AndTheProcessAdvancesOnce() throws Exception {
    QuickCycle cycle = new QuickCycle("HLDCOMPLETERACE", "PHL");
    String master = cycle.start(port);
    String taskId = QuickCycle.awaitTask(port, "phl-officer", "HLDCOMPLETERACE-PHL", "Task_OfferConsultation");
    Map<String, Object> declined = Map.of("variables", Http.variables(Map.of("governmentFocalPoint", "DFA",
        "governmentAnswer", "declined", "declineReason", "Elections")));
    Map<String, Object> accepted = Map.of("variables", Http.variables(Map.of("governmentFocalPoint", "DFA",
        "governmentAnswer", "accepted")));

    List<Http.Response> answers = atTheSameMoment(taskId,
        () -> Http.as(port, "phl-officer").post("/engine-rest/task/" + taskId + "/complete", declined),
        () -> Http.as(port, DEPUTY, "a-test-password").post("/engine-rest/task/" + taskId + "/complete", accepted));

    assertThat(answers).extracting(Http.Response::status).as(answers.toString()).containsExactlyInAnyOrder(204, 409);
    boolean declinedWon = answers.get(0).status() == 204;
    String child = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("HLDCOMPLETERACE-PHL")
        .singleResult().getId();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(child)
        .activityId("Task_OfferConsultation").count()).as("the task, once").isEqualTo(1);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(child)
        .activityId("EndEvent_Declined").count()).as("declined").isEqualTo(declinedWon ? 1 : 0);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(child)
        .activityId("Task_AgreeArrangements").count()).as("accepted").isEqualTo(declinedWon ? 0 : 1);
    if (declinedWon) {
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Http.as(port, "hld-coordinator")
          .get("/api/cycles/HLDCOMPLETERACE").json().get("consultationOutcomes").toString())
          .isEqualTo("{\"PHL\":\"declined\"}"));
      assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(master)
          .activityId("Task_RecordConsultationOutcome").count()).as("the master records the outcome once").isEqualTo(1);
    } else {
      assertThat(taskService.createTaskQuery().processInstanceId(child).taskDefinitionKey("Task_AgreeArrangements")
          .count()).as("the next step, once").isEqualTo(1);
    }
  }

  /**
   * Sends the first request and waits until it waits at the gate (it has read the task and flushes its
   * change), then the second likewise; opens the gate. Answers in the order sent.
   */
  private List<Http.Response> atTheSameMoment(String taskId, Callable<Http.Response> first,
      Callable<Http.Response> second) throws Exception {
    Future<Http.Response> firstAnswer;
    Future<Http.Response> secondAnswer;
    String instance = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
    try (RowLockGate gate = RowLockGate.open(dataSource)) {
      gate.hold("SELECT id_ FROM act_ru_task WHERE id_ = ? FOR UPDATE", taskId)
          .hold("SELECT id_ FROM act_ru_execution WHERE proc_inst_id_ = ? FOR UPDATE", instance);
      firstAnswer = clients.submit(first);
      gate.awaitWaiting(1);
      secondAnswer = clients.submit(second);
      gate.awaitWaiting(2);
      gate.release();
    }
    return List.of(firstAnswer.get(2, TimeUnit.MINUTES), secondAnswer.get(2, TimeUnit.MINUTES));
  }
}
