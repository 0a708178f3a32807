package org.hldprep.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.hldprep.process.nationalconsultation.NationalConsultationProcess;
import org.hldprep.process.rcpcontribution.RcpContributionProcess;
import org.hldprep.process.regionalcommissioninput.RegionalCommissionInputProcess;
import org.hldprep.reference.ReferenceData;
import org.hldprep.routing.GoldenRouting.ModelTask;
import org.hldprep.routing.GoldenRouting.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden table of routing against the routing table and the router: for each row, the decision
 * {@code task-routing} evaluated for the step, each office role resolved by {@link TaskRouter} for the
 * row's subject, must give exactly the row's groups (no group more, none less). And the table covers
 * every user task of every model, with at least two subjects where routing depends on one.
 */
class GoldenRoutingTest {

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;
  private static final TaskRouter ROUTER = new TaskRouter(ReferenceData.get());

  /** The processes whose every step is per country, per RCP or per Regional Commission. */
  private static final Map<String, String> SUBJECT_OF_PROCESS = Map.of(
      NationalConsultationProcess.KEY, TaskRouter.VAR_COUNTRY_CODE,
      RcpContributionProcess.KEY, TaskRouter.VAR_RCP_CODE,
      RegionalCommissionInputProcess.KEY, TaskRouter.VAR_COMMISSION_CODE);

  @BeforeAll
  static void parseDecision() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("processes/task-routing.dmn"))) {
      decision = dmnEngine.parseDecision(TaskRouter.DECISION_KEY, in);
    }
  }

  static List<Row> rows() {
    return GoldenRouting.rows();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void theRoutingTableAndTheRouterGiveExactlyTheGoldenGroups(Row row) {
    assertThat(routedGroups(row.task(), row.subject())).as("line %d: %s", row.line(), row)
        .isEqualTo(row.groups());
  }

  /** What the router adds as candidate groups to a task of this step and subject, as a set. */
  static Set<String> routedGroups(String step, Map<String, String> subject) {
    DelegateTask task = task(step, subject);
    Set<String> groups = new LinkedHashSet<>();
    for (String groupOrRole : dmnEngine.evaluateDecisionTable(decision,
        Variables.createVariables().putValue(TaskRouter.STEP, step)).<String>collectEntries(TaskRouter.GROUP)) {
      if (TaskRouter.ROLE_REGIONAL_COMMISSION_OFFICES.equals(groupOrRole)) {
        groups.addAll(ROUTER.regionalCommissionOffices(task));
      } else {
        groups.add(ROUTER.resolve(groupOrRole, task));
      }
    }
    return new TreeSet<>(groups);
  }

  @Test
  void theTableCoversEveryUserTaskOfEveryModelAndNothingElse() {
    Set<String> inModels = GoldenRouting.modelTasks().stream().map(t -> t.process() + " " + t.task())
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> inTable = rows().stream().map(r -> r.process() + " " + r.task())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(inModels).as("user tasks of processes/").hasSizeGreaterThan(70);
    assertThat(inTable).as("steps of the golden table (process and task id)").isEqualTo(inModels);
  }

  @Test
  void everyStepOfACountryRcpOrCommissionTrackIsPinnedForAtLeastTwoSubjects() {
    List<String> thin = new ArrayList<>();
    Map<String, Set<String>> subjectsOfStep = new HashMap<>();
    for (Row row : rows()) {
      String variable = SUBJECT_OF_PROCESS.get(row.process());
      if (variable != null) {
        assertThat(row.subject()).as("line %d: %s names its %s", row.line(), row, variable).containsKey(variable);
        subjectsOfStep.computeIfAbsent(row.process() + " " + row.task(), k -> new TreeSet<>())
            .add(row.subject().get(variable));
      }
    }
    for (ModelTask task : GoldenRouting.modelTasks()) {
      if (SUBJECT_OF_PROCESS.containsKey(task.process())
          && subjectsOfStep.getOrDefault(task.process() + " " + task.task(), Set.of()).size() < 2) {
        thin.add(task.process() + " " + task.task());
      }
    }
    assertThat(subjectsOfStep).isNotEmpty();
    assertThat(thin).as("steps pinned for fewer than two subjects").isEmpty();
  }

  @Test
  void noRowIsRepeatedAndEveryRowNamesGroupsOfTheContract() {
    Set<String> known = GroupIds.contractGroups(ReferenceData.get()).keySet();
    Set<String> seen = new java.util.HashSet<>();
    for (Row row : rows()) {
      assertThat(seen.add(row.toString())).as("line %d repeats %s", row.line(), row).isTrue();
      assertThat(row.groups()).as("line %d", row.line()).isNotEmpty().allSatisfy(g -> assertThat(known).contains(g));
    }
  }

  /** The two things TaskRouter reads of a task: its step and its process's variables. */
  private static DelegateTask task(String step, Map<String, String> variables) {
    return (DelegateTask) Proxy.newProxyInstance(DelegateTask.class.getClassLoader(),
        new Class<?>[]{DelegateTask.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getTaskDefinitionKey" -> step;
          case "getVariable" -> variables.get((String) args[0]);
          case "toString" -> "task " + step + " " + variables;
          default -> throw new UnsupportedOperationException("TaskRouter is not expected to call " + method.getName());
        });
  }
}
