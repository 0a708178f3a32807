package org.hldprep.security.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminOnlyEndpointsRuleTest {

  private final AdminOnlyEndpointsRule rule = new AdminOnlyEndpointsRule();

  /** Each admin-only call is refused with 403 and a message naming the kind of thing refused. */
  @ParameterizedTest
  @CsvSource({
      "GET, /metrics, engine metrics", "GET, /metrics/activity-instance-start/sum, engine metrics",
      "GET, /telemetry/data, engine metrics",
      "GET, /process-definition/statistics, statistics", "GET, /process-definition/abc/statistics, statistics",
      "GET, /process-definition/key/hld-preparation/statistics, statistics",
      "GET, /history/process-instance/report, history reports",
      "GET, /job-definition, jobs and job definitions", "GET, /job, jobs and job definitions",
      "POST, /job/1/execute, jobs and job definitions", "GET, /batch, jobs and job definitions",
      "GET, /history/job-log, jobs and job definitions",
      "POST, /process-instance/1/modification, process instance modification",
      "POST, /process-instance/1/modification-async, process instance modification",
      "POST, /modification/execute, process instance modification",
      "POST, /modification/executeAsync, process instance modification",
      "POST, /process-definition/1/restart, process instance modification",
      "POST, /process-definition/1/restart-async, process instance modification",
      "POST, /migration/execute, process instance modification",
      "POST, /process-instance/delete, bulk process instance operations",
      "DELETE, /process-instance/1, deleting or suspending process instances and definitions",
      "DELETE, /process-definition/key/national-consultation, deleting or suspending process instances and definitions",
      "PUT, /process-instance/1/suspended, deleting or suspending process instances and definitions",
      "PUT, /process-instance/1/variables/late, process and execution variables",
      "POST, /process-instance/1/variables, process and execution variables",
      "DELETE, /process-instance/1/variables/late, process and execution variables",
      "POST, /execution/1/signal, executions",
      "POST, /message, 'messages, signals and conditions (events go through /api)'",
      "POST, /signal, 'messages, signals and conditions (events go through /api)'",
      "POST, /filter/create, filters", "PUT, /filter/1, filters", "DELETE, /filter/1, filters",
      "POST, /deployment/create, deployments", "POST, /deployment/1/redeploy, deployments",
      "DELETE, /deployment/1, deployments",
      "POST, /history/cleanup, history cleanup"})
  void refusedToStaff(String method, String path, String what) {
    assertThat(rule.check(Calls.staff(method, path))).as(method + " " + path)
        .isEqualTo(Refusal.forbidden("Only members of camunda-admin may use " + what + "."));
    assertThat(rule.check(Calls.admin(method, path))).as("admin: " + method + " " + path).isNull();
  }

  @ParameterizedTest
  @CsvSource({
      "GET, /task", "POST, /task", "GET, /task/1", "POST, /task/1/complete", "POST, /task/1/claim",
      "GET, /process-definition", "GET, /process-definition/key/hld-preparation/xml",
      "POST, /process-definition/key/hld-preparation/start", "POST, /process-definition/1/submit-form",
      "GET, /process-instance", "POST, /process-instance", "POST, /process-instance/count",
      "GET, /process-instance/1/variables", "GET, /history/process-instance", "POST, /filter/1/list",
      "GET, /filter/1/count", "GET, /deployment", "GET, /engine"})
  void openToStaff(String method, String path) {
    assertThat(rule.check(Calls.staff(method, path))).as(method + " " + path).isNull();
  }

  @Test
  void theRefusalIsAnAuthorizationError() {
    // The type is what the engine's own REST errors carry for a 403: clients tell refusals apart by it.
    assertThat(rule.check(Calls.staff("GET", "/metrics")).type()).isEqualTo("AuthorizationException");
  }
}
