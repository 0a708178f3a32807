package org.hldprep.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.TaskService;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Measures, on the real application and a real PostgreSQL on this machine, what staff and clients
 * feel: starting a full cycle (194 national consultations, 21 RCPs), Country and Regional Offices
 * reading their task lists under Camunda's authorizations, and offices completing tasks concurrently.
 * Prints figures; asserts only that the work was done (speed is not a pass/fail matter here).
 * Run: {@code mvn -Pbenchmark verify} (not part of the default build).
 */
class CycleBenchmark extends PostgresIntegrationTest {

  private static final int CLIENTS = 4;
  private static final int LIST_READS = 200;

  @LocalServerPort int port;
  @Autowired TaskService taskService;

  @Test
  void fullCycle() throws Exception {
    LocalDate today = LocalDate.now();
    // Only the HLD, 14 months ahead: every other date follows it and lies in the future.
    Map<String, String> calendar = Map.of("hldDate", today.plusMonths(14).toString());
    Http coordinator = Http.as(port, "hld-coordinator");
    List<String> lines = new ArrayList<>();

    // 1. Start a full cycle (warm-up cycle first, so that the JIT and the caches are warm).
    coordinator.post("/api/cycles", Map.of("cycle", "WARMUP", "calendar", calendar));
    long startNanos = System.nanoTime();
    Http.Response started = coordinator.post("/api/cycles", Map.of("cycle", "BENCH", "calendar", calendar));
    double startMs = (System.nanoTime() - startNanos) / 1e6;
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    lines.add(String.format("start a full cycle (194 consultations, 21 RCPs, 2 tracks): %.0f ms", startMs));

    // 2. Task lists under authorizations: a Country Office with a task per cycle, the RCP unit with
    // one per RCP and cycle, the administrator over everything.
    lines.add(listLatency("phl-officer (Country Office)", Http.as(port, "phl-officer")));
    lines.add(listLatency("rcp-focal-point (RCP unit, two cycles)", Http.as(port, "rcp-focal-point")));
    lines.add(listLatency("admin (all tasks)", Http.as(port, "admin")));

    // 3. Offices complete their offers concurrently: every government of the benchmark cycle declines.
    List<String> offers = taskService.createTaskQuery().processInstanceBusinessKeyLike("BENCH-%")
        .taskDefinitionKey("Task_OfferConsultation").list().stream().map(t -> t.getId()).toList();
    assertThat(offers).hasSize(194);
    Http admin = Http.as(port, "admin");
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    long completeStart = System.nanoTime();
    List<Future<Integer>> results = new ArrayList<>();
    for (String offer : offers) {
      results.add(pool.submit(() -> {
        long t0 = System.nanoTime();
        int status = admin.post("/engine-rest/task/" + offer + "/complete", Map.of("variables", Map.of(
            "governmentAnswer", Map.of("value", "declined"), "declineReason", Map.of("value", "benchmark")))).status();
        latencies.add(System.nanoTime() - t0);
        return status;
      }));
    }
    int ok = 0;
    for (Future<Integer> result : results) {
      ok += result.get() == 204 ? 1 : 0;
    }
    double seconds = (System.nanoTime() - completeStart) / 1e9;
    pool.shutdown();
    assertThat(ok).as("completed offers").isEqualTo(194);
    lines.add(String.format("complete 194 tasks over REST, %d clients: %.1f tasks/s, %s", CLIENTS, ok / seconds,
        percentiles(latencies)));

    System.out.println("\n==== HLD Prep benchmark (this machine: " + Runtime.getRuntime().availableProcessors()
        + " cores; app, PostgreSQL and clients share them) ====");
    lines.forEach(line -> System.out.println("  " + line));
    System.out.println("====\n");
  }

  private String listLatency(String who, Http user) {
    List<Long> nanos = new ArrayList<>();
    int size = 0;
    for (int i = 0; i < LIST_READS; i++) {
      long t0 = System.nanoTime();
      JsonNode tasks = user.get("/engine-rest/task?maxResults=50&sortBy=dueDate&sortOrder=asc").json();
      nanos.add(System.nanoTime() - t0);
      size = tasks.size();
    }
    assertThat(size).as(who + " sees tasks").isPositive();
    return String.format("task list of %s (first page, %d tasks): %s", who, size, percentiles(nanos));
  }

  private static String percentiles(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)", at(sorted, 0.50), at(sorted, 0.95),
        at(sorted, 0.99), sorted.size());
  }

  private static double at(List<Long> sorted, double quantile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
  }
}
