package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.hldprep.security.DemoUsers;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.QuickCycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The authorization matrix over every task kind: each user task of each of the nine models, created in a
 * running cycle (as an administrator moves a process with Cockpit's modification), then tried over REST by
 * every demo office or unit outside the task's candidate groups. None of them may see the task (alone or
 * in a list), claim it for themselves, complete it, comment on it or attach to it, or read its variables,
 * form variables, comments or attachments; afterwards the task is as it was (no assignee, owner, comment
 * or attachment). The members of the task's groups see it, so the check is not vacuous, and one of them
 * reads through it only the fields of its Camunda Form.
 *
 * <p>The task kinds are read from the models themselves (classpath {@code processes/*.bpmn}): a user task
 * added to a model is covered without touching this test, and one that cannot be created here fails it.
 */
class TaskKindMatrixIT extends PostgresIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient MULTIPART = HttpClient.newHttpClient();
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  /** Members of every group but the administrators' (who hold ALL on tasks by design). */
  private static final String ADMIN = "admin";

  /**
   * Which running instance of the cycle receives the tasks of each model: a country, RCP and Regional
   * Commission whose offices have demo users (the Philippines: co-phl and ro-bangkok; the Bali Process and
   * ESCAP: served and covered by ro-bangkok), so each routed task has an insider to see it.
   */
  private static final Map<String, String> INSTANCE_SUFFIX = Map.of(
      "hld-preparation", "", "national-consultation", "-PHL", "rcp-contribution", "-bali-process",
      "global-rcp-meeting", "-global-rcp-meeting", "council-joint-statement", "-council-joint-statement",
      "pga-outcome-input", "-pga-outcome-input", "ceb-hlcp-paper", "-ceb-hlcp-paper",
      "regional-commission-input", "-escap", "ny-roundtable", "-roundtable-");

  /**
   * Variables a task needs when it is started out of its normal path, as the step before it would have
   * left them: the master's regional synthesis runs once per Regional Office (element variable
   * regionalOffice of its multi-instance, which routes it); a reading's due date is the round deadline
   * the zero draft set, a special session's the notice date the endorsement route set.
   */
  private static final Map<String, Map<String, Object>> START_VARIABLES = Map.of(
      "Task_WriteRegionalSynthesis", Map.of("regionalOffice", "ro-bangkok"),
      "Task_CommentOnStatementDraft", Map.of("readingDeadline", LocalDate.now().plusMonths(6).toString()),
      "Task_ConveneSpecialSession", Map.of("noticeDate", LocalDate.now().plusMonths(6).toString()));

  /**
   * Task kinds that cannot be created by process instance modification in a running cycle, each with the
   * precise reason. Empty: every user task of every model is covered.
   */
  private static final Map<String, String> NOT_CREATED = Map.of();

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;

  private final List<String> masters = new ArrayList<>();
  private final Map<String, Http> clients = new LinkedHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();

  @AfterEach
  void deleteTheCycle() {
    for (String master : masters) {
      runtimeService.deleteProcessInstanceIfExists(master, "TaskKindMatrixIT finished", true, true, true, false);
    }
  }

  @Test
  void noOfficeOutsideATasksGroupsCanSeeClaimCompleteCommentOnOrReadIt() throws Exception {
    long started = System.currentTimeMillis();
    Map<String, List<TaskKind>> kinds = taskKinds();
    assertThat(kinds.keySet()).as("the nine process models").hasSize(9)
        .containsExactlyInAnyOrderElementsOf(INSTANCE_SUFFIX.keySet());

    QuickCycle cycle = QuickCycle.unique("HLDKINDS", "PHL", "KEN");
    Map<String, Object> request = new LinkedHashMap<>(cycle.startRequest());
    request.put("rcps", List.of("bali-process"));
    Http.Response start = Http.as(port, "hld-coordinator").post("/api/cycles", request);
    assertThat(start.status()).as(start.body()).isEqualTo(201);
    String master = start.json().get("processInstanceId").asText();
    masters.add(master);
    Map<String, String> instances = awaitInstances(cycle.name());

    // Every task kind, created where it lives; what cannot be created is listed, never skipped.
    Map<String, Created> created = new TreeMap<>();
    Map<String, String> failures = new TreeMap<>();
    for (Map.Entry<String, List<TaskKind>> model : kinds.entrySet()) {
      for (TaskKind kind : model.getValue()) {
        if (NOT_CREATED.containsKey(kind.label())) {
          continue;
        }
        try {
          created.put(kind.label(), create(kind, instances.get(kind.processKey())));
        } catch (RuntimeException | AssertionError e) {
          failures.put(kind.label(), e.toString());
        }
      }
    }
    assertThat(failures).as("task kinds that could not be created (fix the test or list them in NOT_CREATED"
        + " with the reason)").isEmpty();

    DemoUsers.USERS.keySet().forEach(user -> clients.put(user, Http.as(port, user)));
    List<String> holes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Created task : created.values()) {
        holes.addAll(check(task, pool, notes));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(holes).as("what an office or unit outside a task's groups could do with it").isEmpty();

    Map<String, Long> perProcess = new TreeMap<>();
    created.values().forEach(t -> perProcess.merge(t.kind().processKey(), 1L, Long::sum));
    System.out.printf("TaskKindMatrixIT: %d task kinds (%s), %d REST calls, %d s%s%n", created.size(), perProcess,
        calls.get(), (System.currentTimeMillis() - started) / 1000, notes.isEmpty() ? "" : "; " + notes);
    assertThat(created.size() + NOT_CREATED.size()).as("task kinds covered or explained")
        .isEqualTo(kinds.values().stream().mapToInt(List::size).sum());
  }

  // ---------------------------------------------------------------------------------------------------
  // The checks

  private List<String> check(Created task, ExecutorService pool, List<String> notes) throws Exception {
    String id = task.taskId();
    String label = task.kind().label();
    Set<String> groups = new TreeSet<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(id)) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        assertThat(link.getGroupId()).as(label + ": a candidate that is not a group: " + link.getUserId()).isNotNull();
        groups.add(link.getGroupId());
      }
    }
    assertThat(groups).as(label + " is routed to some group").isNotEmpty();
    List<String> insiders = new ArrayList<>();
    List<String> outsiders = new ArrayList<>();
    DemoUsers.USERS.forEach((user, details) -> {
      if (!ADMIN.equals(user)) {
        (groups.contains(details.get(2)) ? insiders : outsiders).add(user);
      }
    });
    Task before = taskService.createTaskQuery().taskId(id).singleResult();
    assertThat(before.getAssignee()).as(label + " assignee").isNull();
    assertThat(before.getOwner()).as(label + " owner").isNull();
    assertThat(taskService.getTaskComments(id)).as(label + " comments").isEmpty();
    assertThat(taskService.getTaskAttachments(id)).as(label + " attachments").isEmpty();

    List<String> holes = new ArrayList<>();
    // Someone inside sees it and reads its form's fields through it, nothing more.
    if (insiders.isEmpty()) {
      notes.add(label + ": no demo user in " + groups);
    } else {
      for (String insider : insiders) {
        Http.Response seen = call(insider).get("/engine-rest/task/" + id);
        assertThat(seen.status()).as(label + " seen by " + insider + ": " + seen.body()).isEqualTo(200);
      }
      String insider = insiders.get(0);
      for (String read : List.of("variables", "form-variables")) {
        Http.Response values = call(insider).get("/engine-rest/task/" + id + "/" + read);
        assertThat(values.status()).as(label + " " + read + " read by " + insider + ": " + values.body())
            .isEqualTo(200);
        Set<String> names = new TreeSet<>();
        values.json().fieldNames().forEachRemaining(names::add);
        assertThat(names).as(label + ": " + read + " read by " + insider + " through form " + task.kind().formRef())
            .isSubsetOf(task.kind().fields());
      }
    }

    // Nobody outside does anything with it.
    List<Future<List<String>>> answers = new ArrayList<>();
    for (String outsider : outsiders) {
      answers.add(pool.submit(() -> attempts(label, id, outsider)));
    }
    for (Future<List<String>> answer : answers) {
      holes.addAll(answer.get());
    }
    Task after = taskService.createTaskQuery().taskId(id).singleResult();
    if (after == null) {
      holes.add(label + ": the task is gone (completed or deleted) after the outsiders' attempts");
    } else {
      if (after.getAssignee() != null || after.getOwner() != null || after.getDelegationState() != null) {
        holes.add(label + ": assignee " + after.getAssignee() + ", owner " + after.getOwner() + " after the attempts");
      }
      if (!taskService.getTaskAttachments(id).isEmpty()) {
        holes.add(label + ": attachments added by outsiders: " + taskService.getTaskAttachments(id).stream()
            .map(a -> a.getName() + " " + a.getUrl()).toList());
      }
      if (!taskService.getTaskComments(id).isEmpty()) {
        holes.add(label + ": comments added by outsiders: " + taskService.getTaskComments(id).stream()
            .map(c -> c.getUserId() + " '" + c.getFullMessage() + "'").toList());
      }
    }
    return holes;
  }

  /** Every call an outsider might try; each answer that is not a refusal is a hole. */
  private List<String> attempts(String label, String id, String user) {
    Http http = clients.get(user);
    String task = "/engine-rest/task/" + id;
    List<String> holes = new ArrayList<>();
    refused(holes, label, user, "GET " + task, http.get(task));
    Http.Response listed = http.get("/engine-rest/task?maxResults=10&taskId=" + id);
    if (listed.status() != 200 || !listed.json().isArray() || !listed.json().isEmpty()) {
      holes.add(label + ": " + user + " GET /engine-rest/task?taskId= -> " + listed);
    }
    refused(holes, label, user, "POST claim", http.post(task + "/claim", Map.of("userId", user)));
    refused(holes, label, user, "POST complete", http.post(task + "/complete", Map.of()));
    refused(holes, label, user, "POST comment/create", http.post(task + "/comment/create", Map.of("message", "x")));
    refused(holes, label, user, "GET variables", http.get(task + "/variables"));
    refused(holes, label, user, "GET form-variables", http.get(task + "/form-variables"));
    for (String list : List.of("comment", "attachment")) {
      Http.Response read = http.get(task + "/" + list);
      boolean emptyList = read.status() == 200 && read.json().isArray() && read.json().isEmpty();
      if (!emptyList && read.status() != 403 && read.status() != 404) {
        holes.add(label + ": " + user + " GET " + list + " -> " + read.status() + " " + shorten(read.body()));
      }
    }
    refused(holes, label, user, "POST attachment/create", attach(user, id));
    calls.addAndGet(10);
    return holes;
  }

  /** {@code POST /task/{id}/attachment/create}, a link as Tasklist or a script would send it (multipart). */
  private Http.Response attach(String user, String taskId) {
    String boundary = "----matrix" + taskId;
    StringBuilder body = new StringBuilder();
    Map.of("attachment-name", "note", "attachment-type", "link", "url", "https://docs.example/x").forEach(
        (name, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
            .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId
        + "/attachment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    try {
      HttpResponse<String> answer = MULTIPART.send(request, HttpResponse.BodyHandlers.ofString());
      return new Http.Response(answer.statusCode(), answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void refused(List<String> holes, String label, String user, String what, Http.Response answer) {
    if (answer.status() != 403 && answer.status() != 404) {
      holes.add(label + ": " + user + " " + what + " -> " + answer.status() + " " + shorten(answer.body()));
    }
  }

  private Http call(String user) {
    calls.incrementAndGet();
    return clients.get(user);
  }

  private static String shorten(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  // ---------------------------------------------------------------------------------------------------
  // Creating each task kind

  /** A user task of a model: its process, id and the keys of its Camunda Form. */
  record TaskKind(String processKey, String taskId, String formRef, Set<String> fields, List<String> scopes) {
    String label() {
      return processKey + "/" + taskId;
    }
  }

  record Created(TaskKind kind, String taskId) {
  }

  /** Every user task of every model on the classpath, with its form's field keys. */
  private static Map<String, List<TaskKind>> taskKinds() throws IOException {
    Map<String, List<TaskKind>> kinds = new TreeMap<>();
    for (Resource bpmn : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
      BpmnModelInstance model;
      try (InputStream in = bpmn.getInputStream()) {
        model = Bpmn.readModelFromStream(in);
      }
      Collection<Process> processes = model.getModelElementsByType(Process.class).stream()
          .filter(Process::isExecutable).toList();
      assertThat(processes).as(bpmn.getFilename() + ": one executable process").hasSize(1);
      String processKey = processes.iterator().next().getId();
      List<TaskKind> tasks = new ArrayList<>();
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String formRef = task.getCamundaFormRef();
        assertThat(formRef).as(processKey + "/" + task.getId() + " has a Camunda Form").isNotBlank();
        tasks.add(new TaskKind(processKey, task.getId(), formRef, formFields(formRef), scopes(task)));
      }
      assertThat(kinds.put(processKey, tasks)).as("one model per process key: " + processKey).isNull();
    }
    return kinds;
  }

  /** The sub-processes around a task, innermost first. */
  private static List<String> scopes(UserTask task) {
    List<String> scopes = new ArrayList<>();
    for (ModelElementInstance parent = task.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent instanceof SubProcess subProcess) {
        scopes.add(subProcess.getId());
      }
    }
    return scopes;
  }

  private static Set<String> formFields(String formRef) {
    String path = "processes/forms/" + formRef + ".form";
    try (InputStream in = TaskKindMatrixIT.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      Set<String> keys = new TreeSet<>();
      collectKeys(JSON.readTree(in).path("components"), keys);
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component.path("components"), keys);
    }
  }

  /** The running instances of the cycle, master and children, once every child has started: key to id. */
  private Map<String, String> awaitInstances(String cycle) {
    Map<String, String> instances = new TreeMap<>();
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      instances.clear();
      List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
          .processInstanceBusinessKeyLike(cycle + "%").list();
      for (Map.Entry<String, String> wanted : INSTANCE_SUFFIX.entrySet()) {
        String key = wanted.getKey();
        running.stream()
            .filter(p -> p.getProcessDefinitionId().startsWith(key + ":"))
            .filter(p -> p.getBusinessKey().startsWith(cycle + wanted.getValue()))
            .filter(p -> !"hld-preparation".equals(key) || p.getBusinessKey().equals(cycle))
            .map(ProcessInstance::getId).sorted().findFirst().ifPresent(id -> instances.put(key, id));
      }
      assertThat(instances.keySet()).as("running instances of " + cycle)
          .containsExactlyInAnyOrderElementsOf(INSTANCE_SUFFIX.keySet());
      // Children start asynchronously: the master's jobs are done before anything is moved.
      for (ProcessInstance instance : running) {
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().count())
            .as("jobs due in " + instance.getBusinessKey()).isZero();
      }
    });
    return instances;
  }

  /**
   * Starts the task in the instance, inside the innermost of its sub-processes that is already active
   * (the first one, should a multi-instance have several), else in the instance itself (the engine then
   * creates the sub-processes around it). Returns the new task.
   */
  private Created create(TaskKind kind, String instanceId) {
    assertThat(instanceId).as("instance for " + kind.processKey()).isNotNull();
    Set<String> before = new LinkedHashSet<>(taskIds(instanceId, kind.taskId()));
    for (int attempt = 1;; attempt++) {
      try {
        ActivityInstance tree = runtimeService.getActivityInstance(instanceId);
        String ancestor = tree.getId();
        for (String scope : kind.scopes()) {
          ActivityInstance[] active = tree.getActivityInstances(scope);
          if (active.length > 0) {
            ancestor = active[0].getId();
            break;
          }
        }
        var modification = runtimeService.createProcessInstanceModification(instanceId)
            .startBeforeActivity(kind.taskId(), ancestor);
        START_VARIABLES.getOrDefault(kind.taskId(), Map.of()).forEach(modification::setVariableLocal);
        modification.execute();
        break;
      } catch (OptimisticLockingException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
    List<String> created = new ArrayList<>(taskIds(instanceId, kind.taskId()));
    created.removeAll(before);
    assertThat(created).as(kind.label() + " created in " + instanceId).hasSize(1);
    return new Created(kind, created.get(0));
  }

  private List<String> taskIds(String instanceId, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey).list().stream()
        .map(Task::getId).toList();
  }
}
