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

  /** The refusal names the flag that was sent. */
  private static Refusal refused(String flag) {
    return Refusal.forbidden("Only members of camunda-admin may use '" + flag + "': a process starts at its start"
        + " event and runs its listeners.");
  }

  @Test
  void startInstructionsAndSkipFlagsInABodyAreRefused() throws Exception {
    assertThat(coordinator(null, "{\"skipCustomListeners\":true}")).isEqualTo(refused("skipCustomListeners"));
    assertThat(coordinator(null, "{\"skipIoMappings\":true,\"variables\":{}}")).isEqualTo(refused("skipIoMappings"));
    assertThat(coordinator(null, "{\"startInstructions\":[{\"type\":\"startBeforeActivity\","
        + "\"activityId\":\"Task_ReportToCouncil\"}]}")).isEqualTo(refused("startInstructions"));
    // A modification's instructions and a flag sent as a string are refused alike.
    assertThat(coordinator(null, "{\"instructions\":[{\"type\":\"cancel\"}]}")).isEqualTo(refused("instructions"));
    assertThat(coordinator(null, "{\"skipListeners\":\"true\"}")).isEqualTo(refused("skipListeners"));
  }

  @Test
  void skipFlagsInAQueryStringAreRefused() throws Exception {
    assertThat(rule.check(Calls.call("DELETE", "/process-instance/1", "skipCustomListeners=true", null,
        "hld-coordinator", List.of("iom-icp")))).isEqualTo(refused("skipCustomListeners"));
    assertThat(coordinator("skipIoMappings", "{}")).isEqualTo(refused("skipIoMappings"));
    assertThat(coordinator("skipSubprocesses=false", "{}")).as("in a query string, the flag's presence is refused")
        .isEqualTo(refused("skipSubprocesses"));
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
