package org.hldprep.security.guard;

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
    return FormSubmissionCheck.check(form, json.readTree(variables), current::get);
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

  private String checkForm(String formJson, String variables, Map<String, Object> current) throws Exception {
    return FormSubmissionCheck.check(json.readTree(formJson), json.readTree(variables), current::get);
  }

  @Test
  void typedValuesAndValueInfoAreRefused() throws Exception {
    assertThat(check("{\"reviewDecision\":{\"value\":\"accept\"},\"reviewComments\":{\"value\":\"x\","
        + "\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.io.File\","
        + "\"serializationDataFormat\":\"application/json\"}}}", Map.of()))
        .contains("'reviewComments' carries valueInfo");
    for (String type : new String[]{"Object", "Json", "Xml", "Bytes", "File", "Date"}) {
      assertThat(check("{\"reviewDecision\":{\"value\":\"accept\",\"type\":\"" + type + "\"}}", Map.of()))
          .as(type).contains("must be a plain value");
    }
    assertThat(check("{\"reviewDecision\":{\"value\":\"accept\",\"type\":\"String\"}}", Map.of())).isNull();
    assertThat(check("{\"reviewDecision\":{\"value\":5}}", Map.of())).contains("must be text");
    assertThat(check("{\"reviewDecision\":{\"value\":\"accept\",\"extra\":1}}", Map.of())).contains("carries 'extra'");
    assertThat(check("{\"reviewDecision\":\"accept\"}", Map.of())).contains("must be sent as {\"value\": ...}");
  }

  @Test
  void nullIsRefusedForReadOnlyAndRequiredFields() throws Exception {
    assertThat(check("{\"reviewDecision\":{\"value\":\"accept\"},\"countryCode\":{\"value\":null}}",
        Map.of("countryCode", "PHL"))).contains("'countryCode' is read-only here and may not be cleared");
    assertThat(check("{\"reviewDecision\":{\"value\":null}}", Map.of()))
        .contains("'reviewDecision' is required and may not be null").doesNotContain("'reviewDecision' is required;");
  }

  @Test
  void nestedComponentsAreWalked() throws Exception {
    String form = "{\"components\":[{\"type\":\"group\",\"id\":\"g\",\"components\":["
        + "{\"type\":\"textfield\",\"key\":\"inner\",\"readonly\":true},"
        + "{\"type\":\"radio\",\"key\":\"choice\",\"validate\":{\"required\":true},"
        + "\"values\":[{\"value\":\"a\"}]}]},"
        + "{\"type\":\"group\",\"path\":\"address\",\"components\":[{\"type\":\"textfield\",\"key\":\"city\"}]}]}";
    assertThat(checkForm(form, "{\"choice\":{\"value\":\"a\"}}", Map.of())).isNull();
    assertThat(checkForm(form, "{}", Map.of())).contains("'choice' is required");
    assertThat(checkForm(form, "{\"choice\":{\"value\":\"b\"}}", Map.of())).contains("'choice' must be one of a");
    assertThat(checkForm(form, "{\"choice\":{\"value\":\"a\"},\"inner\":{\"value\":\"x\"}}",
        Map.of("inner", "y"))).contains("'inner' is read-only");
    assertThat(checkForm(form, "{\"choice\":{\"value\":\"a\"},\"address\":{\"value\":\"x\"}}", Map.of()))
        .as("a pathed group's data is not a plain variable").contains("'address' is not a field");
  }

  @Test
  void theWholeDateIsCheckedAndWithinRange() {
    assertThat(FormSubmissionCheck.invalidDate("date", "2013-05-22")).isNull();
    assertThat(FormSubmissionCheck.invalidDate("date", "2013-05-22<script>")).contains("must be a date");
    assertThat(FormSubmissionCheck.invalidDate("date", "2013-05-22T00:00:00")).contains("must be a date");
    assertThat(FormSubmissionCheck.invalidDate("date", "2013-02-30")).contains("must be a date");
    assertThat(FormSubmissionCheck.invalidDate("date", "1899-12-31")).contains("must lie between");
    assertThat(FormSubmissionCheck.invalidDate("date", "+99999-01-01")).startsWith("must lie between");
    assertThat(FormSubmissionCheck.invalidDate("datetime", "2013-05-22T10:00")).isNull();
    assertThat(FormSubmissionCheck.invalidDate("time", "10:00")).isNull();
  }

  @Test
  void numbersCheckboxesAndChecklistsTakeTheirOwnTypes() throws Exception {
    String form = "{\"components\":[{\"type\":\"number\",\"key\":\"n\",\"validate\":{\"min\":1,\"max\":5}},"
        + "{\"type\":\"checkbox\",\"key\":\"b\"},"
        + "{\"type\":\"checklist\",\"key\":\"c\",\"values\":[{\"value\":\"x\"},{\"value\":\"y\"}]},"
        + "{\"type\":\"textfield\",\"key\":\"t\"}]}";
    assertThat(checkForm(form, "{\"n\":{\"value\":3,\"type\":\"Long\"},\"b\":{\"value\":true},"
        + "\"c\":{\"value\":\"[\\\"x\\\"]\",\"type\":\"Json\"}}", Map.of())).isNull();
    assertThat(checkForm(form, "{\"n\":{\"value\":\"3\"}}", Map.of())).contains("'n' must be a number");
    assertThat(checkForm(form, "{\"n\":{\"value\":9}}", Map.of())).contains("'n' must be at most 5");
    assertThat(checkForm(form, "{\"b\":{\"value\":\"yes\"}}", Map.of())).contains("'b' must be true or false");
    assertThat(checkForm(form, "{\"c\":{\"value\":\"[\\\"z\\\"]\",\"type\":\"Json\"}}", Map.of()))
        .contains("'c' may only contain x, y");
    assertThat(checkForm(form, "{\"c\":{\"value\":\"[]\",\"type\":\"Object\"}}", Map.of()))
        .contains("'c' must be sent as type Json");
    assertThat(
        checkForm(form, "{\"t\":{\"value\":\"" + "x".repeat(FormSubmissionCheck.MAX_TEXT + 1) + "\"}}", Map.of()))
        .contains("'t' is longer than");
    assertThat(checkForm(form, "{\"t\":{\"value\":{\"a\":1}}}", Map.of())).contains("'t' must be text");
  }
}
