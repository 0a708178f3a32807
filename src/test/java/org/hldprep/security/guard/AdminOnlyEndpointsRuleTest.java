package org.hldprep.security.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminOnlyEndpointsRuleTest {

  private final AdminOnlyEndpointsRule rule = new AdminOnlyEndpointsRule();

  @ParameterizedTest
  @CsvSource({
      "GET, /metrics", "GET, /metrics/activity-instance-start/sum", "GET, /telemetry/data",
      "GET, /process-definition/statistics", "GET, /process-definition/abc/statistics",
      "GET, /process-definition/key/hld-preparation/statistics", "GET, /history/process-instance/report",
      "GET, /job-definition", "GET, /job", "POST, /job/1/execute", "GET, /batch", "GET, /history/job-log",
      "POST, /process-instance/1/modification", "POST, /process-instance/1/modification-async",
      "POST, /modification/execute", "POST, /modification/executeAsync",
      "POST, /process-definition/1/restart", "POST, /process-definition/1/restart-async",
      "POST, /migration/execute", "POST, /process-instance/delete", "DELETE, /process-instance/1",
      "DELETE, /process-definition/key/national-consultation", "PUT, /process-instance/1/suspended",
      "PUT, /process-instance/1/variables/late", "POST, /process-instance/1/variables", "POST, /execution/1/signal",
      "POST, /message", "POST, /signal", "POST, /filter/create", "PUT, /filter/1", "DELETE, /filter/1",
      "POST, /deployment/create", "POST, /deployment/1/redeploy", "DELETE, /deployment/1",
      "POST, /history/cleanup"})
  void refusedToStaff(String method, String path) {
    assertThat(rule.check(Calls.staff(method, path))).as(method + " " + path).isNotNull()
        .extracting(Refusal::status).isEqualTo(403);
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
  void theRefusalNamesWhatIsAdminOnly() {
    assertThat(rule.check(Calls.staff("GET", "/metrics")).message()).contains("engine metrics");
  }
}
