package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.QuickCycle;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * History is kept for its time to live and then removed by Camunda's history cleanup, which runs in the
 * configured nightly window. Shown on three national consultations of this test's own: one ended and
 * past its removal time, one ended and still within it, one running. Cleanup removes all of the first
 * and nothing of the others (nor of any other test, whose history is far from its removal time).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoryCleanupIT extends PostgresIntegrationTest {

  @Autowired
  ProcessEngine processEngine;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;

  /** First: an immediate run (the other test) reschedules the job for a moment. */
  @Test
  @Order(1)
  void cleanupRunsInTheConfiguredWindow() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine
        .getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    List<Job> cleanupJobs = historyService.findHistoryCleanupJobs();
    assertThat(cleanupJobs).as("the cleanup job the engine schedules for the window").isNotEmpty();
    for (Job job : cleanupJobs) {
      LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
      assertThat(due).as("due in the window").isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
    }
  }

  @Test
  @Order(2)
  void cleanupRemovesWhatHasExpiredAndNothingElse() {
    String expired = declinedConsultation("HLDCLEANUP-EXPIRED");
    String kept = declinedConsultation("HLDCLEANUP-KEPT");
    String running = consultation("HLDCLEANUP-RUNNING");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(kept).singleResult()
        .getRemovalTime()).as("an ended consultation is kept for its time to live").isInTheFuture();

    // The expired consultation ended longer ago than its time to live: its removal time has passed.
    Date yesterday = Date.from(new Date().toInstant().minus(1, ChronoUnit.DAYS));
    historyService.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(yesterday).byIds(expired)
        .executeAsync();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(historyService
        .createHistoricProcessInstanceQuery().processInstanceId(expired).singleResult().getRemovalTime())
        .isEqualTo(yesterday));
    Map<String, Long> keptBefore = history(kept);
    Map<String, Long> runningBefore = history(running);
    assertThat(history(expired)).as("expired but not cleaned up yet").containsEntry("process instance", 1L)
        .containsEntry("tasks", 1L);

    historyService.cleanUpHistoryAsync(true); // now, as the window would
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(history(expired).values())
        .as("history of the expired consultation").allMatch(n -> n == 0));

    assertThat(history(kept)).as("history of the consultation within its time to live").isEqualTo(keptBefore);
    assertThat(history(running)).as("history of the running consultation").isEqualTo(runningBefore);
  }

  /** Counts of what history holds of one instance. */
  private Map<String, Long> history(String processInstanceId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("process instance", historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).count());
    counts.put("activities", historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).count());
    counts.put("tasks", historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).count());
    counts.put("variables", historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).count());
    counts.put("details", historyService.createHistoricDetailQuery().processInstanceId(processInstanceId).count());
    counts.put("decisions", historyService.createHistoricDecisionInstanceQuery()
        .processInstanceId(processInstanceId).count());
    return counts;
  }

  /** A national consultation on its own (no cycle), every deadline years ahead. */
  private String consultation(String businessKey) {
    Map<String, Object> variables = new LinkedHashMap<>(QuickCycle.futureCalendar());
    variables.put("countryCode", "PHL");
    return runtimeService.createProcessInstanceByKey("national-consultation").businessKey(businessKey)
        .setVariables(variables).execute().getId();
  }

  private String declinedConsultation(String businessKey) {
    String id = consultation(businessKey);
    String task = taskService.createTaskQuery().processInstanceId(id).singleResult().getId();
    taskService.complete(task, Map.of("governmentFocalPoint", "DFA", "governmentAnswer", "declined",
        "declineReason", "Elections"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
    return id;
  }
}
