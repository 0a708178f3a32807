package org.hldprep.security.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartVariablesRuleTest {

  private final StartVariablesRule rule = new StartVariablesRule();

  private Refusal start(String body, List<String> groups) throws Exception {
    return rule.check(Calls.call("POST", "/process-definition/key/hld-preparation/submit-form", null, body,
        "someone", groups));
  }

  @Test
  void plainValuesAndJsonListsPass() throws Exception {
    assertThat(start("{\"variables\":{\"cycle\":{\"value\":\"HLD2030\"},\"memberStates\":{\"value\":\"[\\\"PHL\\\"]\","
        + "\"type\":\"Json\"},\"maxReviewReturns\":{\"value\":2,\"type\":\"Long\"}}}", List.of("iom-icp"))).isNull();
    assertThat(start("{}", List.of("iom-icp"))).isNull();
  }

  @Test
  void typedObjectsAndValueInfoAreRefused() throws Exception {
    assertThat(start("{\"variables\":{\"cycle\":{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":"
        + "{\"objectTypeName\":\"java.io.File\",\"serializationDataFormat\":\"application/json\"}}}}",
        List.of("iom-icp")))
        .isEqualTo(Refusal.badRequest("'cycle' carries valueInfo; a start takes plain values only."));
    assertThat(start("{\"variables\":{\"cycle\":{\"value\":\"x\",\"type\":\"Xml\"}}}", List.of("iom-icp")))
        .isEqualTo(Refusal.badRequest("'cycle' must be a plain value (text, boolean, number or a JSON list),"
            + " not of type \"Xml\"."));
    assertThat(start("{\"variables\":{\"cycle\":\"HLD2030\"}}", List.of("iom-icp")))
        .isEqualTo(Refusal.badRequest("'cycle' must be sent as {\"value\": ...}."));
    assertThat(start("{\"variables\":[]}", List.of("iom-icp")))
        .isEqualTo(Refusal.badRequest("'variables' must be an object of variable name to {\"value\": ...}."));
    assertThat(start("[]", List.of("iom-icp")))
        .isEqualTo(Refusal.badRequest("The body of a process start must be a JSON object."));
    assertThat(start("{\"variables\":{\"cycle\":{\"value\":\"x\",\"type\":\"Object\"}}}", List.of("camunda-admin")))
        .as("administrators are not checked").isNull();
  }

  @Test
  void aTextLongerThanTheEnginesColumnIsRefusedForEveryoneNamingTheLimit() throws Exception {
    String body = "{\"variables\":{\"note\":{\"value\":\"" + "x".repeat(4001) + "\"}}}";
    for (List<String> groups : List.of(List.of("iom-icp"), List.of("camunda-admin"))) {
      assertThat(start(body, groups)).as(groups.toString()).isEqualTo(Refusal.badRequest(
          "'note' is longer than 4000 characters, the most a text variable holds."));
    }
    assertThat(start("{\"variables\":{\"note\":{\"value\":\"" + "x".repeat(4000) + "\"}}}", List.of("iom-icp")))
        .isNull();
  }
}
