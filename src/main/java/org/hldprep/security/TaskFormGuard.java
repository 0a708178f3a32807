package org.hldprep.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * What a user may send when completing a task: exactly the fields of the task's Camunda Form. A
 * completion may otherwise set any process variable, e.g. reroute the next step to another office or
 * clear the flag that marks a summary late. Checked before the engine sees the request:
 * <ul>
 *   <li>no variable that is not a field of the form;</li>
 *   <li>read-only fields only with the value they show;</li>
 *   <li>required fields (those not shown conditionally) present; radio and select values among the
 *       form's options; dates as ISO dates; numbers as numbers; patterns matched.</li>
 * </ul>
 * A task the caller cannot see is left to the engine, which answers 403 or 404 as before.
 */
public class TaskFormGuard {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<ProcessEngine> engine;

  public TaskFormGuard(Supplier<ProcessEngine> engine) {
    this.engine = engine;
  }

  /** Null if the submission may go on, else the message of a 400. */
  public String refusal(String taskId, JsonNode variables, String userId, List<String> groups) {
    ProcessEngine processEngine = engine.get();
    IdentityService identity = processEngine.getIdentityService();
    Authentication previous = identity.getCurrentAuthentication();
    try {
      identity.setAuthentication(userId, groups);
      if (processEngine.getTaskService().createTaskQuery().taskId(taskId).count() != 1) {
        return null;
      }
      identity.clearAuthentication();
      JsonNode form = form(processEngine, taskId);
      return form == null ? null : check(form, variables == null ? JSON.createObjectNode() : variables,
          name -> processEngine.getTaskService().getVariable(taskId, name));
    } finally {
      identity.clearAuthentication();
      if (previous != null) {
        identity.setAuthentication(previous);
      }
    }
  }

  private static JsonNode form(ProcessEngine engine, String taskId) {
    try (InputStream in = engine.getFormService().getDeployedTaskForm(taskId)) {
      return JSON.readTree(in);
    } catch (ProcessEngineException | IOException e) {
      return null; // no Camunda Form: nothing to check against
    }
  }

  /** The check itself, on the form's JSON schema; {@code current} reads a variable's present value. */
  static String check(JsonNode form, JsonNode variables, java.util.function.Function<String, Object> current) {
    Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
    for (JsonNode component : form.path("components")) {
      if (component.hasNonNull("key")) {
        fields.put(component.get("key").asText(), component);
      }
    }
    List<String> problems = new ArrayList<>();
    for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      JsonNode field = fields.get(name);
      JsonNode value = variables.get(name).path("value");
      if (field == null) {
        problems.add("'" + name + "' is not a field of this task's form");
      } else if (field.path("readonly").asBoolean(false)) {
        // Tasklist sends read-only fields back as shown; an empty one comes back as "".
        String shown = text(current.apply(name));
        String sent = value.isNull() || value.isMissingNode() ? "" : value.asText();
        if (!sent.isEmpty() && !Objects.equals(shown, sent)) {
          problems.add("'" + name + "' is read-only here");
        }
      } else if (!value.isNull() && !value.isMissingNode()) {
        String problem = invalid(field, value);
        if (problem != null) {
          problems.add("'" + name + "' " + problem);
        }
      }
    }
    for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
      JsonNode component = field.getValue();
      boolean required = component.path("validate").path("required").asBoolean(false);
      boolean conditional = component.has("conditional");
      JsonNode given = variables.path(field.getKey()).path("value");
      if (required && !conditional && !component.path("readonly").asBoolean(false)
          && (given.isMissingNode() || given.isNull() || given.asText().isBlank())) {
        problems.add("'" + field.getKey() + "' is required");
      }
    }
    return problems.isEmpty() ? null : "The form was not filled in as expected: " + String.join("; ", problems);
  }

  private static String invalid(JsonNode field, JsonNode value) {
    String type = field.path("type").asText();
    switch (type) {
      case "radio", "select" -> {
        List<String> options = new ArrayList<>();
        field.path("values").forEach(v -> options.add(v.path("value").asText()));
        return options.contains(value.asText()) ? null : "must be one of " + String.join(", ", options);
      }
      case "checklist" -> {
        List<String> options = new ArrayList<>();
        field.path("values").forEach(v -> options.add(v.path("value").asText()));
        JsonNode chosen = value.isTextual() ? parse(value.asText()) : value;
        if (chosen == null || !chosen.isArray()) {
          return "must be a list of " + String.join(", ", options);
        }
        for (JsonNode item : chosen) {
          if (!options.contains(item.asText())) {
            return "may only contain " + String.join(", ", options);
          }
        }
        return null;
      }
      case "datetime" -> {
        try {
          LocalDate.parse(value.asText().length() > 10 ? value.asText().substring(0, 10) : value.asText());
          return null;
        } catch (DateTimeParseException e) {
          return "must be a date (yyyy-MM-dd)";
        }
      }
      case "number" -> {
        return value.isNumber() || value.asText().matches("-?\\d+(\\.\\d+)?") ? null : "must be a number";
      }
      default -> {
        String pattern = field.path("validate").path("pattern").asText("");
        return pattern.isEmpty() || Pattern.compile(pattern).matcher(value.asText()).find() ? null
            : "does not have the expected form (" + pattern + ")";
      }
    }
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
