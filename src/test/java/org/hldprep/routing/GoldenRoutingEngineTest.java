package org.hldprep.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.hldprep.process.ProcessConventionsPlugin;
import org.hldprep.process.ProcessTestSupport;
import org.hldprep.process.hldpreparation.CycleNames;
import org.hldprep.process.hldpreparation.InMemoryCycleNames;
import org.hldprep.reference.ReferenceData;
import org.hldprep.routing.GoldenRouting.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The golden table of routing against the tasks the engine really creates: every model of processes/,
 * the routing table and every form deployed on an engine of its own (H2, the application's conventions
 * plugin, the application's delegates); for each row, an instance of the row's process starts with the
 * row's subject directly before the row's task (instance modification: the process's start listener
 * runs, as for any start), and the task created there must carry exactly the row's candidate groups, as
 * the engine stored them (identity links), and no assignee or candidate user.
 */
class GoldenRoutingEngineTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void engine() throws Exception {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("golden-routing");
    configuration.setJdbcUrl("jdbc:h2:mem:golden-routing;DB_CLOSE_DELAY=-1");
    configuration.setHistory("none");
    configuration.setJobExecutorActivate(false);
    configuration.setDbMetricsReporterActivate(false);
    configuration.setExpressionManager(new MockExpressionManager());
    configuration.getProcessEnginePlugins().add(new ProcessConventionsPlugin(ReferenceData.get()));
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    engine = configuration.buildProcessEngine();
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("golden-routing");
    try (Stream<Path> files = Stream.concat(Files.list(Path.of("processes")), Files.list(Path.of("processes/forms")))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form")) {
          deployment.addInputStream(name, new java.io.ByteArrayInputStream(Files.readAllBytes(file)));
        }
      }
    }
    deployment.deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void beans() throws Exception {
    // As of MC/2353 (2 Nov 2012): every default date of the 2013 calendar lies ahead.
    ProcessTestSupport.today(ProcessTestSupport.MC_2353_ISSUED);
    registerApplicationBeans();
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ProcessTestSupport.resetClock();
  }

  static List<Row> rows() {
    return GoldenRouting.rows();
  }

  /**
   * What a process needs at its start beyond the row's subject: the master a Member State (and, started
   * as of MC/2353, the round table of October 2012 lies behind it: a replay), a round table its date.
   * Routing reads none of them.
   */
  private static final Map<String, Map<String, Object>> START_VARIABLES = Map.of(
      "hld-preparation", Map.of("memberStates", "PHL", "replay", true),
      "ny-roundtable", Map.of("eventDate", "2013-02-20"));

  /** What the steps before a task would have set, where the task reads it (due dates). */
  private static final Map<String, Map<String, Object>> SET_BEFORE = Map.of(
      "Task_CommentOnStatementDraft", Map.of("readingDeadline", "2013-03-01"),
      "Task_ConveneSpecialSession", Map.of("noticeDate", "2013-05-30"));

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void theTaskTheEngineCreatesCarriesExactlyTheGoldenGroups(Row row) {
    // A normal start (its start listener checks the subject and sets the calendar), then the row's task
    // started by modification, as if the instance had got there.
    Map<String, Object> variables = new java.util.HashMap<>(START_VARIABLES.getOrDefault(row.process(), Map.of()));
    variables.putAll(row.subject());
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(row.process(),
        "GOLDEN" + row.line(), variables);
    Set<String> before = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(row.task()).list().stream().map(Task::getId).collect(Collectors.toSet());
    engine.getRuntimeService().createProcessInstanceModification(instance.getId()).startBeforeActivity(row.task())
        .setVariables(SET_BEFORE.getOrDefault(row.task(), Map.of()))
        // inside a multi-instance track, its element (the Regional Office of a synthesis) is local
        .setVariablesLocal(Map.copyOf(row.subject())).execute();
    try {
      List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
          .taskDefinitionKey(row.task()).list().stream().filter(t -> !before.contains(t.getId())).toList();
      assertThat(tasks).as("line %d: one task %s created", row.line(), row.task()).hasSize(1);
      Task task = tasks.get(0);
      List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(task.getId());
      Set<String> groups = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
          .map(IdentityLink::getGroupId).collect(Collectors.toCollection(TreeSet::new));
      assertThat(groups).as("line %d: %s", row.line(), row).isEqualTo(row.groups());
      assertThat(links).as("only candidate groups").allSatisfy(l -> assertThat(l.getUserId()).isNull());
      assertThat(task.getAssignee()).isNull();
    } finally {
      engine.getRuntimeService().deleteProcessInstance(instance.getId(), "golden routing checked", true, true, true);
    }
  }

  /**
   * The application's delegates and listeners (the {@code @Component}s of org.hldprep.process) by their
   * bean names, built as Spring would from the reference data and, for the master, in-memory cycle names.
   */
  private static void registerApplicationBeans() throws Exception {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    for (BeanDefinition definition : scanner.findCandidateComponents("org.hldprep.process")) {
      Class<?> type = Class.forName(definition.getBeanClassName());
      String name = type.getAnnotation(Component.class).value();
      Constructor<?> constructor = type.getConstructors()[0];
      Object[] arguments = new Object[constructor.getParameterCount()];
      boolean buildable = true;
      for (int i = 0; i < arguments.length; i++) {
        Class<?> parameter = constructor.getParameterTypes()[i];
        if (parameter == ReferenceData.class) {
          arguments[i] = ReferenceData.get();
        } else if (parameter == CycleNames.class) {
          arguments[i] = new InMemoryCycleNames();
        } else {
          buildable = false;
        }
      }
      if (buildable && !name.isEmpty()) {
        Mocks.register(name, constructor.newInstance(arguments));
      }
    }
  }
}
