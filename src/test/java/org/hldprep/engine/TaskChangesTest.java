package org.hldprep.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the mails learn from a task event inside the engine's command, on a real engine (in-memory H2): which
 * tasks come with the start of their root instance (a cycle's start, children included) and which do not (a
 * task created later), and which updates moved the due date (and from when to when).
 */
class TaskChangesTest {

  private static final Date MAY = new Date(1_904_000_000_000L);
  private static final Date DECEMBER = new Date(1_796_000_000_000L);

  private static ProcessEngine engine;
  private static RuntimeService runtime;
  private static TaskService tasks;

  /** What the listener saw: the task's name and what TaskChanges said. */
  record Seen(String task, String event, Object answer) {
  }

  static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

  /** Records TaskChanges' answers, as TaskNotices asks them. */
  public static class Recorder implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      Object answer = EVENTNAME_CREATE.equals(task.getEventName())
          ? TaskChanges.startingRoot(task)
          : TaskChanges.dueDateChange(task);
      SEEN.add(new Seen(task.getName(), task.getEventName(), answer));
    }
  }

  @BeforeAll
  static void engine() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("task-changes");
    configuration.setJdbcUrl("jdbc:h2:mem:task-changes;DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(false);
    engine = configuration.buildProcessEngine();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    BpmnModelInstance master = Bpmn.createExecutableProcess("master").startEvent().parallelGateway("Fork")
        .userTask("Master_First").name("master first").camundaDueDate("${due}")
        .camundaTaskListenerClass("create", Recorder.class).camundaTaskListenerClass("update", Recorder.class)
        .userTask("Master_Later").name("master later").camundaTaskListenerClass("create", Recorder.class)
        .endEvent().moveToNode("Fork").callActivity("Call_Child").calledElement("child")
        .camundaIn("due", "due").endEvent().done();
    BpmnModelInstance child = Bpmn.createExecutableProcess("child").startEvent().userTask("Child_First")
        .name("child first").camundaDueDate("${due}").camundaTaskListenerClass("create", Recorder.class)
        .camundaTaskListenerClass("update", Recorder.class).endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("master.bpmn", master)
        .addModelInstance("child.bpmn", child).deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void forget() {
    SEEN.clear();
  }

  @Test
  void theTasksOfARootsStartKnowTheRootChildrenIncludedALaterTaskDoesNot() {
    String master = runtime.startProcessInstanceByKey("master", Map.of("due", MAY)).getId();
    assertThat(SEEN).extracting(Seen::task, Seen::answer).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("master first", Optional.of(new TaskChanges.StartingRoot(master,
            "master"))),
        org.assertj.core.groups.Tuple.tuple("child first", Optional.of(new TaskChanges.StartingRoot(master,
            "master"))));

    SEEN.clear();
    tasks.complete(task(master, "Master_First").getId());
    assertThat(SEEN).extracting(Seen::task, Seen::answer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("master later", Optional.empty()));

    SEEN.clear();
    String alone = runtime.startProcessInstanceByKey("child", Map.of("due", MAY)).getId();
    assertThat(SEEN).extracting(Seen::answer).as("a child started on its own is its own root")
        .containsExactly(Optional.of(new TaskChanges.StartingRoot(alone, "child")));
  }

  @Test
  void anUpdateTellsAMovedDueDateFromWhenToWhenAndNothingElse() {
    String master = runtime.startProcessInstanceByKey("master", Map.of("due", MAY)).getId();
    Task first = task(master, "Master_First");
    SEEN.clear();

    first.setDueDate(DECEMBER);
    tasks.saveTask(first);
    first = task(master, "Master_First");
    first.setName("master first, renamed");
    tasks.saveTask(first);
    first.setDueDate(new Date(DECEMBER.getTime()));
    tasks.saveTask(first);
    tasks.setDueDate(first.getId(), MAY);
    tasks.setDueDate(first.getId(), null);

    assertThat(SEEN).extracting(Seen::event).containsOnly("update");
    assertThat(SEEN).extracting(Seen::answer).containsExactly(
        Optional.of(new TaskChanges.DueDateChange(MAY, DECEMBER)), Optional.empty(), Optional.empty(),
        Optional.of(new TaskChanges.DueDateChange(DECEMBER, MAY)),
        Optional.of(new TaskChanges.DueDateChange(MAY, null)));
  }

  private static Task task(String rootId, String key) {
    return tasks.createTaskQuery().processInstanceId(rootId).taskDefinitionKey(key).singleResult();
  }
}
