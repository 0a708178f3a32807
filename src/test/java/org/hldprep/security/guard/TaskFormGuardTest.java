package org.hldprep.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The form check on the real review form of national-consultation. */
class TaskFormGuardTest {

  private final ObjectMapper json = new ObjectMapper();

  private String check(String variables, Map<String, Object> current) throws Exception {
    JsonNode form = json.readTree(Files.readString(Path.of("processes/forms/review-national-summary.form")));
    return TaskFormGuard.check(form, json.readTree(variables), current::get);
  }

  @Test
  void theFormsOwnFieldsPass() throws Exception {
    assertThat(check("{\"reviewDecision\":{\"value\":\"accept\"}}", Map.of())).isNull();
    assertThat(check("{\"reviewDecision\":{\"value\":\"return\"},\"reviewComments\":{\"value\":\"Add 3.2\"},"
        + "\"countryCode\":{\"value\":\"PHL\"}}", Map.of("countryCode", "PHL"))).isNull();
  }

  @Test
  void aVariableOutsideTheFormIsRefused() throws Exception {
    assertThat(check("{\"reviewDecision\":{\"value\":\"accept\"},\"regionalOffice\":{\"value\":\"co-phl\"}}",
        Map.of())).contains("'regionalOffice' is not a field of this task's form");
    assertThat(check("{\"reviewDecision\":{\"value\":\"accept\"},\"late\":{\"value\":false}}", Map.of()))
        .contains("'late' is not a field");
  }

  @Test
  void anEmptyReadOnlyFieldComesBackEmpty() throws Exception {
    assertThat(check("{\"reviewDecision\":{\"value\":\"accept\"},\"summaryLink\":{\"value\":\"\"}}", Map.of()))
        .isNull();
  }

  @Test
  void readOnlyFieldsKeepTheirValue() throws Exception {
    assertThat(check("{\"reviewDecision\":{\"value\":\"accept\"},\"countryCode\":{\"value\":\"KEN\"}}",
        Map.of("countryCode", "PHL"))).contains("'countryCode' is read-only");
  }

  @Test
  void requiredFieldsAndOptionsAreChecked() throws Exception {
    assertThat(check("{}", Map.of())).contains("'reviewDecision' is required");
    assertThat(check("{\"reviewDecision\":{\"value\":\"maybe\"}}", Map.of()))
        .contains("'reviewDecision' must be one of accept, return");
  }
}
