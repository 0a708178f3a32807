package org.hldprep.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.hldprep.platform.settings.MailSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A task's mail facts come from the cycle's master, however deep the task's instance is called, and the
 * task's own instance wins where it has a value: a cycle (master), a track called by it (child) and a step
 * called by the track (grandchild), none of them passing variables down.
 */
class CycleFactsTest {

  private static final MailSettings SETTINGS = new MailSettings("http://localhost:8080", "hld@example.org", null,
      ZoneId.of("Europe/Zurich"), 7, null, null);
  private static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:cycle-facts;DB_CLOSE_DELAY=-1").setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE).buildProcessEngine();
    engine.getRepositoryService().createDeployment()
        .addModelInstance("master.bpmn", Bpmn.createExecutableProcess("master").camundaHistoryTimeToLive(1)
            .startEvent().callActivity("Call_Track").calledElement("track").endEvent().done())
        .addModelInstance("track.bpmn", Bpmn.createExecutableProcess("track").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_OfTheTrack").callActivity("Call_Step").calledElement("step").endEvent().done())
        .addModelInstance("step.bpmn", Bpmn.createExecutableProcess("step").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_OfTheStep").endEvent().done())
        .deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void aCalledInstancesTaskReadsTheCycleFromItsMaster_twoCallsDeep() {
    engine.getRuntimeService().startProcessInstanceByKey("master", "HLDFACTS",
        Map.of("timeZone", "Asia/Manila", "escalationAfterDays", 3));
    Task ofTheTrack = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_OfTheTrack").singleResult();
    assertThat(facts(ofTheTrack)).isEqualTo(new CycleFacts("HLDFACTS", ZoneId.of("Asia/Manila"), 3));

    engine.getTaskService().complete(ofTheTrack.getId());
    Task ofTheStep = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_OfTheStep").singleResult();
    assertThat(facts(ofTheStep)).as("two calls deep")
        .isEqualTo(new CycleFacts("HLDFACTS", ZoneId.of("Asia/Manila"), 3));

    // The step's own time zone wins over the cycle's; a master without one falls back to the settings.
    engine.getRuntimeService().setVariableLocal(ofTheStep.getProcessInstanceId(), "timeZone", "America/Lima");
    assertThat(facts(ofTheStep).zone()).isEqualTo(ZoneId.of("America/Lima"));
    engine.getRuntimeService().startProcessInstanceByKey("master", "HLDBARE");
    Task bareTrack = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_OfTheTrack").singleResult();
    assertThat(facts(bareTrack)).isEqualTo(new CycleFacts("HLDBARE", ZoneId.of("Europe/Zurich"), 7));
  }

  @Test
  void aMasterUntouchedByTheCommandIsReadByItsThreeVariablesOnly_oneChangedInTheCommandAsItStandsThere() {
    String master = engine.getRuntimeService().startProcessInstanceByKey("master", "HLDLEAN",
        Map.of("timeZone", "Asia/Manila", "escalationAfterDays", 4, "trackOutcomes", "a large tally")).getId();
    String track = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(master)
        .singleResult().getId();
    Task ofTheTrack = engine.getTaskService().createTaskQuery().processInstanceId(track).singleResult();
    String taskId = ofTheTrack.getId();

    List<String> loaded = commandExecutor().execute(context -> {
      assertThat(CycleFacts.of(context.getTaskManager().findTaskById(taskId), SETTINGS))
          .isEqualTo(new CycleFacts("HLDLEAN", ZoneId.of("Asia/Manila"), 4));
      return context.getDbEntityManager().getCachedEntitiesByType(VariableInstanceEntity.class).stream()
          .filter(v -> master.equals(v.getExecutionId())).map(VariableInstanceEntity::getName).toList();
    });
    assertThat(loaded).as("the master's variables loaded for one task's facts")
        .containsExactlyInAnyOrder("timeZone", "escalationAfterDays");

    CycleFacts changedInTheCommand = commandExecutor().execute(context -> {
      context.getExecutionManager().findExecutionById(master).setVariable("timeZone", "Africa/Nairobi");
      return CycleFacts.of(context.getTaskManager().findTaskById(taskId), SETTINGS);
    });
    assertThat(changedInTheCommand.zone()).isEqualTo(ZoneId.of("Africa/Nairobi"));
  }

  private static CommandExecutor commandExecutor() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }

  private static CycleFacts facts(Task task) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> CycleFacts.of(context.getTaskManager().findTaskById(task.getId()), SETTINGS));
  }
}
