package org.hldprep.security.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonNestingRuleTest {

  private final JsonNestingRule rule = new JsonNestingRule();

  private Refusal post(String body) throws Exception {
    return rule.check(Calls.call("POST", "/history/task", null, body, "phl-officer", List.of("co-phl")));
  }

  @Test
  void jsonNestedDeeperThanTheLimitIsRefused() throws Exception {
    Refusal tooDeep = Refusal.badRequest("The JSON body is nested deeper than 100 levels of arrays and objects.");
    assertThat(post("[".repeat(10_000))).isEqualTo(tooDeep);
    assertThat(post("{\"a\":".repeat(101) + "1" + "}".repeat(101))).isEqualTo(tooDeep);
  }

  @Test
  void ordinaryAndMalformedBodiesAreLeftToTheEngine() throws Exception {
    assertThat(post("{\"a\":".repeat(100) + "1" + "}".repeat(100))).isNull();
    assertThat(post("{\"orQueries\":[{\"taskNameLike\":\"%x%\"}]}")).isNull();
    assertThat(post("{not json")).as("the engine answers malformed JSON itself").isNull();
    assertThat(rule.check(Calls.call("GET", "/history/task", null, null, "phl-officer", List.of("co-phl")))).isNull();
  }
}
