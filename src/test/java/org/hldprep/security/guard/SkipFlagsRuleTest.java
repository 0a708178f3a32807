package org.hldprep.security.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkipFlagsRuleTest {

  private final SkipFlagsRule rule = new SkipFlagsRule();
  private static final String START = "/process-definition/key/hld-preparation/start";

  private Refusal coordinator(String query, String body) throws Exception {
    return rule.check(Calls.call("POST", START, query, body, "hld-coordinator", List.of("iom-icp")));
  }

  @Test
  void startInstructionsAndSkipFlagsInABodyAreRefused() throws Exception {
    assertThat(coordinator(null, "{\"skipCustomListeners\":true}")).isNotNull();
    assertThat(coordinator(null, "{\"skipIoMappings\":true,\"variables\":{}}")).isNotNull();
    assertThat(coordinator(null, "{\"startInstructions\":[{\"type\":\"startBeforeActivity\","
        + "\"activityId\":\"Task_ReportToCouncil\"}]}").message()).contains("startInstructions");
  }

  @Test
  void skipFlagsInAQueryStringAreRefused() throws Exception {
    assertThat(rule.check(Calls.call("DELETE", "/process-instance/1", "skipCustomListeners=true", null,
        "hld-coordinator", List.of("iom-icp")))).isNotNull();
    assertThat(coordinator("skipIoMappings", "{}")).isNotNull();
  }

  @Test
  void aPlainStartAndFalseFlagsPass() throws Exception {
    assertThat(coordinator(null, "{\"businessKey\":\"HLD2030\",\"variables\":{}}")).isNull();
    assertThat(coordinator(null, "{\"skipCustomListeners\":false,\"startInstructions\":[]}")).isNull();
    assertThat(coordinator(null, "")).isNull();
  }

  @Test
  void administratorsMayUseThem() throws Exception {
    assertThat(rule.check(Calls.call("POST", START, null, "{\"skipCustomListeners\":true}", "admin",
        List.of("camunda-admin")))).isNull();
  }
}
