package org.hldprep.security.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.hldprep.platform.input.InputLimits;
import org.hldprep.platform.input.PlainJson;
import org.hldprep.security.guard.FormFields.Field;

/**
 * Whether a completion's variables fill in a task's Camunda Form as the form allows ({@link TaskFormGuard}
 * says which form and when): only fields of the form, each as the field's own primitive type, read-only
 * fields unchanged, required ones present, values within the form's options, bounds, length and pattern.
 */
final class FormSubmissionCheck {

  /** No field without a smaller maxLength may exceed the engine's text column. */
  static final int MAX_TEXT = InputLimits.MAX_TEXT;
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  static final LocalDate LATEST = LocalDate.of(2099, 12, 31);
  private static final ObjectMapper JSON = PlainJson.MAPPER;
  private static final Set<String> NUMBER_TYPES = Set.of("Long", "Integer", "Short", "Double");
  private static final Set<String> PRIMITIVE_TYPES = Set.of("String", "Boolean", "Long", "Integer", "Short",
      "Double");

  private FormSubmissionCheck() {
  }

  /** The check itself, on the form's JSON schema; {@code current} reads a variable's present value. */
  static String check(JsonNode form, JsonNode variables, Function<String, Object> current) {
    Map<String, Field> fields = FormFields.of(form);
    List<String> problems = new ArrayList<>();
    for (Iterator<String> names = variables.fieldNames(); names.hasNext();) {
      String name = names.next();
      Field field = fields.get(name);
      JsonNode sent = variables.get(name);
      String problem = field == null ? "is not a field of this task's form" : invalid(field, sent, current.apply(name));
      if (problem != null) {
        problems.add("'" + TaskFormGuard.shorten(name) + "' " + problem);
      }
    }
    for (Map.Entry<String, Field> entry : fields.entrySet()) {
      Field field = entry.getValue();
      JsonNode given = variables.path(entry.getKey()).path("value");
      if (field.required() && !field.conditional() && !field.readonly()
          && (given.isMissingNode() || given.isNull() || given.asText().isBlank())) {
        if (!variables.has(entry.getKey()) || !given.isNull()) {
          problems.add("'" + entry.getKey() + "' is required");
        }
      }
    }
    return problems.isEmpty() ? null : "The form was not filled in as expected: " + String.join("; ", problems);
  }

  private static String invalid(Field field, JsonNode sent, Object currentValue) {
    if (!sent.isObject()) {
      return "must be sent as {\"value\": ...}";
    }
    for (Iterator<String> keys = sent.fieldNames(); keys.hasNext();) {
      String key = keys.next();
      if (!Set.of("value", "type", "valueInfo").contains(key)) {
        return "carries '" + TaskFormGuard.shorten(key) + "'; only value and type are accepted";
      }
    }
    JsonNode valueInfo = sent.get("valueInfo");
    if (valueInfo != null && !valueInfo.isNull() && !(valueInfo.isObject() && valueInfo.isEmpty())) {
      return "carries valueInfo; form fields take plain values only";
    }
    JsonNode typeNode = sent.get("type");
    if (typeNode != null && !typeNode.isNull() && !typeNode.isTextual()) {
      return "has a type that is not a type name";
    }
    String type = typeNode == null || typeNode.isNull() ? null : typeNode.asText();
    JsonNode value = sent.path("value");
    boolean absent = value.isMissingNode() || value.isNull();
    if (absent && (field.readonly() || field.required())) {
      return field.readonly() ? "is read-only here and may not be cleared" : "is required and may not be null";
    }
    if ("checklist".equals(field.type())) {
      if (type != null && !"Json".equals(type)) {
        return "must be sent as type Json (a list of options), not " + TaskFormGuard.shorten(type);
      }
    } else if (type != null && !PRIMITIVE_TYPES.contains(type)) {
      return "must be a plain value, not of type " + TaskFormGuard.shorten(type);
    }
    if (field.readonly()) {
      // Tasklist sends read-only fields back as shown (an empty one as ""): exactly that, nothing else.
      String shown = currentValue == null ? "" : String.valueOf(currentValue);
      String text = value.isValueNode() ? value.asText() : value.toString();
      return Objects.equals(shown, text) ? null : "is read-only here and may not be changed";
    }
    if (absent) {
      return null; // an optional field cleared
    }
    return invalidValue(field, type, value);
  }

  private static String invalidValue(Field field, String type, JsonNode value) {
    JsonNode component = field.component();
    JsonNode validate = component.path("validate");
    switch (field.type()) {
      case "checkbox" -> {
        return value.isBoolean() && (type == null || "Boolean".equals(type)) ? null : "must be true or false";
      }
      case "number" -> {
        if (!value.isNumber() || (type != null && !NUMBER_TYPES.contains(type))) {
          return "must be a number";
        }
        BigDecimal number = value.decimalValue();
        if (validate.has("min") && number.compareTo(validate.get("min").decimalValue()) < 0) {
          return "must be at least " + validate.get("min").asText();
        }
        if (validate.has("max") && number.compareTo(validate.get("max").decimalValue()) > 0) {
          return "must be at most " + validate.get("max").asText();
        }
        return null;
      }
      case "checklist" -> {
        List<String> options = options(component);
        JsonNode chosen = value.isTextual() ? parse(value.asText()) : null;
        if (chosen == null || !chosen.isArray()) {
          return "must be a JSON list of " + String.join(", ", options);
        }
        for (JsonNode item : chosen) {
          if (!item.isTextual() || !options.contains(item.asText())) {
            return "may only contain " + String.join(", ", options);
          }
        }
        return null;
      }
      default -> {
        if (!value.isTextual() || (type != null && !"String".equals(type))) {
          return "must be text";
        }
        return invalidText(field, value.asText());
      }
    }
  }

  private static String invalidText(Field field, String text) {
    JsonNode component = field.component();
    JsonNode validate = component.path("validate");
    if (text.length() > MAX_TEXT) {
      return "is longer than " + MAX_TEXT + " characters, the most a text variable holds";
    }
    switch (field.type()) {
      case "radio", "select" -> {
        List<String> options = options(component);
        return options.contains(text) ? null : "must be one of " + String.join(", ", options);
      }
      case "datetime" -> {
        return invalidDate(component.path("subtype").asText("date"), text);
      }
      default -> {
        if (validate.has("minLength") && text.length() < validate.get("minLength").asInt()) {
          return "must be at least " + validate.get("minLength").asInt() + " characters long";
        }
        if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
          return "must be at most " + validate.get("maxLength").asInt() + " characters long";
        }
        String pattern = validate.path("pattern").asText("");
        try {
          return pattern.isEmpty() || Pattern.compile(pattern).matcher(text).find()
              ? null
              : "does not have the expected form (" + pattern + ")";
        } catch (PatternSyntaxException e) {
          return "cannot be checked against the form's pattern";
        }
      }
    }
  }

  /** The whole value must be a date (or date and time, or time) of the field's subtype, within range. */
  static String invalidDate(String subtype, String text) {
    try {
      LocalDate date = switch (subtype) {
        case "time" -> {
          LocalTime.parse(text);
          yield null;
        }
        case "datetime" -> text.length() > 19 && (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$"))
            ? OffsetDateTime.parse(text).toLocalDate()
            : LocalDateTime.parse(text).toLocalDate();
        default -> LocalDate.parse(text);
      };
      if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
        return "must lie between " + EARLIEST + " and " + LATEST;
      }
      return null;
    } catch (DateTimeParseException e) {
      return "time".equals(subtype)
          ? "must be a time (HH:mm)"
          : "datetime".equals(subtype)
              ? "must be a date and time (yyyy-MM-ddTHH:mm)"
              : "must be a date (yyyy-MM-dd)";
    }
  }

  private static List<String> options(JsonNode component) {
    List<String> options = new ArrayList<>();
    component.path("values").forEach(v -> options.add(v.path("value").asText()));
    return options;
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }
}
