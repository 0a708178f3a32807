package org.hldprep.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hldprep.benchmark.BenchmarkUsers.ADMIN;
import static org.hldprep.benchmark.BenchmarkUsers.COORDINATOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hldprep.benchmark.BenchmarkClient.Response;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.ReferenceData;
import org.hldprep.routing.GroupIds;
import org.hldprep.support.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;

/**
 * HLD Prep against the bare engine, side by side in one run ({@code mvn -Pbenchmark verify}): the project
 * in its production configuration (prod profile, authorizations on) and a stock Camunda 7.24 with one
 * user task (authorizations off, history full; {@code benchmark.bare.BareEngineApplication}), each in a
 * JVM of its own with the same settings ({@code -Xmx1g}) on the same embedded PostgreSQL, rounds
 * interleaved. Both are filled to each level of open tasks (the project with real cycles over
 * {@code /api/cycles}, every date in the future; the bare engine with its one-task process), restarted
 * (start-up timed), and measured: an office user's and an administrator's task list (the plain REST list
 * and Tasklist's filter query with its count), claims and completions by 8 clients, resident memory.
 * Writes target/benchmark/result.json and prints the ratios last. Asserts only that the work was done.
 *
 * <p>Knobs (system properties): {@code benchmark.levels} (default 1000,5000,20000,50000),
 * {@code benchmark.rounds} (3), {@code benchmark.listRequests} (per round and kind, 200: the p50 of 3 x 200
 * requests, as issue 11 measured), {@code benchmark.work} (claims and completions per round, 96),
 * {@code benchmark.jfr} (true: a JFR recording per start in target/benchmark), {@code benchmark.projectArgs}
 * (extra arguments of the project, e.g. {@code --hldprep.engine.task-query-semi-join=false}),
 * {@code benchmark.autoExplainMillis} (see {@link #autoExplain}).
 */
class CycleBenchmark {

  private static final int CLIENTS = 8;
  private static final int FILL_CLIENTS = 2;
  private static final int WARM_UP = 20;
  private static final int WORK_WARM_UP = 16;
  private static final String OFFICE_COUNTRY = "PHL";
  private static final String OFFER = "Task_OfferConsultation";
  private static final String BARE_USER = "bench-user";
  private static final String LIST = "/engine-rest/task?maxResults=15&sortBy=created&sortOrder=desc";
  private static final String FLOOR = "/engine-rest/version";
  /** The bare engine's plain list as Camunda 7.24 writes it without authorizations (Task.xml). */
  private static final String BARE_LIST_SQL = "select RES.* from ACT_RU_TASK RES order by RES.CREATE_TIME_ desc"
      + " LIMIT 15 OFFSET 0";
  /** The body of Tasklist's filter request, as its JavaScript builds it for the first page. */
  private static final Map<String, Object> TASKLIST_QUERY = Map.of("processVariables", List.of(),
      "taskVariables", List.of(), "caseInstanceVariables", List.of(),
      "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")), "active", true);

  private final List<Integer> levels = Arrays.stream(System.getProperty("benchmark.levels", "1000,5000,20000,50000")
      .split(",")).map(String::trim).map(Integer::valueOf).toList();
  private final int rounds = Integer.getInteger("benchmark.rounds", 3);
  private final int listRequests = Integer.getInteger("benchmark.listRequests", 200);
  private final int work = Integer.getInteger("benchmark.work", 96);
  private final boolean jfr = Boolean.getBoolean("benchmark.jfr");
  private final Path out = Path.of(System.getProperty("benchmark.output", "target/benchmark"));

  private BenchmarkApp project;
  private BenchmarkApp bare;
  private String projectDatabase;
  private String bareDatabase;
  private String projectFilter;
  private String bareFilter;
  private final Map<String, String> calendar = futureCalendar();
  private final AtomicInteger cycles = new AtomicInteger();
  private final List<String> countries = ReferenceData.get().memberStates().stream().map(MemberState::iso3).toList();

  @Test
  void projectAgainstBareEngine() throws Exception {
    Files.createDirectories(out);
    try (Stream<Path> old = Files.list(out)) {
      old.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".jfr")).forEach(CycleBenchmark::delete);
    }
    String jars = Files.readString(Path.of(required("benchmark.classpathFile"))).trim();
    Path bareClasses = bareClasses(Path.of(required("benchmark.testClasses")));
    List<String> jvm = List.of("-Xmx1g");
    List<String> projectArgs = new ArrayList<>(List.of("--spring.profiles.active=prod", "--server.address=127.0.0.1"));
    String extra = System.getProperty("benchmark.projectArgs", "").trim();
    if (!extra.isEmpty()) {
      projectArgs.addAll(List.of(extra.split("\\s+")));
    }
    projectDatabase = EmbeddedPostgresServer.newDatabase("bench_project");
    bareDatabase = EmbeddedPostgresServer.newDatabase("bench_bare");
    project = new BenchmarkApp("project", jvm, required("benchmark.classes") + ":" + jars,
        "org.hldprep.HldPrepApplication",
        projectArgs, database(projectDatabase, Map.of("HLDPREP_ADMIN_USER", ADMIN,
            "HLDPREP_ADMIN_PASSWORD", BenchmarkUsers.password(ADMIN))),
        out, "/engine-rest/engine", ADMIN,
        BenchmarkUsers.password(ADMIN));
    bare = new BenchmarkApp("bare", jvm, bareClasses + ":" + jars, "benchmark.bare.BareEngineApplication",
        List.of("--spring.config.name=bare-engine"), database(bareDatabase, Map.of()), out, "/engine-rest/engine",
        null, null);

    autoExplain(projectDatabase);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("machine", machine());
    result.put("settings", Map.of("levels", levels, "rounds", rounds, "list_requests_per_round", listRequests,
        "claims_and_completions_per_round", work, "clients", CLIENTS, "jvm", jvm, "project_args", projectArgs,
        "jfr", jfr));
    Map<String, Object> levelResults = new LinkedHashMap<>();
    result.put("levels", levelResults);
    List<Double> projectStarts = new ArrayList<>();
    List<Double> bareStarts = new ArrayList<>();
    try {
      // First starts create the schema (and the project its groups, grants and deployments): reported apart.
      Map<String, Object> firstStart = new LinkedHashMap<>();
      firstStart.put("project_ms", Samples.round(project.start(jfr("project-first"))));
      firstStart.put("bare_ms", Samples.round(bare.start(jfr("bare-first"))));
      result.put("first_start_empty_database", firstStart);
      setUpProject();
      setUpBare();
      for (int level : levels) {
        Map<String, Object> levelResult = new LinkedHashMap<>();
        levelResult.put("fill_seconds", Map.of("project", Samples.round(fillProject(level)),
            "bare", Samples.round(fillBare(level))));
        // Restart both on the filled database, one after the other: start-up to the first REST answer.
        project.stop();
        double projectStart = project.start(jfr("project-" + level));
        bare.stop();
        double bareStart = bare.start(jfr("bare-" + level));
        projectStarts.add(projectStart);
        bareStarts.add(bareStart);
        levelResult.put("startup_ms", Map.of("project", Samples.round(projectStart), "bare", Samples.round(bareStart)));
        levelResult.putAll(measure(level));
        levelResult.put("rss_mib_after_load", Map.of("project", Samples.round(project.rssMib()),
            "bare", Samples.round(bare.rssMib())));
        levelResults.put(Integer.toString(level), levelResult);
        write(result);
      }
    } finally {
      project.stop();
      bare.stop();
    }
    result.put("ratios", ratios(levelResults, projectStarts, bareStarts));
    write(result);
    print(result);
  }

  // ---------------------------------------------------------------- set-up and fill

  /** Production has no demo users: the administrator creates a coordinator and one user per Country Office. */
  private void setUpProject() throws Exception {
    List<String[]> users = new ArrayList<>();
    users.add(new String[]{COORDINATOR, GroupIds.ICP});
    countries.forEach(iso3 -> users.add(new String[]{BenchmarkUsers.office(iso3), GroupIds.countryOffice(iso3)}));
    concurrently(4, users, user -> {
      project.client.post("/engine-rest/user/create", Map.of("profile", Map.of("id", user[0], "firstName", "Bench",
          "lastName", user[0], "email", user[0] + "@example.org"), "credentials",
          Map.of("password", BenchmarkUsers.password(user[0]))), ADMIN).expect(204, "create " + user[0]);
      return project.client.put("/engine-rest/group/" + user[1] + "/members/" + user[0], "", ADMIN)
          .expect(204, "membership " + user[0]);
    });
    JsonNode filters = project.client.get("/engine-rest/filter?resourceType=Task&maxResults=10&name="
        + URLEncoder.encode("My group tasks", StandardCharsets.UTF_8), ADMIN).expect(200, "filters").json();
    assertThat(filters.size()).as("the project's filter My group tasks").isEqualTo(1);
    projectFilter = filters.get(0).get("id").asText();
  }

  /** The bare engine's counterpart of the filter: its group's tasks, claimed or not. */
  private void setUpBare() {
    bareFilter = bare.client.post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "My group tasks",
        "query", Map.of("candidateGroups", List.of("bench"), "includeAssignedTasks", true,
            "sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc"))),
        "properties", Map.of("priority", -10, "refresh", true)), null).expect(200, "bare filter").json().get("id")
        .asText();
  }

  /** Full cycles (all 194 Member States, all 21 RCPs, every date in the future) over /api/cycles. */
  private double fillProject(int level) throws Exception {
    long t0 = System.nanoTime();
    long open = openTasks(project, ADMIN);
    double perCycle = 0;
    while (open < level) {
      int count = perCycle == 0 ? 1 : (int) Math.max(1, Math.ceil((level - open) / perCycle));
      List<String> names = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        names.add(String.format("BENCH%04d", cycles.incrementAndGet()));
      }
      concurrently(FILL_CLIENTS, names, name -> project.client.post("/api/cycles",
          Map.of("cycle", name, "calendar", calendar), COORDINATOR).expect(201, "start cycle " + name));
      long now = openTasks(project, ADMIN);
      perCycle = (now - open) / (double) count;
      assertThat(perCycle).as("open tasks per cycle").isPositive();
      open = now;
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private double fillBare(int level) throws Exception {
    long t0 = System.nanoTime();
    long missing = level - openTasks(bare, null);
    List<Integer> chunks = new ArrayList<>();
    for (long left = missing; left > 0; left -= 2500) {
      chunks.add((int) Math.min(2500, left));
    }
    concurrently(FILL_CLIENTS, chunks, n -> bare.client.post("/bench/fill?count=" + n, "", null).expect(200, "fill"));
    assertThat(openTasks(bare, null)).isGreaterThanOrEqualTo(level);
    return (System.nanoTime() - t0) / 1e9;
  }

  private static long openTasks(BenchmarkApp app, String user) {
    return app.client.get("/engine-rest/task/count", user).expect(200, app.name + " task count").json().get("count")
        .asLong();
  }

  // ---------------------------------------------------------------- measurement

  private Map<String, Object> measure(int level) throws Exception {
    String office = BenchmarkUsers.office(OFFICE_COUNTRY);
    Map<String, Supplier<Response>> projectKinds = new LinkedHashMap<>();
    projectKinds.put("list_office", () -> project.client.get(LIST, office));
    projectKinds.put("list_admin", () -> project.client.get(LIST, ADMIN));
    projectKinds.put("filter_office",
        () -> project.client.post(filterList(projectFilter), TASKLIST_QUERY, office, BenchmarkClient.HAL));
    projectKinds.put("filter_admin",
        () -> project.client.post(filterList(projectFilter), TASKLIST_QUERY, ADMIN, BenchmarkClient.HAL));
    projectKinds.put("count_office", () -> project.client.post(filterCount(projectFilter), TASKLIST_QUERY, office));
    projectKinds.put("count_admin", () -> project.client.post(filterCount(projectFilter), TASKLIST_QUERY, ADMIN));
    // The floor: the cheapest REST answer (no database), what any list pays before its query.
    projectKinds.put("floor_office", () -> project.client.get(FLOOR, office));
    // Without authorizations the bare engine shows every user the same: one series per query.
    Map<String, Supplier<Response>> bareKinds = new LinkedHashMap<>();
    bareKinds.put("list", () -> bare.client.get(LIST, null));
    bareKinds.put("filter", () -> bare.client.post(filterList(bareFilter), TASKLIST_QUERY, null, BenchmarkClient.HAL));
    bareKinds.put("count", () -> bare.client.post(filterCount(bareFilter), TASKLIST_QUERY, null));
    bareKinds.put("floor", () -> bare.client.get(FLOOR, null));

    Map<String, Samples> projectSamples = samples(projectKinds.keySet(), "claim", "complete");
    Map<String, Samples> bareSamples = samples(bareKinds.keySet(), "claim", "complete");
    Map<String, Object> visible = new LinkedHashMap<>();
    visible.put("list_office", project.client.get(LIST, office).expect(200, "office list").json().size());
    visible.put("filter_office_count", project.client.post(filterCount(projectFilter), TASKLIST_QUERY, office)
        .expect(200, "office count").json().get("count").asLong());
    visible.put("filter_admin_count", project.client.post(filterCount(projectFilter), TASKLIST_QUERY, ADMIN)
        .expect(200, "admin count").json().get("count").asLong());

    // Lists, one client, rounds interleaved; warm-up (the JVMs were just restarted) not recorded.
    for (Map.Entry<String, Supplier<Response>> kind : projectKinds.entrySet()) {
      sequential(kind.getValue(), WARM_UP, null, kind.getKey());
    }
    for (Map.Entry<String, Supplier<Response>> kind : bareKinds.entrySet()) {
      sequential(kind.getValue(), WARM_UP, null, kind.getKey());
    }
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, Supplier<Response>> kind : projectKinds.entrySet()) {
        sequential(kind.getValue(), listRequests, projectSamples.get(kind.getKey()), kind.getKey());
      }
      for (Map.Entry<String, Supplier<Response>> kind : bareKinds.entrySet()) {
        sequential(kind.getValue(), listRequests, bareSamples.get(kind.getKey()), kind.getKey());
      }
    }

    // Claims and completions, 8 clients, rounds interleaved: an office claims an offer of its country
    // and completes it (the government accepts; the next step opens for the same office).
    int needed = WORK_WARM_UP + rounds * work;
    List<String[]> projectWork = projectOffers(needed);
    List<String> bareWork = bare.client.get("/engine-rest/task?unassigned=true&sortBy=created&sortOrder=asc&maxResults="
        + needed, null).expect(200, "bare tasks").json().findValuesAsText("id");
    assertThat(projectWork).as("offers to claim in the project").hasSize(needed);
    assertThat(bareWork).as("tasks to claim in the bare engine").hasSize(needed);
    Function<String[], Response> projectClaim = t -> project.client.post("/engine-rest/task/" + t[0] + "/claim",
        Map.of("userId", t[1]), t[1]).expect(204, "claim");
    Function<String[], Response> projectComplete = t -> project.client.post("/engine-rest/task/" + t[0] + "/complete",
        Map.of("variables", Map.of("governmentFocalPoint", Map.of("value", "Ministry of Foreign Affairs"),
            "governmentAnswer", Map.of("value", "accepted"))),
        t[1]).expect(204, "complete");
    Function<String, Response> bareClaim = id -> bare.client.post("/engine-rest/task/" + id + "/claim",
        Map.of("userId", BARE_USER), null).expect(204, "claim");
    Function<String, Response> bareComplete = id -> bare.client.post("/engine-rest/task/" + id + "/complete",
        Map.of(), null).expect(204, "complete");
    concurrently(CLIENTS, projectWork.subList(0, WORK_WARM_UP), projectClaim);
    concurrently(CLIENTS, projectWork.subList(0, WORK_WARM_UP), projectComplete);
    concurrently(CLIENTS, bareWork.subList(0, WORK_WARM_UP), bareClaim);
    concurrently(CLIENTS, bareWork.subList(0, WORK_WARM_UP), bareComplete);
    for (int round = 0; round < rounds; round++) {
      int from = WORK_WARM_UP + round * work;
      timed(projectSamples.get("claim"), CLIENTS, projectWork.subList(from, from + work), projectClaim);
      timed(bareSamples.get("claim"), CLIENTS, bareWork.subList(from, from + work), bareClaim);
    }
    // What one completion costs the database: rows written and scans, from PostgreSQL's own counters.
    Map<String, Long> projectBefore = databaseWork(projectDatabase);
    Map<String, Long> bareBefore = databaseWork(bareDatabase);
    for (int round = 0; round < rounds; round++) {
      int from = WORK_WARM_UP + round * work;
      timed(projectSamples.get("complete"), CLIENTS, projectWork.subList(from, from + work), projectComplete);
      timed(bareSamples.get("complete"), CLIENTS, bareWork.subList(from, from + work), bareComplete);
    }
    Map<String, Object> perCompletion = new LinkedHashMap<>();
    perCompletion.put("project", perCompletion(projectBefore, databaseWork(projectDatabase), rounds * work));
    perCompletion.put("bare", perCompletion(bareBefore, databaseWork(bareDatabase), rounds * work));

    Map<String, Object> measured = new LinkedHashMap<>();
    measured.put("open_tasks", Map.of("project", openTasks(project, ADMIN), "bare", openTasks(bare, null)));
    measured.put("project_office_sees", visible);
    measured.put("project", summaries(projectSamples));
    measured.put("bare", summaries(bareSamples));
    measured.put("database_work_per_completion", perCompletion);
    measured.put("bare_list_plan", plan(bareDatabase, BARE_LIST_SQL));
    System.out.printf("%n[benchmark] level %d: project list office p50 %.1f ms, admin %.1f ms; bare list %.1f ms;"
        + " completions %.0f/s vs %.0f/s%n", level, projectSamples.get("list_office").percentile(50),
        projectSamples.get("list_admin").percentile(50), bareSamples.get("list").percentile(50),
        projectSamples.get("complete").throughput(), bareSamples.get("complete").throughput());
    return measured;
  }

  /** Unclaimed offers, as many as needed, taken in turn from the Country Offices (each lists its own). */
  private List<String[]> projectOffers(int needed) throws Exception {
    int perCountry = (int) Math.ceil(needed / (double) countries.size()) + 1;
    List<List<String>> byCountry = concurrently(4, countries,
        iso3 -> project.client.get("/engine-rest/task?taskDefinitionKey="
            + OFFER + "&unassigned=true&sortBy=created&sortOrder=asc&maxResults=" + perCountry,
            BenchmarkUsers.office(iso3))
            .expect(200, "offers of " + iso3).json().findValuesAsText("id"));
    List<String[]> offers = new ArrayList<>();
    for (int i = 0; i < perCountry && offers.size() < needed; i++) {
      for (int c = 0; c < countries.size() && offers.size() < needed; c++) {
        if (byCountry.get(c).size() > i) {
          offers.add(new String[]{byCountry.get(c).get(i), BenchmarkUsers.office(countries.get(c))});
        }
      }
    }
    return offers;
  }

  private static void sequential(Supplier<Response> request, int count, Samples samples, String what) {
    for (int i = 0; i < count; i++) {
      Response response = request.get().expect(200, what);
      if (samples != null) {
        samples.add(response.nanos());
      }
    }
  }

  private static <T> void timed(Samples samples, int clients, List<T> items, Function<T, Response> call)
      throws Exception {
    long t0 = System.nanoTime();
    List<Response> responses = concurrently(clients, items, call);
    samples.addWall(System.nanoTime() - t0);
    responses.forEach(r -> samples.add(r.nanos()));
  }

  private static <T, R> List<R> concurrently(int clients, List<T> items, Function<T, R> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> call.apply(item)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * PostgreSQL's counters of the application's tables: rows inserted, updated and deleted, and scans
   * (index and sequential). A backend reports them when it goes idle, at the latest after ten seconds,
   * hence the wait. Background work (job acquisition, the mail worker) is counted too: it is part of
   * what the application costs.
   */
  private static Map<String, Long> databaseWork(String url) {
    sleep(11_000);
    try (Connection connection = DriverManager.getConnection(url, "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select sum(n_tup_ins + n_tup_upd + n_tup_del), "
            + "sum(seq_scan + coalesce(idx_scan, 0)) from pg_stat_user_tables")) {
      row.next();
      return Map.of("rows_written", row.getLong(1), "scans", row.getLong(2));
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL's statistics of " + url, e);
    }
  }

  private static Map<String, Object> perCompletion(Map<String, Long> before, Map<String, Long> after, int completions) {
    Map<String, Object> work = new LinkedHashMap<>();
    before.keySet().stream().sorted().forEach(key -> work.put(key,
        Samples.round((after.get(key) - before.get(key)) / (double) completions)));
    return work;
  }

  /**
   * With {@code -Dbenchmark.autoExplainMillis=N} (and {@code -Dembedded.postgres.log=FILE}), PostgreSQL logs
   * the plan with actual times of every statement of the project slower than N ms (its auto_explain module).
   */
  private static void autoExplain(String url) {
    String millis = System.getProperty("benchmark.autoExplainMillis");
    if (millis == null || millis.isBlank()) {
      return;
    }
    String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    try (Connection connection = DriverManager.getConnection(url, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER DATABASE " + database + " SET session_preload_libraries = 'auto_explain'");
      statement.execute("ALTER DATABASE " + database + " SET auto_explain.log_min_duration = '"
          + Integer.parseInt(millis.trim()) + "ms'");
      statement.execute("ALTER DATABASE " + database + " SET auto_explain.log_analyze = on");
    } catch (SQLException e) {
      throw new IllegalStateException("auto_explain on " + url, e);
    }
  }

  /** The plan PostgreSQL chooses for a statement, with its actual time. */
  private static List<String> plan(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url, "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("explain (analyze, costs off) " + sql)) {
      List<String> plan = new ArrayList<>();
      while (rows.next()) {
        plan.add(rows.getString(1));
      }
      return plan;
    } catch (SQLException e) {
      throw new IllegalStateException("EXPLAIN on " + url, e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- results

  private Map<String, Object> ratios(Map<String, Object> levelResults, List<Double> projectStarts,
      List<Double> bareStarts) {
    Map<String, Object> ratios = new LinkedHashMap<>();
    ratios.put("list_office_20k_ratio", ratio(levelResults, 20000, "list_office", "list", "p50_ms"));
    ratios.put("list_admin_20k_ratio", ratio(levelResults, 20000, "list_admin", "list", "p50_ms"));
    ratios.put("list_office_50k_ratio", ratio(levelResults, 50000, "list_office", "list", "p50_ms"));
    ratios.put("list_admin_50k_ratio", ratio(levelResults, 50000, "list_admin", "list", "p50_ms"));
    // Completions over every level: the throughput of all rounds together, and the p99 of all samples.
    double projectDone = 0;
    double bareDone = 0;
    double projectSeconds = 0;
    double bareSeconds = 0;
    for (Object level : levelResults.values()) {
      Map<String, Object> p = stat(level, "project", "complete");
      Map<String, Object> b = stat(level, "bare", "complete");
      projectDone += ((Number) p.get("n")).doubleValue();
      bareDone += ((Number) b.get("n")).doubleValue();
      projectSeconds += ((Number) p.get("n")).doubleValue() / ((Number) p.get("per_second")).doubleValue();
      bareSeconds += ((Number) b.get("n")).doubleValue() / ((Number) b.get("per_second")).doubleValue();
    }
    ratios.put("complete_ratio", Samples.round((projectDone / projectSeconds) / (bareDone / bareSeconds)));
    ratios.put("complete_p99_ratio", Samples.round(maxOver(levelResults, "project", "complete", "p99_ms")
        / maxOver(levelResults, "bare", "complete", "p99_ms")));
    ratios.put("startup_ratio", Samples.round(median(projectStarts) / median(bareStarts)));
    Object last = levelResults.get(Integer.toString(levels.get(levels.size() - 1)));
    @SuppressWarnings("unchecked")
    Map<String, Object> rss = (Map<String, Object>) ((Map<String, Object>) last).get("rss_mib_after_load");
    ratios.put("rss_ratio",
        Samples.round(((Number) rss.get("project")).doubleValue() / ((Number) rss.get("bare")).doubleValue()));
    Double at50k = value(levelResults, 50000, "project", "list_office", "p50_ms");
    Double at1k = value(levelResults, 1000, "project", "list_office", "p50_ms");
    ratios.put("list_office_50k_over_1k", at50k == null || at1k == null ? null : Samples.round(at50k / at1k));
    // Context for the list goal: how far the bare list is above the cheapest REST answer of the bare engine.
    Double bareList = value(levelResults, 20000, "bare", "list", "p50_ms");
    Double bareFloor = value(levelResults, 20000, "bare", "floor", "p50_ms");
    ratios.put("bare_list_20k_over_floor",
        bareList == null || bareFloor == null ? null : Samples.round(bareList / bareFloor));
    // Context for the completion goal: rows the database writes for one completion, project over bare.
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> work = (Map<String, Map<String, Object>>) ((Map<String, Object>) last)
        .get("database_work_per_completion");
    ratios.put("rows_written_per_completion_ratio", Samples.round(((Number) work.get("project").get("rows_written"))
        .doubleValue() / ((Number) work.get("bare").get("rows_written")).doubleValue()));
    return ratios;
  }

  private static Double ratio(Map<String, Object> levels, int level, String projectKind, String bareKind, String stat) {
    Double p = value(levels, level, "project", projectKind, stat);
    Double b = value(levels, level, "bare", bareKind, stat);
    return p == null || b == null ? null : Samples.round(p / b);
  }

  private static Double value(Map<String, Object> levels, int level, String app, String kind, String stat) {
    Object result = levels.get(Integer.toString(level));
    return result == null ? null : ((Number) stat(result, app, kind).get(stat)).doubleValue();
  }

  /** The largest value of a statistic over the levels (p99 of completions: the worst level counts). */
  private static double maxOver(Map<String, Object> levels, String app, String kind, String stat) {
    return levels.values().stream().mapToDouble(l -> ((Number) stat(l, app, kind).get(stat)).doubleValue()).max()
        .orElse(Double.NaN);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stat(Object level, String app, String kind) {
    return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) level).get(app)).get(kind);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static Map<String, Samples> samples(Iterable<String> kinds, String... more) {
    Map<String, Samples> samples = new LinkedHashMap<>();
    kinds.forEach(k -> samples.put(k, new Samples()));
    for (String kind : more) {
      samples.put(kind, new Samples());
    }
    return samples;
  }

  private static Map<String, Object> summaries(Map<String, Samples> samples) {
    Map<String, Object> summaries = new LinkedHashMap<>();
    samples.forEach((kind, s) -> summaries.put(kind, s.summary()));
    return summaries;
  }

  private void write(Map<String, Object> result) throws IOException {
    Files.writeString(out.resolve("result.json"),
        BenchmarkClient.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
  }

  @SuppressWarnings("unchecked")
  private void print(Map<String, Object> result) {
    System.out.println("\n==== HLD Prep against the bare engine (" + out.resolve("result.json") + ") ====");
    ((Map<String, Object>) result.get("levels")).forEach((level, value) -> {
      Map<String, Object> l = (Map<String, Object>) value;
      System.out.printf("%6s open tasks  project: list office %s | admin %s | filter office %s | count office %s |"
          + " claim %s | complete %s%n", level, brief(stat(l, "project", "list_office")),
          brief(stat(l, "project", "list_admin")), brief(stat(l, "project", "filter_office")),
          brief(stat(l, "project", "count_office")), brief(stat(l, "project", "claim")),
          brief(stat(l, "project", "complete")));
      System.out.printf("%6s             bare:    list %s | filter %s | count %s | claim %s | complete %s%n", "",
          brief(stat(l, "bare", "list")), brief(stat(l, "bare", "filter")), brief(stat(l, "bare", "count")),
          brief(stat(l, "bare", "claim")), brief(stat(l, "bare", "complete")));
      System.out.printf("%6s             floor (GET /engine-rest/version) project %s | bare %s%n", "",
          brief(stat(l, "project", "floor_office")), brief(stat(l, "bare", "floor")));
      System.out.printf("%6s             database work per completion %s; bare list plan: %s%n", "",
          l.get("database_work_per_completion"), ((List<?>) l.get("bare_list_plan")).stream().limit(2).toList());
      System.out.printf("%6s             start-up %s, RSS %s%n", "", l.get("startup_ms"), l.get("rss_mib_after_load"));
    });
    StringBuilder line = new StringBuilder("RATIOS (project / bare)");
    ((Map<String, Object>) result.get("ratios")).forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    System.out.println(line);
  }

  private static String brief(Map<String, Object> s) {
    return s.get("p50_ms") + "/" + s.get("p95_ms") + "/" + s.get("p99_ms") + " ms"
        + (s.containsKey("per_second") ? " " + s.get("per_second") + "/s" : "");
  }

  // ---------------------------------------------------------------- plumbing

  private static String filterList(String filterId) {
    return "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15";
  }

  private static String filterCount(String filterId) {
    return "/engine-rest/filter/" + filterId + "/count";
  }

  /** The 2013 calendar of MC/2353 on an HLD two years ahead: every date follows it, every deadline lies ahead. */
  private static Map<String, String> futureCalendar() {
    return new LinkedHashMap<>(CycleCalendar.resolve(
        Map.of(CycleCalendar.HLD_DATE, LocalDate.now().plusYears(2).toString())));
  }

  private List<String> jfr(String name) {
    return jfr
        ? List.of("-XX:FlightRecorderOptions=stackdepth=2048",
            "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                + out.resolve(name + ".jfr").toAbsolutePath())
        : List.of();
  }

  private static Map<String, String> database(String url, Map<String, String> more) {
    Map<String, String> environment = new LinkedHashMap<>(more);
    environment.put("SPRING_DATASOURCE_URL", url);
    environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
    environment.put("SPRING_DATASOURCE_PASSWORD", "");
    return environment;
  }

  /** Only the bare application's own classes and resources: nothing of HLD Prep on its classpath. */
  private Path bareClasses(Path testClasses) throws IOException {
    Path target = out.resolve("bare-classes");
    if (Files.exists(target)) {
      try (Stream<Path> walk = Files.walk(target)) {
        walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(CycleBenchmark::delete);
      }
    }
    for (String part : List.of("benchmark/bare", "benchmark-bare", "bare-engine.yaml")) {
      Path source = testClasses.resolve(part);
      try (Stream<Path> walk = Files.walk(source)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          Path copy = target.resolve(testClasses.relativize(file).toString());
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy);
        }
      }
    }
    return target.toAbsolutePath();
  }

  private static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("date", OffsetDateTime.now().toString());
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    try {
      machine.put("load_average_at_start", Files.readString(Path.of("/proc/loadavg")).trim());
    } catch (IOException e) {
      machine.put("load_average_at_start", "unknown");
    }
    machine.put("note", "application, PostgreSQL and clients share the cores; other work on the machine moves"
        + " absolute figures, interleaved rounds protect the ratios somewhat");
    return machine;
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("System property " + property + " missing: run with mvn -Pbenchmark verify");
    }
    return value;
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
