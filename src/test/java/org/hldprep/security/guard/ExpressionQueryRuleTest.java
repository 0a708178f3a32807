package org.hldprep.security.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
}
