package org.hldprep.security.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who a claim is for, and which of a task's properties an update may touch. */
class TaskHandOverRuleTest {

  private final TaskHandOverRule rule = new TaskHandOverRule();

  @Test
  void aClaimIsForOneselfOnly() throws IOException {
    EngineApiCall forAnother = Calls.call("POST", "/task/1/claim", null, "{\"userId\":\"mex-officer\"}", "ken-officer",
        List.of("co-ken"));
    assertThat(rule.check(forAnother)).isEqualTo(Refusal.forbidden("You may claim a task only for yourself"
        + " ('ken-officer'): a colleague of your office claims it in their own name."));
    assertThat(rule.check(Calls.call("POST", "/task/1/claim", null, "{}", "ken-officer", List.of("co-ken"))).status())
        .isEqualTo(403);
    assertThat(rule.check(Calls.call("POST", "/task/1/claim", null, "{\"userId\":\"ken-officer\"}", "ken-officer",
        List.of("co-ken")))).isNull();
    assertThat(rule.check(Calls.call("POST", "/task/1/claim", null, "{\"userId\":\"mex-officer\"}", "admin",
        List.of("camunda-admin")))).isNull();
  }

  @Test
  void assigningAndDelegatingAreForAdministrators() throws IOException {
    for (String what : List.of("assignee", "delegate")) {
      Refusal refusal = rule.check(Calls.call("POST", "/task/1/" + what, null, "{\"userId\":\"phl-mission\"}",
          "bangkok-ro", List.of("ro-bangkok")));
      assertThat(refusal.status()).as(what).isEqualTo(403);
      assertThat(refusal.message()).as(what).startsWith("A task stays with the offices it was routed to");
      assertThat(rule.check(Calls.call("POST", "/task/1/" + what, null, "{\"userId\":\"phl-mission\"}", "admin",
          List.of("camunda-admin")))).as(what).isNull();
    }
    assertThat(rule.check(Calls.call("POST", "/task/1/unclaim", null, "{}", "bangkok-ro", List.of("ro-bangkok"))))
        .isNull();
  }

  @Test
  void aTasksPropertiesAreTheWorkflows() throws IOException {
    Refusal refusal = rule.check(Calls.call("PUT", "/task/1", null, "{\"due\":\"2099-12-31T23:59:00.000+0000\"}",
        "ken-officer", List.of("co-ken")));
    assertThat(refusal).isEqualTo(Refusal.forbidden("A task's name, description, dates, priority and people are set"
        + " by the workflow; only camunda-admin may change them."));
    assertThat(rule.check(Calls.call("PUT", "/task/1", null, "{}", "admin", List.of("camunda-admin")))).isNull();
    assertThat(rule.check(Calls.staff("GET", "/task/1"))).isNull();
  }
}
