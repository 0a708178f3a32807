package org.hldprep.board;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.hldprep.cycle.CycleStatus;
import org.hldprep.engine.EngineTables;
import org.hldprep.process.MarkLateDelegate;
import org.hldprep.process.RecordOutcomeListener;
import org.hldprep.process.hldpreparation.HldPreparationProcess;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads one cycle from the engine's runtime and history in a bounded number of queries, whatever the
 * number of countries: one query per kind of data (chunked by {@value #CHUNK} ids where a list of ids
 * is sent), never one per country. Generic over the models: a cycle is the {@code hld-preparation}
 * instance with the cycle's business key, its tracks are every process instance below it (children,
 * grandchildren), told apart by process definition key. The master itself is read by the cycle's own
 * {@link org.hldprep.cycle.CycleStatusReader}.
 *
 * <p>Reads everything it is asked for: the caller checks the reader's rights first and runs it as the
 * engine (see {@link ProgressService}).
 */
class CycleReader {

  static final String OUTCOME = RecordOutcomeListener.OUTCOME;
  static final String LATE = MarkLateDelegate.LATE;
  static final String COUNTRY_CODE = "countryCode";
  static final String REGIONAL_OFFICE = "regionalOffice";
  /** Ids per IN list: well below every database's limit on bind parameters. */
  static final int CHUNK = 500;
  /** Process variables of a track instance that the board reads. */
  static final List<String> ITEM_VARIABLES = List.of(OUTCOME, LATE, COUNTRY_CODE, REGIONAL_OFFICE);
  /** Unfinished activities that are not a step of their own: the tracks they call are items themselves. */
  private static final Set<String> NOT_A_STEP = Set.of("multiInstanceBody", "subProcess", "callActivity",
      "parallelGateway", "inclusiveGateway", "exclusiveGateway", "transaction");

  private final HistoryService historyService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final JdbcTemplate jdbc;

  CycleReader(HistoryService historyService, TaskService taskService, ManagementService managementService,
      JdbcTemplate jdbc) {
    this.historyService = historyService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.jdbc = jdbc;
  }

  /** One process instance of the cycle with the process-level variables the board reads. */
  record Item(String processInstanceId, String superProcessInstanceId, String businessKey, String definitionKey,
      String definitionName, Date start, Date end, String startUserId, Map<String, Object> variables) {

    boolean running() {
      return end == null;
    }

    Object variable(String name) {
      return variables.get(name);
    }

    String state() {
      return running() ? CycleStatus.RUNNING : CycleStatus.ENDED;
    }

    /** The outcome it recorded, "none" if it has none. */
    String outcome() {
      Object outcome = variables.get(OUTCOME);
      return outcome == null ? "none" : outcome.toString();
    }

    boolean markedLate() {
      Object late = variables.get(LATE);
      return Boolean.TRUE.equals(late) || "true".equals(String.valueOf(late));
    }

    /** Its business key without the cycle's prefix (PHL, council-joint-statement): the code of its timeline. */
    String code(String cycle) {
      if (businessKey == null) {
        return processInstanceId;
      }
      return businessKey.startsWith(cycle + "-") ? businessKey.substring(cycle.length() + 1) : businessKey;
    }
  }

  /** An open user task with who holds it. */
  record OpenTask(String id, String processInstanceId, String name, String activityId, Date created, Date due,
      String assignee, List<String> candidateGroups) {

    /** Its assignee, if any, then its candidate groups. */
    List<String> heldBy() {
      List<String> held = new ArrayList<>();
      if (assignee != null) {
        held.add(assignee);
      }
      held.addAll(candidateGroups);
      return held;
    }
  }

  /** Where an instance stands: an open task or an activity waiting for a timer, a message or an answer. */
  record Position(String processInstanceId, String activityId, String name, String activityType, Date since,
      OpenTask task) {
  }

  /** The cycle as read: its status, the master, every instance below it, where each stands. */
  record Snapshot(CycleStatus status, Item master, List<Item> items, Map<String, List<Position>> positions) {

    List<Position> positionsOf(String processInstanceId) {
      return positions.getOrDefault(processInstanceId, List.of());
    }
  }

  /** What happened in some instances of a cycle: activities, user operations, documents linked. */
  record History(List<HistoricActivityInstance> activities, List<UserOperationLogEntry> operations,
      List<HistoricDetail> documents, Map<String, OpenTask> openTasks) {
  }

  /**
   * Process-level variables of these instances with these names (all names when {@code names} is
   * empty). Values kept in byte arrays (JSON, serialized objects) cost one statement each: ask for
   * names of plain values where many instances are read.
   */
  Map<String, Map<String, Object>> variables(Collection<String> processInstanceIds, List<String> names) {
    Map<String, Map<String, Object>> byInstance = new LinkedHashMap<>();
    for (List<String> chunk : chunks(processInstanceIds)) {
      var query = historyService.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(chunk.toArray(String[]::new)).disableCustomObjectDeserialization();
      if (!names.isEmpty()) {
        query.variableNameIn(names.toArray(String[]::new));
      }
      for (HistoricVariableInstance variable : query.list()) {
        // Process-level only: a multi-instance's local variables (e.g. each synthesis's regionalOffice)
        // do not describe the instance.
        Object value = value(variable);
        if (variable.getProcessInstanceId().equals(variable.getExecutionId()) && value != null) {
          byInstance.computeIfAbsent(variable.getProcessInstanceId(), k -> new LinkedHashMap<>())
              .put(variable.getName(), value);
        }
      }
    }
    return byInstance;
  }

  /** A plain value as it is; a JSON or serialized object as its text (never deserialized into classes). */
  private static Object value(HistoricVariableInstance variable) {
    TypedValue typed = variable.getTypedValue();
    if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    return typed == null ? null : typed.getValue();
  }

  /** Every instance below the master (children, grandchildren), without their variables. */
  List<HistoricProcessInstance> descendants(String masterId) {
    List<HistoricProcessInstance> all = new ArrayList<>();
    int page = 1000;
    for (int first = 0;; first += page) {
      List<HistoricProcessInstance> batch = historyService.createHistoricProcessInstanceQuery()
          .rootProcessInstanceId(masterId).orderByProcessInstanceStartTime().asc().orderByProcessInstanceId().asc()
          .listPage(first, page);
      batch.stream().filter(p -> !p.getId().equals(masterId)).forEach(all::add);
      if (batch.size() < page) {
        return all;
      }
    }
  }

  /** The instances below the master whose business key is exactly this one. */
  List<HistoricProcessInstance> descendants(String masterId, String businessKey) {
    return historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(masterId)
        .processInstanceBusinessKey(businessKey).orderByProcessInstanceStartTime().asc().listPage(0, 100).stream()
        .filter(p -> !p.getId().equals(masterId)).toList();
  }

  Item item(HistoricProcessInstance instance, Map<String, Map<String, Object>> variables) {
    return new Item(instance.getId(), instance.getSuperProcessInstanceId(), instance.getBusinessKey(),
        instance.getProcessDefinitionKey(), instance.getProcessDefinitionName(), instance.getStartTime(),
        instance.getEndTime(), instance.getStartUserId(), variables.getOrDefault(instance.getId(), Map.of()));
  }

  /** The whole cycle in a bounded number of queries, from its status (which names the master). */
  Snapshot snapshot(CycleStatus status) {
    String masterId = status.processInstanceId();
    List<HistoricProcessInstance> descendants = descendants(masterId);
    Map<String, Map<String, Object>> itemVariables = variables(
        descendants.stream().map(HistoricProcessInstance::getId).toList(), ITEM_VARIABLES);
    // The master's own tasks belong to no country or region of their own: it carries no item variables.
    Item master = new Item(masterId, null, status.cycle(), HldPreparationProcess.KEY, null, status.startTime(),
        status.endTime(), null, Map.of());
    List<Item> items = descendants.stream().map(d -> item(d, itemVariables)).toList();

    List<String> running = new ArrayList<>();
    if (master.running()) {
      running.add(masterId);
    }
    items.stream().filter(Item::running).map(Item::processInstanceId).forEach(running::add);
    Map<String, OpenTask> tasks = openTasks(running);
    Map<String, List<Position>> positions = new LinkedHashMap<>();
    if (!running.isEmpty()) {
      for (HistoricActivityInstance activity : unfinishedActivities(masterId)) {
        if (NOT_A_STEP.contains(activity.getActivityType())) {
          continue;
        }
        OpenTask task = activity.getTaskId() == null ? null : tasks.get(activity.getTaskId());
        positions.computeIfAbsent(activity.getProcessInstanceId(), k -> new ArrayList<>())
            .add(new Position(activity.getProcessInstanceId(), activity.getActivityId(),
                activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName(),
                activity.getActivityType(), activity.getStartTime(), task));
      }
    }
    return new Snapshot(status, master, items, positions);
  }

  /** Unfinished activities of the whole tree under the master: one native query on its root id. */
  private List<HistoricActivityInstance> unfinishedActivities(String masterId) {
    String table = managementService.getTableName(HistoricActivityInstance.class);
    return historyService.createNativeHistoricActivityInstanceQuery()
        .sql("SELECT * FROM " + table + " WHERE ROOT_PROC_INST_ID_ = #{root} AND END_TIME_ IS NULL"
            + " ORDER BY START_TIME_, ID_")
        .parameter("root", masterId).list();
  }

  /** Open user tasks of these instances, with their candidate groups, by task id. */
  Map<String, OpenTask> openTasks(Collection<String> processInstanceIds) {
    List<Task> tasks = new ArrayList<>();
    for (List<String> chunk : chunks(processInstanceIds)) {
      tasks.addAll(taskService.createTaskQuery().processInstanceIdIn(chunk.toArray(String[]::new))
          .orderByTaskCreateTime().asc().list());
    }
    Map<String, List<String>> groups = candidateGroups(tasks.stream().map(Task::getId).toList());
    return tasks.stream().collect(Collectors.toMap(Task::getId,
        t -> new OpenTask(t.getId(), t.getProcessInstanceId(), t.getName(), t.getTaskDefinitionKey(),
            t.getCreateTime(), t.getDueDate(), t.getAssignee(), groups.getOrDefault(t.getId(), List.of())),
        (a, b) -> a, LinkedHashMap::new));
  }

  /**
   * Candidate groups of many tasks at once. The engine's API gives them one task at a time
   * ({@code getIdentityLinksForTask}), which would be one query per country; its identity link table
   * is read directly instead, read-only, by the table name the engine reports (prefix included).
   */
  private Map<String, List<String>> candidateGroups(List<String> taskIds) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    String table = EngineTables.identityLinks(managementService);
    for (List<String> chunk : chunks(taskIds)) {
      String marks = chunk.stream().map(id -> "?").collect(Collectors.joining(","));
      List<Object> arguments = new ArrayList<>();
      arguments.add(IdentityLinkType.CANDIDATE);
      arguments.addAll(chunk);
      jdbc.query("SELECT TASK_ID_, GROUP_ID_ FROM " + table + " WHERE TYPE_ = ? AND GROUP_ID_ IS NOT NULL"
          + " AND TASK_ID_ IN (" + marks + ") ORDER BY GROUP_ID_", rs -> {
            groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
          }, arguments.toArray());
    }
    return groups;
  }

  /** The history of a few instances (one country's or one track's): a handful of queries per instance. */
  History history(List<Item> items) {
    List<HistoricActivityInstance> activities = new ArrayList<>();
    List<UserOperationLogEntry> operations = new ArrayList<>();
    for (Item item : items) {
      activities.addAll(historyService.createHistoricActivityInstanceQuery()
          .processInstanceId(item.processInstanceId()).orderByHistoricActivityInstanceStartTime().asc()
          .orderPartiallyByOccurrence().asc().list());
      operations.addAll(historyService.createUserOperationLogQuery().processInstanceId(item.processInstanceId())
          .orderByTimestamp().asc().list());
    }
    List<String> ids = items.stream().map(Item::processInstanceId).toList();
    List<HistoricDetail> documents = ids.isEmpty()
        ? List.of()
        : historyService.createHistoricDetailQuery()
            .processInstanceIdIn(ids.toArray(String[]::new)).variableUpdates().variableNameLike("%Link")
            .orderByTime().asc().list();
    List<String> running = items.stream().filter(Item::running).map(Item::processInstanceId).toList();
    return new History(activities, operations, documents, openTasks(running));
  }

  static <T> List<List<T>> chunks(Collection<T> values) {
    List<T> list = List.copyOf(values);
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < list.size(); i += CHUNK) {
      chunks.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
    }
    return chunks;
  }

  static <K, V> Map<K, V> index(Collection<V> values, Function<V, K> key) {
    return values.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }
}
