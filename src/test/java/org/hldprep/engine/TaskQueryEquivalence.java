package org.hldprep.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The data set and the queries with which the semi-join task query is compared with Camunda's own: the
 * same query, as the same caller, must give the same tasks in the same order, and the same count.
 *
 * <p>The data holds what decides visibility: per-task grants the engine creates for candidate groups,
 * candidate users and assignees (several groups per task, so that joins repeat rows); group and user
 * grants on a process definition key (READ_TASK, and READ that must not show tasks); user grants on one
 * task (READ, and UPDATE alone that must not show it); {@code '*'} grants on tasks and on definitions;
 * a global grant to everyone; revokes (ignored with revoke checks off, applied with them on); the
 * administrators' ALL on {@code '*'}; standalone tasks without a process definition; two versions of a
 * definition; and the oddities of Camunda's join that the semi-join keeps (a TASK grant whose resource
 * id is a definition key, a PROCESS_DEFINITION grant whose resource id is a task id).
 */
final class TaskQueryEquivalence {

  record Caller(String userId, List<String> groups) {
  }

  record DataSet(String prefix, List<Caller> callers, String keyA, String keyB, String keyC, List<String> taskIds,
      List<String> standaloneTaskIds) {
    String group(String name) {
      return prefix + "-" + name;
    }
  }

  private static final int INSTANCES_PER_MODEL = 12;
  private static final int STANDALONE_TASKS = 6;
  private static final String RANK = "rank";
  /** More than the data set holds; an explicit page, as the application refuses unbounded lists. */
  private static final int ALL = 1000;

  private TaskQueryEquivalence() {
  }

  /** Creates the data through {@code engine} (no caller authenticated); ids start with {@code prefix}. */
  static DataSet create(ProcessEngine engine, String prefix) {
    String keyA = prefix + "-a";
    String keyB = prefix + "-b";
    String keyC = prefix + "-c";
    String g1 = prefix + "-g1";
    String g2 = prefix + "-g2";
    String g3 = prefix + "-g3";
    String ann = prefix + "-ann";
    String dee = prefix + "-dee";
    deploy(engine, keyA, Bpmn.createExecutableProcess(keyA).camundaHistoryTimeToLive(1).startEvent()
        .userTask("task").name("A").camundaCandidateGroups(g1 + "," + g2).endEvent().done());
    deploy(engine, keyB, Bpmn.createExecutableProcess(keyB).camundaHistoryTimeToLive(1).startEvent()
        .userTask("task").name("B").camundaCandidateUsers(ann).camundaCandidateGroups(g3).endEvent().done());
    deploy(engine, keyC, Bpmn.createExecutableProcess(keyC).camundaHistoryTimeToLive(1).startEvent()
        .userTask("task").name("C").endEvent().done());

    TaskService tasks = engine.getTaskService();
    List<String> taskIds = new ArrayList<>();
    List<String> standalone = new ArrayList<>();
    long base = 1_600_000_000_000L; // fixed, in the past: create times are distinct and ordered
    int n = 0;
    try {
      for (int i = 0; i < INSTANCES_PER_MODEL; i++) {
        for (String key : List.of(keyA, keyB, keyC)) {
          if (key.equals(keyA) && i == INSTANCES_PER_MODEL / 2) {
            // a second version of A: its tasks share the key, not the definition id
            deploy(engine, keyA, Bpmn.createExecutableProcess(keyA).camundaHistoryTimeToLive(1).startEvent()
                .userTask("task").name("A2").camundaCandidateGroups(g1).endEvent().done());
          }
          ClockUtil.setCurrentTime(new Date(base + 60_000L * n++));
          String instance = engine.getRuntimeService().startProcessInstanceByKey(key,
              Variables.createVariables().putValue(RANK, (i * 7) % INSTANCES_PER_MODEL)).getId();
          taskIds.add(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
        }
      }
      for (int i = 0; i < STANDALONE_TASKS; i++) {
        ClockUtil.setCurrentTime(new Date(base + 60_000L * n++));
        Task task = tasks.newTask();
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), i % 2 == 0 ? g1 : g3);
        taskIds.add(task.getId());
        standalone.add(task.getId());
      }
    } finally {
      ClockUtil.reset();
    }
    // Distinct names, priorities and due dates: every sorting below is a total order.
    for (int i = 0; i < taskIds.size(); i++) {
      Task task = tasks.createTaskQuery().taskId(taskIds.get(i)).singleResult();
      task.setName(prefix + " task " + String.format("%03d", (i * 17) % taskIds.size()));
      task.setPriority(1000 + (i * 31) % taskIds.size());
      task.setDueDate(new Date(base + 86_400_000L * ((i * 11) % taskIds.size())));
      tasks.saveTask(task);
    }
    // Assignments (each creates a user grant on the task) and a suspended instance.
    tasks.claim(taskIds.get(0), ann);
    tasks.claim(taskIds.get(4), dee);
    tasks.setAssignee(taskIds.get(9), ann);
    engine.getRuntimeService().suspendProcessInstanceById(
        tasks.createTaskQuery().taskId(taskIds.get(3)).singleResult().getProcessInstanceId());

    AuthorizationService auth = engine.getAuthorizationService();
    String gDef = prefix + "-g-def";
    String gStar = prefix + "-g-star";
    String gOdd = prefix + "-g-odd";
    String gReadDef = prefix + "-g-read-def";
    grantGroup(auth, gDef, Resources.PROCESS_DEFINITION, keyB, Permissions.READ_TASK);
    grantGroup(auth, gReadDef, Resources.PROCESS_DEFINITION, keyC, Permissions.READ); // not READ_TASK: no task
    grantGroup(auth, gStar, Resources.TASK, ANY, Permissions.READ);
    grantGroup(auth, gOdd, Resources.TASK, keyC, Permissions.READ); // a task grant on a definition key
    grantGroup(auth, gOdd, Resources.PROCESS_DEFINITION, taskIds.get(5), Permissions.READ_TASK); // and the reverse
    grantUser(auth, prefix + "-tess", Resources.TASK, taskIds.get(7), Permissions.READ);
    grantUser(auth, prefix + "-ulla", Resources.TASK, taskIds.get(8), Permissions.UPDATE); // no READ: hidden
    grantUser(auth, prefix + "-stan", Resources.PROCESS_DEFINITION, ANY, Permissions.READ_TASK);
    Authorization global = auth.createNewAuthorization(AUTH_TYPE_GLOBAL);
    global.setUserId(ANY);
    save(auth, global, Resources.TASK, taskIds.get(10), Permissions.READ);
    Authorization revoke = auth.createNewAuthorization(AUTH_TYPE_REVOKE);
    revoke.setGroupId(g2);
    revoke(auth, revoke, Resources.TASK, taskIds.get(1), Permissions.READ);
    Authorization revokeUser = auth.createNewAuthorization(AUTH_TYPE_REVOKE);
    revokeUser.setUserId(prefix + "-eve");
    revoke(auth, revokeUser, Resources.TASK, taskIds.get(2), Permissions.READ);
    if (auth.createAuthorizationQuery().groupIdIn("camunda-admin").resourceType(Resources.TASK).resourceId(ANY)
        .count() == 0) {
      grantGroup(auth, "camunda-admin", Resources.TASK, ANY, Permissions.ALL);
      grantGroup(auth, "camunda-admin", Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
    }

    List<Caller> callers = List.of(
        new Caller(prefix + "-admin", List.of("camunda-admin")),
        new Caller(ann, List.of(g1)),
        new Caller(prefix + "-bob", List.of(g2, gDef)),
        new Caller(prefix + "-cid", List.of(g1, g2, g3)),
        new Caller(dee, List.of()),
        new Caller(prefix + "-eve", List.of(gStar, g3)),
        new Caller(prefix + "-fay", List.of(gOdd, gReadDef)),
        new Caller(prefix + "-tess", List.of(prefix + "-g-unknown")),
        new Caller(prefix + "-ulla", List.of()),
        new Caller(prefix + "-stan", List.of(g2)),
        new Caller(prefix + "-nobody", List.of(prefix + "-g-none")));
    return new DataSet(prefix, callers, keyA, keyB, keyC, taskIds, standalone);
  }

  /** Removes what {@link #create} made: deployments with their instances, tasks, grants. */
  static void delete(ProcessEngine engine, DataSet data) {
    engine.getRepositoryService().createDeploymentQuery().deploymentNameLike(data.prefix() + "-%").list()
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
    data.standaloneTaskIds().forEach(id -> engine.getTaskService().deleteTask(id, true));
    AuthorizationService auth = engine.getAuthorizationService();
    for (Authorization authorization : auth.createAuthorizationQuery().list()) {
      boolean ours = startsWith(authorization.getGroupId(), data.prefix() + "-")
          || startsWith(authorization.getUserId(), data.prefix() + "-")
          || data.taskIds().contains(authorization.getResourceId());
      if (ours) {
        auth.deleteAuthorization(authorization.getId());
      }
    }
  }

  private static boolean startsWith(String value, String prefix) {
    return value != null && value.startsWith(prefix);
  }

  /**
   * The queries compared: what Tasklist and the REST API send (sorted pages, the candidate-group filter
   * with its count), filters that join identity links or executions, or-queries, suspension, variable
   * filters and sorting by a variable. {@code restrict} narrows each query to this data set's tasks
   * (the integration test's database holds other tests' tasks too); it does not touch authorization.
   */
  static Map<String, Function<TaskQuery, Object>> queries(DataSet data, Caller caller) {
    Map<String, Function<TaskQuery, Object>> queries = new LinkedHashMap<>();
    queries.put("all, default order", q -> ids(q.listPage(0, ALL)));
    queries.put("count", TaskQuery::count);
    queries.put("created desc, page 1", q -> ids(q.orderByTaskCreateTime().desc().listPage(0, 15)));
    queries.put("created desc, page 2", q -> ids(q.orderByTaskCreateTime().desc().listPage(15, 15)));
    queries.put("created asc, offset 5", q -> ids(q.orderByTaskCreateTime().asc().listPage(5, 7)));
    queries.put("due date asc, page", q -> ids(q.orderByDueDate().asc().listPage(3, 10)));
    queries.put("priority desc, name",
        q -> ids(q.orderByTaskPriority().desc().orderByTaskName().asc().listPage(0, ALL)));
    queries.put("name case-insensitive", q -> ids(q.orderByTaskNameCaseInsensitive().asc().listPage(0, 20)));
    queries.put("by process variable, priority", q -> ids(q.orderByProcessVariable(RANK, ValueType.INTEGER).asc()
        .orderByTaskPriority().asc().listPage(0, 25)));
    queries.put("my groups incl. assigned (Tasklist filter)", q -> ids(q.taskCandidateGroupIn(groupsOrNone(caller))
        .includeAssignedTasks().active().orderByTaskCreateTime().desc().listPage(0, 15)));
    queries.put("my groups incl. assigned, count", q -> q.taskCandidateGroupIn(groupsOrNone(caller))
        .includeAssignedTasks().active().count());
    queries.put("candidate group g1",
        q -> ids(q.taskCandidateGroup(data.group("g1")).orderByDueDate().desc().listPage(0, ALL)));
    queries.put("candidate group g1, count", q -> q.taskCandidateGroup(data.group("g1")).count());
    queries.put("candidate user ann",
        q -> ids(q.taskCandidateUser(data.prefix() + "-ann").orderByTaskId().asc().listPage(0, ALL)));
    queries.put("involved ann",
        q -> ids(q.taskInvolvedUser(data.prefix() + "-ann").orderByTaskId().asc().listPage(0, ALL)));
    queries.put("definition key B",
        q -> ids(q.processDefinitionKey(data.keyB()).orderByTaskCreateTime().desc().listPage(0, ALL)));
    queries.put("definition keys A, C, count", q -> q.processDefinitionKeyIn(data.keyA(), data.keyC()).count());
    queries.put("business key like",
        q -> ids(q.processInstanceBusinessKeyLike("%").orderByTaskId().asc().listPage(0, ALL)));
    queries.put("or: group g2 or assignee ann", q -> ids(q.or().taskCandidateGroup(data.group("g2"))
        .taskAssignee(data.prefix() + "-ann").endOr().orderByTaskCreateTime().desc().listPage(0, ALL)));
    queries.put("or: count", q -> q.or().taskCandidateGroup(data.group("g3")).taskAssignee(data.prefix() + "-dee")
        .endOr().count());
    queries.put("active", q -> ids(q.active().orderByTaskCreateTime().desc().listPage(0, 15)));
    queries.put("suspended, count", q -> q.suspended().count());
    queries.put("unassigned", q -> ids(q.taskUnassigned().orderByDueDate().asc().listPage(0, ALL)));
    queries.put("assigned, count", q -> q.taskAssigned().count());
    queries.put("with candidate groups",
        q -> ids(q.withCandidateGroups().orderByTaskCreateTime().asc().listPage(0, ALL)));
    queries.put("without candidate groups",
        q -> ids(q.withoutCandidateGroups().orderByTaskCreateTime().asc().listPage(0, ALL)));
    queries.put("process variable rank = 3",
        q -> ids(q.processVariableValueEquals(RANK, 3).orderByTaskId().asc().listPage(0, ALL)));
    queries.put("name like, count", q -> q.taskNameLike(data.prefix() + " task 0%").count());
    return queries;
  }

  /**
   * Runs every query as every caller through both engines and asserts identical results; returns how
   * many callers saw at least one task (so that a test can tell the data was not all hidden).
   */
  static int assertSameResults(ProcessEngine stock, ProcessEngine candidate, DataSet data,
      Function<TaskQuery, TaskQuery> restrict) {
    int callersWithTasks = 0;
    for (Caller caller : data.callers()) {
      for (Map.Entry<String, Function<TaskQuery, Object>> query : queries(data, caller).entrySet()) {
        Object expected = run(stock, caller, restrict, query.getValue());
        Object actual = run(candidate, caller, restrict, query.getValue());
        assertThat(actual).as("%s as %s %s", query.getKey(), caller.userId(), caller.groups()).isEqualTo(expected);
      }
      Object all = run(stock, caller, restrict, TaskQuery::count);
      callersWithTasks += ((Long) all) > 0 ? 1 : 0;
    }
    return callersWithTasks;
  }

  /** How many tasks the caller sees through {@code engine}. */
  static long visible(ProcessEngine engine, Caller caller, Function<TaskQuery, TaskQuery> restrict) {
    return (Long) run(engine, caller, restrict, TaskQuery::count);
  }

  private static Object run(ProcessEngine engine, Caller caller, Function<TaskQuery, TaskQuery> restrict,
      Function<TaskQuery, Object> query) {
    engine.getIdentityService().setAuthentication(caller.userId(), caller.groups());
    try {
      return query.apply(restrict.apply(engine.getTaskService().createTaskQuery()));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static List<String> groupsOrNone(Caller caller) {
    return caller.groups().isEmpty() ? List.of("no-such-group") : caller.groups();
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }

  private static void deploy(ProcessEngine engine, String key, BpmnModelInstance model) {
    engine.getRepositoryService().createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
  }

  private static void grantGroup(AuthorizationService auth, String group, Resource resource, String id,
      Permission permission) {
    Authorization grant = auth.createNewAuthorization(AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    save(auth, grant, resource, id, permission);
  }

  private static void grantUser(AuthorizationService auth, String user, Resource resource, String id,
      Permission permission) {
    Authorization grant = auth.createNewAuthorization(AUTH_TYPE_GRANT);
    grant.setUserId(user);
    save(auth, grant, resource, id, permission);
  }

  /** A revoke holds every permission but the revoked ones. */
  private static void revoke(AuthorizationService auth, Authorization authorization, Resource resource, String id,
      Permission permission) {
    authorization.setResource(resource);
    authorization.setResourceId(id);
    authorization.removePermission(permission);
    auth.saveAuthorization(authorization);
  }

  private static void save(AuthorizationService auth, Authorization authorization, Resource resource, String id,
      Permission permission) {
    authorization.setResource(resource);
    authorization.setResourceId(id);
    authorization.addPermission(permission);
    auth.saveAuthorization(authorization);
  }
}
