package org.hldprep.security.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hldprep.security.guard.FormFields.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The form guard on every kind of field the forms of processes/forms use: text (with a pattern, with a
 * length), number (with bounds), date, checkbox, checklist, radio and select, read-only, conditionally
 * shown, and fields nested in groups. First one real field of each kind, each accepted and refused
 * value with its message; then every field of every form: the form filled in as expected passes, and
 * each wrong value of each field is refused naming the field (so a guard that let any checklist, date or
 * number through fails here).
 */
class TaskFormGuardFieldKindsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static JsonNode form(String name) {
    try {
      return JSON.readTree(Files.readString(Path.of("processes/forms/" + name + ".form")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The guard's answer to one form and these variables ({"name": {"value": ..., "type": ...}}). */
  private static String check(String form, String variables, Map<String, Object> current) throws IOException {
    return FormSubmissionCheck.check(form(form), JSON.readTree(variables), current::get);
  }

  private static final String RECORD = "{\"consultationHeldOn\":{\"value\":\"2013-04-10\"},"
      + "\"participants\":{\"value\":40},\"summaryLink\":{\"value\":\"https://docs.example/phl\"},"
      + "\"keyMessages\":{\"value\":\"Protect migrant workers\"}";

  private static String record(String extra) throws IOException {
    return check("record-consultation", RECORD + extra + "}", Map.of("countryCode", "PHL"));
  }

  @Test
  void textWithAPattern_theWholeValueMustMatch() throws IOException {
    assertThat(record("")).isNull();
    assertThat(record(",\"summaryLink\":{\"value\":\"http://docs.example/phl\"}")).isNull();
    assertThat(record(",\"summaryLink\":{\"value\":\"javascript:alert(1)\"}"))
        .isEqualTo("The form was not filled in as expected: 'summaryLink' does not have the expected form"
            + " (^https?://.+)");
    assertThat(record(",\"summaryLink\":{\"value\":\"see https://docs.example\"}")).contains("'summaryLink' does not");
    assertThat(record(",\"summaryLink\":{\"value\":\"https://\"}")).contains("'summaryLink' does not");
    assertThat(record(",\"summaryLink\":{\"value\":\"\"}")).as("required: blank is missing")
        .isEqualTo("The form was not filled in as expected: 'summaryLink' does not have the expected form"
            + " (^https?://.+); 'summaryLink' is required");
    JsonNode start = form("start-cycle");
    assertThat(FormSubmissionCheck.check(start, JSON.readTree("{\"cycle\":{\"value\":\"HLD2030\"}}"), n -> null))
        .isNull();
    assertThat(FormSubmissionCheck.check(start, JSON.readTree("{\"cycle\":{\"value\":\"HLD 2030!\"}}"), n -> null))
        .contains("'cycle' does not have the expected form");
    assertThat(FormSubmissionCheck.check(start, JSON.readTree("{\"cycle\":{\"value\":\"-HLD\"}}"), n -> null))
        .contains("'cycle' does not have the expected form");
    assertThat(FormSubmissionCheck.check(start, JSON.readTree("{\"cycle\":{\"value\":\"" + "A".repeat(41) + "\"}}"),
        n -> null)).contains("'cycle' does not have the expected form");
  }

  @Test
  void number_aNumberWithinTheFormsBounds() throws IOException {
    assertThat(record(",\"participants\":{\"value\":1}")).isNull();
    assertThat(record(",\"participants\":{\"value\":40,\"type\":\"Integer\"}")).isNull();
    assertThat(record(",\"participants\":{\"value\":2.5,\"type\":\"Double\"}")).isNull();
    assertThat(record(",\"participants\":{\"value\":0}")).isEqualTo("The form was not filled in as expected:"
        + " 'participants' must be at least 1");
    assertThat(record(",\"participants\":{\"value\":-40}")).contains("'participants' must be at least 1");
    assertThat(record(",\"participants\":{\"value\":\"40\"}")).contains("'participants' must be a number");
    assertThat(record(",\"participants\":{\"value\":true}")).contains("'participants' must be a number");
    assertThat(record(",\"participants\":{\"value\":40,\"type\":\"String\"}"))
        .contains("'participants' must be a number");
    assertThat(record(",\"participants\":{\"value\":40,\"type\":\"Boolean\"}"))
        .contains("'participants' must be a number");
    String bounded = "{\"components\":[{\"type\":\"number\",\"key\":\"n\",\"validate\":{\"min\":1,\"max\":5}}]}";
    assertThat(FormSubmissionCheck.check(JSON.readTree(bounded), JSON.readTree("{\"n\":{\"value\":5}}"), n -> null))
        .isNull();
    assertThat(FormSubmissionCheck.check(JSON.readTree(bounded), JSON.readTree("{\"n\":{\"value\":5.01}}"), n -> null))
        .isEqualTo("The form was not filled in as expected: 'n' must be at most 5");
    String unbounded = "{\"components\":[{\"type\":\"number\",\"key\":\"n\"}]}";
    assertThat(
        FormSubmissionCheck.check(JSON.readTree(unbounded), JSON.readTree("{\"n\":{\"value\":-1e9}}"), n -> null))
        .isNull();
  }

  @Test
  void date_aWholeDateWithinRange() throws IOException {
    assertThat(record(",\"consultationHeldOn\":{\"value\":\"2000-01-01\"}")).isNull();
    assertThat(record(",\"consultationHeldOn\":{\"value\":\"2099-12-31\"}")).isNull();
    assertThat(record(",\"consultationHeldOn\":{\"value\":\"2013-02-30\"}")).isEqualTo(
        "The form was not filled in as expected: 'consultationHeldOn' must be a date (yyyy-MM-dd)");
    for (String bad : List.of("soon", "10/04/2013", "2013-04-10T10:00", "2013-04-10 ", "20130410")) {
      assertThat(record(",\"consultationHeldOn\":{\"value\":\"" + bad + "\"}")).as(bad)
          .contains("'consultationHeldOn' must be a date (yyyy-MM-dd)");
    }
    assertThat(record(",\"consultationHeldOn\":{\"value\":\"1999-12-31\"}"))
        .contains("'consultationHeldOn' must lie between 2000-01-01 and 2099-12-31");
    assertThat(record(",\"consultationHeldOn\":{\"value\":\"2100-01-01\"}")).contains("must lie between");
    assertThat(record(",\"consultationHeldOn\":{\"value\":20130410}")).contains("'consultationHeldOn' must be text");
    assertThat(record(",\"consultationHeldOn\":{\"value\":\"2013-04-10\",\"type\":\"Date\"}"))
        .contains("'consultationHeldOn' must be a plain value, not of type Date");
    // The other subtypes, for forms that may use them.
    assertThat(FormSubmissionCheck.invalidDate("datetime", "2013-04-10T10:00:00Z")).isNull();
    assertThat(FormSubmissionCheck.invalidDate("datetime", "2013-04-10T10:00:00+02:00")).isNull();
    assertThat(FormSubmissionCheck.invalidDate("datetime", "1999-04-10T10:00")).contains("must lie between");
    assertThat(FormSubmissionCheck.invalidDate("datetime", "2013-04-10"))
        .isEqualTo("must be a date and time (yyyy-MM-ddTHH:mm)");
    assertThat(FormSubmissionCheck.invalidDate("time", "25:00")).isEqualTo("must be a time (HH:mm)");
    assertThat(FormSubmissionCheck.invalidDate("time", "23:59")).isNull();
  }

  @Test
  void checkbox_trueOrFalseOnly() throws IOException {
    JsonNode form = form("rcp-contact-chair");
    Map<String, Object> current = Map.of("rcpName", "SACM");
    String base = "{\"rcpInterest\":{\"value\":\"interested\"},\"rcpContactName\":{\"value\":\"Chair\"},"
        + "\"rcpContactRole\":{\"value\":\"chair\"},\"rcpContactedOn\":{\"value\":\"2013-02-10\"}";
    assertThat(FormSubmissionCheck.check(form, JSON.readTree(base + "}"), current::get)).as("the base").isNull();
    assertThat(
        FormSubmissionCheck.check(form, JSON.readTree(base + ",\"iomIsSecretariat\":{\"value\":true}}"), current::get))
        .isNull();
    assertThat(FormSubmissionCheck.check(form, JSON.readTree(base + ",\"iomIsSecretariat\":{\"value\":false,\"type\":"
        + "\"Boolean\"}}"), current::get)).isNull();
    for (String bad : List.of("\"true\"", "1", "\"yes\"", "[true]")) {
      assertThat(FormSubmissionCheck.check(form, JSON.readTree(base + ",\"iomIsSecretariat\":{\"value\":" + bad + "}}"),
          current::get)).as(bad)
          .isEqualTo("The form was not filled in as expected: 'iomIsSecretariat' must be true or false");
    }
    assertThat(FormSubmissionCheck.check(form, JSON.readTree(base + ",\"iomIsSecretariat\":{\"value\":true,\"type\":"
        + "\"String\"}}"), current::get)).contains("'iomIsSecretariat' must be true or false");
  }

  private static String arrangements(String stakeholders) throws IOException {
    return check("agree-arrangements", "{\"consultationFormat\":{\"value\":\"consultation\"},"
        + "\"consultationDate\":{\"value\":\"2013-04-10\"},\"venue\":{\"value\":\"Manila\"}"
        + (stakeholders == null ? "" : ",\"stakeholders\":" + stakeholders) + "}", Map.of("countryCode", "PHL"));
  }

  @Test
  void checklist_aJsonListOfTheFormsOptions() throws IOException {
    assertThat(arrangements("{\"value\":\"[\\\"line-ministry\\\",\\\"civil-society\\\"]\",\"type\":\"Json\"}"))
        .isNull();
    assertThat(arrangements("{\"value\":\"[\\\"academia\\\"]\"}")).as("type left out").isNull();
    assertThat(arrangements("{\"value\":\"[]\",\"type\":\"Json\"}")).as("none chosen: the list may be empty").isNull();
    String options = "line-ministry, non-line-ministries, local-authorities, civil-society, migrant-associations,"
        + " private-sector, academia";
    assertThat(arrangements("{\"value\":\"[\\\"line-ministry\\\",\\\"the-press\\\"]\",\"type\":\"Json\"}"))
        .isEqualTo("The form was not filled in as expected: 'stakeholders' may only contain " + options);
    assertThat(arrangements("{\"value\":\"[1]\",\"type\":\"Json\"}")).contains("'stakeholders' may only contain");
    assertThat(arrangements("{\"value\":\"[[\\\"academia\\\"]]\",\"type\":\"Json\"}")).contains("may only contain");
    assertThat(arrangements("{\"value\":\"line-ministry\",\"type\":\"Json\"}"))
        .isEqualTo("The form was not filled in as expected: 'stakeholders' must be a JSON list of " + options);
    assertThat(arrangements("{\"value\":\"{\\\"a\\\":1}\",\"type\":\"Json\"}")).contains("must be a JSON list of");
    assertThat(arrangements("{\"value\":[\"line-ministry\"],\"type\":\"Json\"}")).as("a list, not its JSON text")
        .contains("must be a JSON list of");
    assertThat(arrangements("{\"value\":\"[\\\"academia\\\"]\",\"type\":\"String\"}"))
        .contains("'stakeholders' must be sent as type Json (a list of options), not String");
    assertThat(arrangements(null)).isEqualTo("The form was not filled in as expected: 'stakeholders' is required");
    assertThat(arrangements("{\"value\":null,\"type\":\"Json\"}"))
        .isEqualTo("The form was not filled in as expected: 'stakeholders' is required and may not be null");
  }

  @Test
  void radioAndSelect_oneOfTheFormsOptions() throws IOException {
    String base = "{\"consultationDate\":{\"value\":\"2013-04-10\"},\"venue\":{\"value\":\"Manila\"},"
        + "\"stakeholders\":{\"value\":\"[]\",\"type\":\"Json\"},\"consultationFormat\":";
    assertThat(check("agree-arrangements", base + "{\"value\":\"briefing\"}}", Map.of())).isNull();
    assertThat(check("agree-arrangements", base + "{\"value\":\"Briefing\"}}", Map.of())).isEqualTo("The form was not"
        + " filled in as expected: 'consultationFormat' must be one of briefing, consultation, briefing-and-consultation");
    assertThat(check("agree-arrangements", base + "{\"value\":\"briefing \"}}", Map.of())).contains("must be one of");
    assertThat(check("agree-arrangements", base + "{\"value\":[\"briefing\"]}}", Map.of()))
        .contains("'consultationFormat' must be text");
    String review = "{\"reviewDecision\":{\"value\":\"%s\"}}";
    assertThat(check("review-national-summary", review.formatted("return"), Map.of())).isNull();
    assertThat(check("review-national-summary", review.formatted("escalate"), Map.of()))
        .contains("'reviewDecision' must be one of accept, return");
  }

  @Test
  void readOnly_onlyAsShown() throws IOException {
    Map<String, Object> current = Map.of("countryCode", "PHL", "silenceRound", 2);
    String base = "{\"reviewDecision\":{\"value\":\"accept\"},\"countryCode\":";
    assertThat(check("review-national-summary", base + "{\"value\":\"PHL\"}}", current)).isNull();
    // Blanking a shown value is a change like any other: the country would drop out of its region's table.
    for (String blank : List.of("", " ", "\\t", "PHL ")) {
      assertThat(check("review-national-summary", base + "{\"value\":\"" + blank + "\"}}", current)).as(blank)
          .isEqualTo("The form was not filled in as expected: 'countryCode' is read-only here and may not be changed");
    }
    // An empty read-only field comes back from Tasklist as "": unchanged.
    assertThat(check("review-national-summary", base + "{\"value\":\"\"}}", Map.of())).isNull();
    assertThat(check("review-national-summary", base + "{\"value\":\"phl\"}}", current))
        .isEqualTo("The form was not filled in as expected: 'countryCode' is read-only here and may not be changed");
    assertThat(check("review-national-summary", base + "{\"value\":null}}", current))
        .contains("'countryCode' is read-only here and may not be cleared");
    assertThat(check("review-national-summary", base + "{\"value\":\"PHL\",\"type\":\"Object\"}}", current))
        .contains("'countryCode' must be a plain value");
    // A read-only number comes back as shown, as a number or its text.
    JsonNode silence = form("circulate-statement-under-silence");
    Map<String, Field> fields = fieldsOf(silence);
    assertThat(fields.get("silenceRound").readonly()).isTrue();
    assertThat(FormSubmissionCheck.check(silence, JSON.readTree("{\"silenceRound\":{\"value\":2}}"), current::get))
        .doesNotContain("silenceRound");
    assertThat(FormSubmissionCheck.check(silence, JSON.readTree("{\"silenceRound\":{\"value\":1}}"), current::get))
        .contains("'silenceRound' is read-only here");
  }

  @Test
  void conditional_requiredOnlyWhereShown_butCheckedWhenSent() throws IOException {
    JsonNode approve = form("approve-briefing-pack");
    Map<String, Field> fields = fieldsOf(approve);
    assertThat(fields.get("briefingComments").conditional()).isTrue();
    assertThat(fields.get("briefingComments").required()).isTrue();
    Map<String, Object> current = new HashMap<>();
    String approved = validSubmission(approve, current, Set.of("briefingComments")).toString();
    assertThat(FormSubmissionCheck.check(approve, JSON.readTree(approved), current::get)).as(approved).isNull();
    ObjectNode withComments = (ObjectNode) JSON.readTree(approved);
    withComments.set("briefingComments", NODES.objectNode().set("value", NODES.numberNode(1)));
    assertThat(FormSubmissionCheck.check(approve, withComments, current::get))
        .contains("'briefingComments' must be text");
    withComments.set("briefingComments", NODES.objectNode().putNull("value"));
    assertThat(FormSubmissionCheck.check(approve, withComments, current::get))
        .contains("'briefingComments' is required and may not be null");
  }

  @Test
  void nestedGroups_theirFieldsAreTheFormsFields_aConditionalGroupMakesThemConditional() throws IOException {
    String form = "{\"components\":[{\"type\":\"group\",\"id\":\"Group_1\",\"conditional\":{\"hide\":\"=x\"},"
        + "\"components\":[{\"type\":\"group\",\"id\":\"Group_2\",\"components\":["
        + "{\"type\":\"number\",\"key\":\"deep\",\"validate\":{\"required\":true,\"min\":1}}]}]},"
        + "{\"type\":\"group\",\"id\":\"Group_3\",\"components\":["
        + "{\"type\":\"checklist\",\"key\":\"pick\",\"validate\":{\"required\":true},\"values\":[{\"value\":\"a\"}]}]}]}";
    JsonNode json = JSON.readTree(form);
    Map<String, Field> fields = FormFields.of(json);
    assertThat(fields.keySet()).containsExactly("deep", "pick");
    assertThat(fields.get("deep").conditional()).as("inside a conditional group").isTrue();
    assertThat(fields.get("pick").conditional()).isFalse();
    assertThat(FormSubmissionCheck.check(json, JSON.readTree("{\"pick\":{\"value\":\"[\\\"a\\\"]\"}}"), n -> null))
        .isNull();
    assertThat(FormSubmissionCheck.check(json, JSON.readTree("{}"), n -> null))
        .isEqualTo("The form was not filled in as expected: 'pick' is required");
    assertThat(
        FormSubmissionCheck.check(json, JSON.readTree("{\"pick\":{\"value\":\"[\\\"b\\\"]\"},\"deep\":{\"value\":0}}"),
            n -> null))
        .isEqualTo("The form was not filled in as expected: 'pick' may only contain a; 'deep' must be at"
            + " least 1");
  }

  // ---------- every field of every form ----------

  /** A valid sample and a wrong one for each pattern the forms use: a new pattern needs its pair here. */
  private static final Map<String, List<String>> PATTERN_SAMPLES = Map.of(
      "^https?://.+", List.of("https://docs.example/x", "docs.example/x"),
      "^[A-Za-z0-9][A-Za-z0-9-]{0,39}$", List.of("HLD2030", "HLD 2030"),
      "^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$", List.of("America/New_York", "+02:00"),
      "^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$", List.of("PT72H", "72 hours"),
      "^\\s*[A-Za-z]{3}(\\s*,\\s*[A-Za-z]{3})*\\s*$", List.of("PHL, KEN", "PHL; KEN"));

  record FormField(String form, String key, Field field) {
    @Override
    public String toString() {
      return form + " " + key + " (" + field.type() + (field.readonly() ? ", read-only" : "")
          + (field.conditional() ? ", conditional" : "") + ")";
    }
  }

  static List<String> formNames() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes/forms"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".form"))
          .map(n -> n.substring(0, n.length() - ".form".length())).sorted().toList();
    }
  }

  static List<FormField> everyField() throws IOException {
    List<FormField> all = new ArrayList<>();
    for (String name : formNames()) {
      fieldsOf(form(name)).forEach((key, field) -> all.add(new FormField(name, key, field)));
    }
    return all;
  }

  private static Map<String, Field> fieldsOf(JsonNode form) {
    return FormFields.of(form);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formNames")
  void eachFormFilledInAsExpectedPasses(String name) {
    JsonNode form = form(name);
    Map<String, Object> current = new HashMap<>();
    ObjectNode submission = validSubmission(form, current, Set.of());
    assertThat(FormSubmissionCheck.check(form, submission, current::get)).as("%s: %s", name, submission).isNull();
    // The same without the conditional fields, and with read-only fields sent back as shown.
    ObjectNode minimal = validSubmission(form, current, conditionalKeys(form));
    fieldsOf(form).forEach((key, field) -> {
      if (field.readonly()) {
        minimal.set(key, NODES.objectNode().put("value", String.valueOf(current.get(key))));
      }
    });
    assertThat(FormSubmissionCheck.check(form, minimal, current::get)).as("%s: %s", name, minimal).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyField")
  void eachWrongValueOfEachFieldIsRefusedNamingTheField(FormField subject) {
    JsonNode form = form(subject.form());
    Map<String, Object> current = new HashMap<>();
    ObjectNode valid = validSubmission(form, current, Set.of());
    List<JsonNode> wrongValues = wrongValues(subject.field(), current.get(subject.key()));
    assertThat(wrongValues).as("wrong values for %s", subject).isNotEmpty();
    for (JsonNode wrong : wrongValues) {
      ObjectNode submission = valid.deepCopy();
      submission.set(subject.key(), wrong);
      assertThat(FormSubmissionCheck.check(form, submission, current::get)).as("%s = %s", subject, wrong)
          .startsWith("The form was not filled in as expected: ").contains("'" + subject.key() + "' ");
    }
    // Not a field of the form, whatever it is called after.
    ObjectNode planted = valid.deepCopy();
    planted.set(subject.key() + "Late", NODES.objectNode().put("value", "x"));
    assertThat(FormSubmissionCheck.check(form, planted, current::get))
        .contains("'" + subject.key() + "Late' is not a field of this task's form");
  }

  @Test
  void theFormsUseEveryKindOfFieldTheGuardKnows() throws IOException {
    Set<String> kinds = new TreeSet<>();
    for (FormField subject : everyField()) {
      Field field = subject.field();
      kinds.add(
          field.type() + (field.type().equals("datetime") ? "/" + field.component().path("subtype").asText() : ""));
      if (field.readonly()) {
        kinds.add("read-only");
      }
      if (field.conditional()) {
        kinds.add("conditional");
      }
      if (field.component().path("validate").has("pattern")) {
        kinds.add("pattern");
      }
    }
    assertThat(kinds).as("the kinds this test generates values for").containsExactlyInAnyOrder("checkbox",
        "checklist", "datetime/date", "number", "radio", "select", "textarea", "textfield", "read-only",
        "conditional", "pattern");
  }

  private static Set<String> conditionalKeys(JsonNode form) {
    Set<String> keys = new TreeSet<>();
    fieldsOf(form).forEach((key, field) -> {
      if (field.conditional()) {
        keys.add(key);
      }
    });
    return keys;
  }

  /** Every field but the left-out ones with a valid value; read-only fields' shown values into current. */
  private static ObjectNode validSubmission(JsonNode form, Map<String, Object> current, Set<String> leftOut) {
    ObjectNode submission = NODES.objectNode();
    fieldsOf(form).forEach((key, field) -> {
      if (field.readonly()) {
        current.put(key, "number".equals(field.type()) ? (Object) 2 : "shown-" + key);
        return;
      }
      if (!leftOut.contains(key)) {
        submission.set(key, validValue(field));
      }
    });
    return submission;
  }

  private static ObjectNode validValue(Field field) {
    JsonNode component = field.component();
    JsonNode validate = component.path("validate");
    ObjectNode value = NODES.objectNode();
    switch (field.type()) {
      case "checkbox" -> value.put("value", true);
      case "number" -> value.put("value", validate.has("min") ? validate.get("min").asLong() : 3);
      case "checklist" -> value.put("value", "[\"" + component.path("values").get(0).path("value").asText() + "\"]")
          .put("type", "Json");
      case "radio", "select" -> value.put("value", component.path("values").get(0).path("value").asText());
      case "datetime" -> value.put("value", "2013-05-01");
      default -> {
        String pattern = validate.path("pattern").asText("");
        assertThat(pattern.isEmpty() || PATTERN_SAMPLES.containsKey(pattern))
            .as("a sample for the pattern %s", pattern).isTrue();
        value.put("value", pattern.isEmpty() ? "Some text" : PATTERN_SAMPLES.get(pattern).get(0));
      }
    }
    return value;
  }

  private static List<JsonNode> wrongValues(Field field, Object shown) {
    List<JsonNode> wrong = new ArrayList<>();
    wrong.add(NODES.objectNode().put("value", "x").put("type", "Object"));
    wrong.add(NODES.textNode("not wrapped in {value}"));
    ObjectNode withValueInfo = NODES.objectNode().put("value", "x");
    withValueInfo.putObject("valueInfo").put("objectTypeName", "java.io.File");
    wrong.add(withValueInfo);
    if (field.readonly()) {
      wrong.add(NODES.objectNode().put("value", "changed"));
      wrong.add(NODES.objectNode().putNull("value"));
      return wrong;
    }
    JsonNode component = field.component();
    JsonNode validate = component.path("validate");
    switch (field.type()) {
      case "checkbox" -> {
        wrong.add(NODES.objectNode().put("value", "true"));
        wrong.add(NODES.objectNode().put("value", 1));
      }
      case "number" -> {
        wrong.add(NODES.objectNode().put("value", "3"));
        wrong.add(NODES.objectNode().put("value", 3).put("type", "String"));
        if (validate.has("min")) {
          wrong.add(NODES.objectNode().put("value", validate.get("min").asLong() - 1));
        }
        if (validate.has("max")) {
          wrong.add(NODES.objectNode().put("value", validate.get("max").asLong() + 1));
        }
      }
      case "checklist" -> {
        wrong.add(NODES.objectNode().put("value", "[\"not-an-option\"]").put("type", "Json"));
        wrong.add(NODES.objectNode().put("value", component.path("values").get(0).path("value").asText())
            .put("type", "Json"));
        wrong.add(NODES.objectNode().put("value", "[1]").put("type", "Json"));
        wrong.add(NODES.objectNode().put("value", "[]").put("type", "String"));
      }
      case "radio", "select" -> {
        wrong.add(NODES.objectNode().put("value", "not-an-option"));
        wrong.add(NODES.objectNode().put("value", 1));
      }
      case "datetime" -> {
        for (String text : List.of("soon", "2013-02-30", "2013-05-01T10:00", "1999-12-31", "2100-01-01")) {
          wrong.add(NODES.objectNode().put("value", text));
        }
        wrong.add(NODES.objectNode().put("value", 20130501));
      }
      default -> {
        wrong.add(NODES.objectNode().put("value", 5));
        wrong.add(NODES.objectNode().put("value", "x".repeat(FormSubmissionCheck.MAX_TEXT + 1)));
        String pattern = validate.path("pattern").asText("");
        if (!pattern.isEmpty()) {
          wrong.add(NODES.objectNode().put("value", PATTERN_SAMPLES.get(pattern).get(1)));
        }
      }
    }
    if (field.required()) {
      wrong.add(NODES.objectNode().putNull("value"));
    }
    return wrong;
  }
}
