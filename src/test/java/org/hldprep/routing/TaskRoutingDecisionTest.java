package org.hldprep.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.hldprep.reference.ReferenceData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The routing table against the models: every user task of every model in processes/ is routed to at
 * least one group, and every group the table names is a group of the contract or an office role.
 */
class TaskRoutingDecisionTest {

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/task-routing.dmn"))) {
      decision = dmnEngine.parseDecision(TaskRouter.DECISION_KEY, in);
    }
  }

  private static List<String> groupsOf(String step) {
    return dmnEngine.evaluateDecisionTable(decision, Variables.createVariables().putValue(TaskRouter.STEP, step))
        .collectEntries(TaskRouter.GROUP);
  }

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  @Test
  void everyUserTaskOfEveryModelIsRoutedToAtLeastOneGroup() throws IOException {
    List<String> unrouted = new ArrayList<>();
    int userTasks = 0;
    for (Path model : models()) {
      for (UserTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
        userTasks++;
        assertThat(task.getCamundaAssignee()).as("no hard-coded assignee on " + task.getId()).isNull();
        if (groupsOf(task.getId()).isEmpty()) {
          unrouted.add(model.getFileName() + ": " + task.getId());
        }
      }
    }
    assertThat(userTasks).isGreaterThan(0);
    assertThat(unrouted).as("user tasks without a routing rule").isEmpty();
  }

  @Test
  void theTableNamesOnlyGroupsOfTheContractOrOfficeRoles() {
    Set<String> known = new java.util.HashSet<>(GroupIds.contractGroups(ReferenceData.get()).keySet());
    known.addAll(Set.of(TaskRouter.ROLE_COUNTRY_OFFICE, TaskRouter.ROLE_REGIONAL_OFFICE,
        TaskRouter.ROLE_RCP_SERVING_OFFICE, TaskRouter.ROLE_REGIONAL_COMMISSION_OFFICES));
    List<String> outputs = decision
        .getDecisionLogic() instanceof org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl table
            ? table.getRules().stream().flatMap(r -> r.getConclusions().stream())
                .map(c -> c.getExpression().replace("\"", "")).toList()
            : List.of();
    assertThat(outputs).isNotEmpty().allSatisfy(group -> assertThat(known).contains(group));
  }

  @Test
  void stepsOfNationalConsultationGoToTheCountryOfficeAndReviewsToTheRegionalOffice() {
    assertThat(groupsOf("Task_OfferConsultation")).containsExactly(TaskRouter.ROLE_COUNTRY_OFFICE);
    assertThat(groupsOf("Task_ReviewNationalSummary")).containsExactly(TaskRouter.ROLE_REGIONAL_OFFICE);
    assertThat(groupsOf("Task_ResolveEscalatedReview")).containsExactly(GroupIds.ICP);
    assertThat(groupsOf("Task_NotInAnyModel")).isEmpty();
  }

  @Test
  void stepsOfTheNewTracksGoToTheirOwners() {
    assertThat(groupsOf("Task_DraftIomRecommendations")).containsExactly(GroupIds.POLICY_RESEARCH);
    assertThat(groupsOf("Task_RevisePaperForHlcp")).containsExactlyInAnyOrder(GroupIds.ICP_PARTNERSHIPS,
        GroupIds.POLICY_RESEARCH);
    assertThat(groupsOf("Task_ClearPaper")).containsExactly(GroupIds.DIRECTOR_GENERAL);
    assertThat(groupsOf("Task_SharePaperInGeneva")).containsExactly(GroupIds.ICP_GOVERNING_BODIES);
    assertThat(groupsOf("Task_SharePaperInNewYork")).containsExactly(GroupIds.LIAISON_NEW_YORK);
    assertThat(groupsOf("Task_ConfirmCoHosts")).containsExactly(GroupIds.LIAISON_NEW_YORK);
    assertThat(groupsOf("Task_ClearRoundtableSummary")).containsExactly(GroupIds.ICP);
    assertThat(groupsOf("Task_ReviewChairSummary")).containsExactly(TaskRouter.ROLE_REGIONAL_COMMISSION_OFFICES);
    assertThat(groupsOf("Task_ForwardInputToDialogue")).containsExactly(GroupIds.LIAISON_NEW_YORK);
  }

  @Test
  void noUserTaskIdIsUsedByTwoModels() throws IOException {
    // The table is keyed by the task id alone: an id in two models would collect both models' groups.
    Map<String, String> modelOfTask = new java.util.HashMap<>();
    List<String> reused = new ArrayList<>();
    for (Path model : models()) {
      for (UserTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
        String earlier = modelOfTask.putIfAbsent(task.getId(), model.getFileName().toString());
        if (earlier != null) {
          reused.add(task.getId() + " in " + earlier + " and " + model.getFileName());
        }
      }
    }
    assertThat(modelOfTask).containsKeys("Task_ClearPaper", "Task_ConfirmCoHosts", "Task_AgreeCoOrganization");
    assertThat(reused).isEmpty();
  }
}
