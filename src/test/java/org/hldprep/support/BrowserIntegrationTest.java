package org.hldprep.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the {@code *BrowserIT}s: the application booted like every other IT (demo profile, real
 * embedded PostgreSQL, same Spring context), driven from headless Chromium. Without Debian's chromium
 * and chromium-driver every test is reported as skipped (JUnit assumption), never passed or failed.
 */
public abstract class BrowserIntegrationTest extends PostgresIntegrationTest {

  @LocalServerPort
  protected int port;
  @Autowired
  protected RuntimeService runtimeService;

  private final List<String> started = new ArrayList<>();

  /**
   * Per test, not per class: a class-level assumption would make Failsafe count the class as zero
   * tests run rather than as skipped tests. (The Spring context is shared with the other ITs anyway.)
   */
  @BeforeEach
  void chromiumInstalled() {
    Browser.assumeInstalled();
  }

  /**
   * The ITs share one database: instances a scenario started and left running are deleted, so that
   * no other IT finds their tasks (SecurityIT counts phl-officer's tasks, for one).
   */
  @AfterEach
  void deleteStartedInstances() {
    if (!started.isEmpty()) {
      // Input/output mappings are skipped: a task left open (a review) has no form values to map.
      started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "browser test finished", true, true,
          true, false));
      started.clear();
    }
  }

  /** A process instance the test started by other means, deleted with the others after the test. */
  protected void deleteAfterwards(String processInstanceId) {
    started.add(processInstanceId);
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  protected String tasklist() {
    return url("/camunda/app/tasklist/");
  }

  protected String cockpit() {
    return url("/camunda/app/cockpit/");
  }

  /**
   * Starts a national consultation over REST as the administrator, on the calendar of an HLD
   * {@code monthsAhead} + 12 months from today (every deadline follows it and lies ahead, so no timer
   * fires during the test); returns the process instance id.
   */
  protected String startNationalConsultation(String countryCode, int monthsAhead) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("countryCode", Map.of("value", countryCode));
    variables.put("hldDate", Map.of("value", LocalDate.now().plusMonths(12 + monthsAhead).toString()));
    return start("national-consultation", variables);
  }

  private static final AtomicInteger CYCLES = new AtomicInteger();

  /**
   * Starts a cycle for the Philippines, Kenya and Mexico (and the Puebla Process) over REST as
   * hld-coordinator, on the calendar of an HLD 14 months ahead (every date follows it and lies ahead,
   * so no timer fires during the test); returns the national consultations by country code. The whole
   * cycle is deleted after the test.
   */
  protected Map<String, String> startCycleForPhilippinesKenyaMexico() {
    String cycle = "HLD" + (3000 + CYCLES.incrementAndGet());
    Map<String, String> calendar = Map.of("hldDate", LocalDate.now().plusMonths(14).toString());
    Http.Response started = Http.as(port, "hld-coordinator").post("/api/cycles", Map.of("cycle", cycle,
        "memberStates", List.of("PHL", "KEN", "MEX"), "rcps", List.of("puebla-process"), "calendar", calendar));
    if (started.status() != 201) {
      throw new IllegalStateException("Cannot start a cycle: " + started);
    }
    this.started.add(started.json().get("processInstanceId").asText());
    Map<String, String> consultations = new LinkedHashMap<>();
    for (String country : List.of("PHL", "KEN", "MEX")) {
      consultations.put(country,
          runtimeService.createProcessInstanceQuery().processDefinitionKey("national-consultation")
              .processInstanceBusinessKey(cycle + "-" + country).singleResult().getId());
    }
    return consultations;
  }

  /**
   * Starts a process over REST as the administrator (a child process such as national-consultation
   * starts only through its master for everyone else); returns the process instance id.
   */
  protected String start(String processKey, Map<String, Object> variables) {
    Http.Response started = Http.as(port, "admin")
        .post("/engine-rest/process-definition/key/" + processKey + "/start", Map.of("variables", variables));
    if (started.status() != 200) {
      throw new IllegalStateException("Cannot start " + processKey + ": " + started);
    }
    JsonNode body = started.json();
    String id = body.get("id").asText();
    this.started.add(id);
    return id;
  }

  /** Runs one scenario in a fresh browser; on failure, leaves &lt;scenario&gt;-failure.png as well. */
  protected void scenario(String name, BrowserScenario body) throws Exception {
    try (Browser browser = Browser.open(name)) {
      try {
        body.run(browser);
      } catch (Exception | AssertionError e) {
        try {
          browser.screenshot("failure");
        } catch (RuntimeException ignored) {
          // the original failure matters more
        }
        throw e;
      }
    }
  }

  @FunctionalInterface
  protected interface BrowserScenario {
    void run(Browser browser) throws Exception;
  }
}
