package org.hldprep.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.hldprep.process.ProcessConventionsPlugin;
import org.hldprep.reference.ReferenceData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The router remembers the routing table's answer per step and version, and the latest deployed version
 * decides: a new version of task-routing reroutes the next task at once. Routing leaves no decision
 * instance in history (the candidate groups are in the task's identity-link history).
 */
class TaskRouterTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("task-router-test");
    configuration.setJdbcUrl("jdbc:h2:mem:task-router-test;DB_CLOSE_DELAY=-1");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.setDbMetricsReporterActivate(false);
    configuration.getProcessEnginePlugins().add(new ProcessConventionsPlugin(ReferenceData.get()));
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addClasspathResource("processes/task-routing.dmn")
        .addModelInstance("offer.bpmn", Bpmn.createExecutableProcess("router-test").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_OfferConsultation").name("Offer").endEvent().done())
        .deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void routesByTheLatestTableAndRecordsNoDecisionInstances() {
    assertThat(candidateGroupsOfNewTask("PHL")).containsExactly("co-phl");
    assertThat(candidateGroupsOfNewTask("KEN")).as("same step, answer remembered, country resolved per task")
        .containsExactly("co-ken");

    engine.getRepositoryService().createDeployment().addInputStream("task-routing.dmn", new ByteArrayInputStream(
        oneRuleTable("Task_OfferConsultation", GroupIds.ICP).getBytes(StandardCharsets.UTF_8))).deploy();
    assertThat(candidateGroupsOfNewTask("PHL")).as("the new version decides").containsExactly(GroupIds.ICP);

    assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().count()).isZero();
  }

  private List<String> candidateGroupsOfNewTask(String country) {
    String instance = engine.getRuntimeService()
        .startProcessInstanceByKey("router-test", Map.of("countryCode", country))
        .getId();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    return engine.getTaskService().getIdentityLinksForTask(task).stream().map(IdentityLink::getGroupId).toList();
  }

  private static String oneRuleTable(String step, String group) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="Definitions_RouterTest" name="Task routing" namespace="http://hldprep.org/dmn">
          <decision id="task-routing" name="Task routing" camunda:historyTimeToLive="P1D">
            <decisionTable id="DecisionTable_RouterTest" hitPolicy="COLLECT">
              <input id="Input_Step">
                <inputExpression id="InputExpression_Step" typeRef="string"><text>step</text></inputExpression>
              </input>
              <output id="Output_Group" name="group" typeRef="string"/>
              <rule id="Rule_Only"><inputEntry id="Entry_Step"><text>"%s"</text></inputEntry>
                <outputEntry id="Entry_Group"><text>"%s"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """
        .formatted(step, group);
  }
}
