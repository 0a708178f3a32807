package org.hldprep.security.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionQueryRuleTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void findsExpressionsInQueryStringsPlainOrEncoded() {
    assertThat(ExpressionQueryRule.containsExpression("assigneeExpression=${currentUser()}")).isTrue();
    assertThat(ExpressionQueryRule.containsExpression("assigneeExpression=%24%7BcurrentUser()%7D")).isTrue();
    assertThat(ExpressionQueryRule.containsExpression("a=%23%7Bx%7D")).isTrue();
    assertThat(ExpressionQueryRule.containsExpression("maxResults=15&sortBy=dueDate")).isFalse();
    assertThat(ExpressionQueryRule.containsExpression((String) null)).isFalse();
    assertThat(ExpressionQueryRule.containsExpression("assigneeExpression=%24%7Bx%7D&=%zz"))
        .as("a malformed escape fails closed").isTrue();
  }

  @Test
  void findsExpressionsAnywhereInAJsonBodyOrQueriesIncluded() throws Exception {
    assertThat(ExpressionQueryRule.containsExpression(json.readTree(
        "{\"orQueries\":[{\"nameLike\":\"x\"},{\"assigneeExpression\":\"\\u0024{1}\"}]}"))).isTrue();
    assertThat(ExpressionQueryRule.containsExpression(json.readTree(
        "{\"processVariables\":[{\"name\":\"v\",\"value\":\"#{x}\",\"operator\":\"eq\"}]}"))).isTrue();
    assertThat(ExpressionQueryRule.containsExpression(json.readTree(
        "{\"candidateGroups\":[\"co-phl\"],\"orQueries\":[{\"nameLike\":\"%review%\"}]}"))).isFalse();
  }

  /** A task query with an expression is refused with 400 naming what is refused, in a query string or a body. */
  @Test
  void theRuleRefusesTaskQueriesCarryingAnExpression() throws Exception {
    ExpressionQueryRule rule = new ExpressionQueryRule();
    Refusal expressions = Refusal.badRequest("Task queries may not contain expressions (${...} or #{...});"
        + " use a filter for stored queries.");
    assertThat(rule.check(Calls.call("GET", "/task", "assigneeExpression=%24%7BcurrentUser()%7D", null, "phl-officer",
        List.of("co-phl")))).isEqualTo(expressions);
    assertThat(rule.check(Calls.call("POST", "/filter/1/list", null, "{\"orQueries\":[{\"assigneeExpression\":"
        + "\"${currentUser()}\"}]}", "phl-officer", List.of("co-phl")))).isEqualTo(expressions);
    assertThat(rule.check(Calls.call("POST", "/task/count", null, "{not json", "phl-officer", List.of("co-phl"))))
        .isEqualTo(Refusal.badRequest("The task query body is not valid JSON."));
    assertThat(rule.check(Calls.call("POST", "/task", null, "{\"candidateGroup\":\"co-phl\"}", "phl-officer",
        List.of("co-phl")))).isNull();
    assertThat(rule.check(Calls.call("POST", "/process-instance", null, "{\"businessKey\":\"${x}\"}", "phl-officer",
        List.of("co-phl")))).as("not a task query").isNull();
  }
}
