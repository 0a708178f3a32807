package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.QuickCycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Generated hostile input against the running application on PostgreSQL: malformed JSON, wrong types and
 * typed values, missing, extra and null fields, unknown codes, huge strings, injection-looking strings,
 * dates out of range, thrown at every /api endpoint, the process start endpoints and task completion with
 * each kind of form field. Each must get a 4xx with a message, never a 5xx, and leave nothing new.
 */
@JqwikSpringSupport
class HostileInputIT extends PostgresIntegrationTest {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  ManagementService managementService;

  private static String offerTask;
  /** This test's own cycle: what an attack could have left is counted there and among what began since. */
  private static String cycle;

  /** A Country Office task whose form has text, radio and date fields, kept open for every try. */
  private String offerTask() {
    if (offerTask == null || taskService.createTaskQuery().taskId(offerTask).count() == 0) {
      cycle = "HLDHOSTILE" + System.currentTimeMillis() % 1000000;
      Http.Response started = Http.as(port, "hld-coordinator").post("/api/cycles", Map.of("cycle", cycle,
          "memberStates", List.of("PHL"), "rcps", List.of("colombo-process"), "calendar", QuickCycle.futureCalendar()));
      assertThat(started.status()).as(started.body()).isEqualTo(201);
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
          .until(() -> taskService.createTaskQuery().processInstanceBusinessKey(cycle + "-PHL").count() == 1);
      offerTask = taskService.createTaskQuery().processInstanceBusinessKey(cycle + "-PHL").singleResult().getId();
      // The cycle's other children start asynchronously: wait until they have, so that the counts below
      // move only if an attack moves them.
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> runtimeService
          .createProcessInstanceQuery().processInstanceBusinessKeyLike(cycle + "%").list().stream()
          .allMatch(i -> managementService.createJobQuery().processInstanceId(i.getId()).executable().count() == 0));
    }
    return offerTask;
  }

  record Attack(String user, String method, String path, String body) {
  }

  @Property(tries = 100)
  void everyHostileRequestGetsA4xxWithAMessageAndLeavesNothing(@ForAll("attacks") Attack attack) {
    String path = attack.path().replace("{task}", offerTask());
    java.util.Date since = new java.util.Date(System.currentTimeMillis() - 1000);
    long instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(cycle + "%").count();
    long variables = cycleVariables();
    long tasks = taskService.createTaskQuery().processInstanceBusinessKeyLike(cycle + "%").count();
    long history = startedSince(since);

    Http http = Http.as(port, attack.user());
    Http.Response response = "GET".equals(attack.method()) ? http.get(path) : http.post(path, attack.body());

    assertThat(response.status()).as(attack + " -> " + response).isBetween(400, 499);
    // Tomcat itself refuses some paths (an encoded NUL or slash) before any filter, with its own page.
    String message = !response.body().startsWith("{")
        ? response.body()
        : response.json().has("detail")
            ? response.json().get("detail").asText()
            : response.json().path("message").asText();
    assertThat(message).as(attack + " -> " + response).isNotBlank();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(cycle + "%").count())
        .as(attack.toString()).isEqualTo(instances);
    assertThat(startedSince(since)).as(attack + ": instances or tasks begun").isEqualTo(history);
    assertThat(cycleVariables()).as(attack.toString()).isEqualTo(variables);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike(cycle + "%").count())
        .as(attack.toString()).isEqualTo(tasks);
    assertThat(taskService.createTaskQuery().taskId(offerTask).count()).isEqualTo(1);
  }

  /** The variables of this test's cycle, master and children. */
  private long cycleVariables() {
    String[] ids = runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(cycle + "%").list()
        .stream().map(i -> i.getId()).toArray(String[]::new);
    return runtimeService.createVariableInstanceQuery().processInstanceIdIn(ids).count();
  }

  /**
   * Root process instances and tasks outside any process begun since then: only a call can begin them
   * (the ITs run one at a time; other tests' leftovers only add children and process tasks).
   */
  private long startedSince(java.util.Date since) {
    return historyService.createHistoricProcessInstanceQuery().rootProcessInstances().startedAfter(since).count()
        + historyService.createHistoricTaskInstanceQuery().startedAfter(since).list().stream()
            .filter(t -> t.getProcessInstanceId() == null).count();
  }

  @Provide
  Arbitrary<Attack> attacks() {
    return Arbitraries.oneOf(cycleStarts(), messages(), reads(), processStarts(), completions());
  }

  /** Bad values of every kind: wrong types, nulls, unknown codes, huge, injection-looking, bad dates. */
  private static Arbitrary<String> badValue() {
    return Arbitraries.oneOf(
        Arbitraries.of("null", "42", "-1.5e300", "true", "{}", "[]", "[null]", "{\"a\":{\"b\":[1,2]}}"),
        Arbitraries.of("XYZ", "phl", "P H L", "colombo", "'; DROP TABLE act_ru_task; --", "${1+1}", "#{x}",
            "<script>alert(1)</script>", "../../etc/passwd", "\\u0000", "2013-02-30", "0000-01-01", "99999-12-31",
            "2013-13-01", "1899-12-31", "yesterday", "").map(s -> "\"" + s + "\""),
        Arbitraries.strings().ofMinLength(20_000).ofMaxLength(40_000).withChars('x', 'y').map(s -> "\"" + s + "\""),
        Arbitraries.strings().ofMaxLength(30).map(s -> com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance()
            .quoteAsString(s)).map(chars -> "\"" + new String(chars) + "\""));
  }

  private static Arbitrary<String> malformed() {
    return Arbitraries.of("{", "{\"cycle\":", "[1,2", "not json", "{\"a\" 1}", "{'cycle':'x'}", "\u0000",
        "{\"variables\":{\"x\":{\"value\":}}}");
  }

  /**
   * Each body has the fuzzed part and, unless the fuzzed part must itself be refused, a cycle name that
   * is never valid ("HLD HOSTILE"), checked after the lists and dates: a generated value that happens to
   * be valid (null, [], "phl") must not start a cycle of 194 countries.
   */
  private static Arbitrary<Attack> cycleStarts() {
    String name = "\"cycle\":\"HLD HOSTILE\"";
    Arbitrary<String> body = Arbitraries.oneOf(malformed(),
        badValue().map(v -> "{" + name + ",\"memberStates\":[" + v + "]}"),
        badValue().map(v -> "{" + name + ",\"memberStates\":" + v + "}"),
        badValue().map(v -> "{" + name + ",\"rcps\":[" + v + "]}"),
        badValue().map(v -> "{" + name + ",\"calendar\":{\"hldDate\":" + v + "}}"),
        badValue().map(v -> "{" + name + ",\"calendar\":{\"noSuchDate\":" + v + "}}"),
        badValue().map(v -> "{\"cycle\":" + v + ",\"memberStates\":[\"QQQ\"]}"),
        badValue().map(v -> "{\"cycle\":\"HLDHOSTILEX\",\"memberStates\":[\"QQQ\"],\"extra\":" + v + "}"),
        // A blank code in a list is a mistake, not "all" (found by this property: it started 21 RCPs).
        Arbitraries.of("\"\"", "\" \"", "null").map(v -> "{\"cycle\":\"HLDHOSTILEZ\",\"memberStates\":[\"PHL\"],"
            + "\"rcps\":[" + v + "]}"));
    Arbitrary<String> users = Arbitraries.of("hld-coordinator", "admin", "phl-officer");
    return body.flatMap(b -> users.map(u -> new Attack(u, "POST", "/api/cycles", b)));
  }

  private static Arbitrary<Attack> messages() {
    Arbitrary<String> message = Arbitraries.of("ObjectionRaised", "RcpInputReceived", "OutcomeDraftCirculated",
        "OutcomeAdopted", "CalendarChanged", "NoSuchMessage", "%24%7Bx%7D");
    Arbitrary<String> body = Arbitraries.oneOf(malformed(), badValue().map(v -> "{\"calendarChanges\":" + v + "}"),
        badValue().map(v -> "{\"rcpCode\":" + v + ",\"rcpInputLink\":\"x\"}"),
        badValue().map(v -> "{\"objectionText\":" + v + "}"),
        Arbitraries.just("{}"));
    Arbitrary<String> users = Arbitraries.of("hld-coordinator", "rcp-focal-point", "phl-mission", "ny-liaison",
        "bangkok-ro");
    return Arbitraries.of("HLDHOSTILENONE", "x", "%00").flatMap(cycle -> message.flatMap(
        m -> body.flatMap(b -> users.map(u -> new Attack(u, "POST", "/api/cycles/" + cycle + "/messages/" + m, b)))));
  }

  private static Arbitrary<Attack> reads() {
    Arbitrary<String> code = Arbitraries.of("XYZ", "phl-x", "%3Cscript%3E", "..%2F..", "A".repeat(3000), "%24%7B1%7D");
    Arbitrary<String> path = Arbitraries.oneOf(
        code.map(c -> "/api/reference/member-states/" + c), code.map(c -> "/api/reference/rcps/" + c),
        code.map(c -> "/api/cycles/" + c), code.map(c -> "/api/" + c));
    return path.flatMap(p -> Arbitraries.of("hld-coordinator", "phl-officer").map(u -> new Attack(u, "GET", p, null)));
  }

  private static Arbitrary<Attack> processStarts() {
    Arbitrary<String> body = Arbitraries.oneOf(malformed(),
        // A business key that is never a valid cycle name, checked after the lists: see cycleStarts.
        badValue().map(v -> "{\"businessKey\":\"HLD HOSTILE\",\"variables\":{\"memberStates\":{\"value\":" + v + "}}}"),
        badValue().map(v -> "{\"businessKey\":\"HLD HOSTILE\",\"variables\":{\"hldDate\":{\"value\":" + v + "},"
            + "\"memberStates\":{\"value\":\"QQQ\"}}}"),
        badValue().map(v -> "{\"variables\":{\"cycle\":{\"value\":" + v + ",\"type\":\"Object\",\"valueInfo\":"
            + "{\"objectTypeName\":\"java.io.File\",\"serializationDataFormat\":\"application/json\"}},"
            + "\"memberStates\":{\"value\":\"QQQ\"}}}"),
        Arbitraries.of("{\"skipCustomListeners\":true}", "{\"startInstructions\":[{\"type\":\"startBeforeActivity\","
            + "\"activityId\":\"Task_ReportToCouncil\"}]}"));
    Arbitrary<String> endpoint = Arbitraries.of("start", "submit-form");
    Arbitrary<String> key = Arbitraries.of("hld-preparation", "national-consultation", "rcp-contribution",
        "no-such-process");
    return key.flatMap(k -> endpoint.flatMap(e -> body.flatMap(b -> Arbitraries.of("hld-coordinator", "phl-officer")
        .map(u -> new Attack(u, "POST", "/engine-rest/process-definition/key/" + k + "/" + e, b)))));
  }

  /** Task completion against the offer form: its radio, text and read-only fields, and typed values. */
  private static Arbitrary<Attack> completions() {
    Arbitrary<String> field = Arbitraries.of("governmentAnswer", "governmentFocalPoint", "declineReason",
        "countryCode", "regionalOffice", "late", "outcome");
    Arbitrary<String> variables = Arbitraries.oneOf(
        field.flatMap(f -> badValue().map(v -> "{\"" + f + "\":{\"value\":" + v + "}}")),
        field.flatMap(f -> Arbitraries.of("Object", "Json", "Xml", "Bytes", "File", "Null", "Date", "NoSuchType")
            .map(t -> "{\"governmentAnswer\":{\"value\":\"declined\"},\"declineReason\":{\"value\":\"x\"},"
                + "\"governmentFocalPoint\":{\"value\":\"x\"},\"" + f + "\":{\"value\":\"x\",\"type\":\"" + t + "\","
                + "\"valueInfo\":{\"objectTypeName\":\"java.io.File\",\"serializationDataFormat\":\"application/json\"}}}")),
        Arbitraries.of("{\"governmentAnswer\":{\"value\":\"declined\"}}", "{\"governmentAnswer\":null}",
            "{\"governmentAnswer\":{\"value\":\"declined\"},\"declineReason\":{\"value\":\"x\"},"
                + "\"governmentFocalPoint\":{\"value\":\"x\"},\"countryCode\":{\"value\":null}}"));
    Arbitrary<String> body = Arbitraries.oneOf(malformed(), variables.map(v -> "{\"variables\":" + v + "}"),
        badValue().map(v -> "{\"variables\":" + v + "}"),
        variables.map(v -> "{\"errorCode\":\"declined\",\"variables\":" + v + "}"));
    Arbitrary<String> call = Arbitraries.of("complete", "submit-form", "resolve", "bpmnError", "bpmnEscalation");
    Arbitrary<String> user = Arbitraries.of("phl-officer", "ken-officer", "bangkok-ro");
    return call
        .flatMap(c -> body.flatMap(b -> user.map(u -> new Attack(u, "POST", "/engine-rest/task/{task}/" + c, b))));
  }
}
