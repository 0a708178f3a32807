package org.hldprep.security.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which task reads the rule handles without looking a task up. */
class TaskVariableReadRuleTest {

  /** No engine: these calls must be decided (or passed) without looking a task up. */
  private final TaskVariableReadRule rule = new TaskVariableReadRule(null);

  @Test
  void renderedFormsAreForAdministrators() throws Exception {
    assertThat(rule.check(Calls.staff("GET", "/task/1/rendered-form")).status()).isEqualTo(403);
    assertThat(rule.check(Calls.admin("GET", "/task/1/rendered-form"))).isNull();
  }

  @Test
  void administratorsWritesAndOtherPathsPass() throws Exception {
    assertThat(rule.check(Calls.admin("GET", "/task/1/variables"))).isNull();
    assertThat(rule.check(Calls.staff("GET", "/task/1/form"))).isNull();
    assertThat(rule.check(Calls.staff("GET", "/task/1/comment"))).isNull();
    assertThat(rule.check(Calls.staff("GET", "/process-instance/1/variables"))).isNull();
  }
}
