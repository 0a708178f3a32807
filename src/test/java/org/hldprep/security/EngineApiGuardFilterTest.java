package org.hldprep.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EngineApiGuardFilterTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void findsExpressionsInQueryStringsPlainOrEncoded() {
    assertThat(EngineApiGuardFilter.containsExpression("assigneeExpression=${currentUser()}")).isTrue();
    assertThat(EngineApiGuardFilter.containsExpression("assigneeExpression=%24%7BcurrentUser()%7D")).isTrue();
    assertThat(EngineApiGuardFilter.containsExpression("a=%23%7Bx%7D")).isTrue();
    assertThat(EngineApiGuardFilter.containsExpression("maxResults=15&sortBy=dueDate")).isFalse();
    assertThat(EngineApiGuardFilter.containsExpression((String) null)).isFalse();
    assertThat(EngineApiGuardFilter.containsExpression("assigneeExpression=%24%7Bx%7D&=%zz"))
        .as("a malformed escape fails closed").isTrue();
  }

  @Test
  void findsExpressionsAnywhereInAJsonBodyOrQueriesIncluded() throws Exception {
    assertThat(EngineApiGuardFilter.containsExpression(json.readTree(
        "{\"orQueries\":[{\"nameLike\":\"x\"},{\"assigneeExpression\":\"\\u0024{1}\"}]}"))).isTrue();
    assertThat(EngineApiGuardFilter.containsExpression(json.readTree(
        "{\"processVariables\":[{\"name\":\"v\",\"value\":\"#{x}\",\"operator\":\"eq\"}]}"))).isTrue();
    assertThat(EngineApiGuardFilter.containsExpression(json.readTree(
        "{\"candidateGroups\":[\"co-phl\"],\"orQueries\":[{\"nameLike\":\"%review%\"}]}"))).isFalse();
  }
}
