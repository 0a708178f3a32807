package org.hldprep.security.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.task.Task;
import org.hldprep.engine.AsEngine;
import org.hldprep.platform.input.InputLimits;
import org.hldprep.platform.input.PlainJson;

/**
 * What a user may send when completing a task: exactly the fields of the task's Camunda Form, each as
 * the field's own primitive type. A completion may otherwise set any process variable, e.g. reroute the
 * next step to another office, clear the flag that marks a summary late, or plant a typed value that the
 * engine tries to build as a class whenever the variable is read. Checked before the engine sees the
 * request; it fails closed:
 * <ul>
 *   <li>a task the caller cannot see: 404 (as the engine would answer), nothing checked further;</li>
 *   <li>a task without a Camunda Form: refused (403), there is nothing to check against;</li>
 *   <li>no variable that is not a field of the form (nested groups included);</li>
 *   <li>no {@code valueInfo} and no type but the field's own (String, Boolean, a number, Json for a
 *       checklist): no Object, Json, Xml, Bytes or File values elsewhere;</li>
 *   <li>read-only fields only with the value they show; {@code null} never for read-only or required
 *       fields; required fields (those not shown conditionally) present;</li>
 *   <li>options among the form's, whole dates (2000-01-01 to 2099-12-31), numbers within the form's
 *       bounds, text within its length and pattern and at most {@value #MAX_TEXT} characters.</li>
 * </ul>
 */
public class TaskFormGuard {

  /** No field without a smaller maxLength may exceed the engine's text column. */
  static final int MAX_TEXT = InputLimits.MAX_TEXT;
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  static final LocalDate LATEST = LocalDate.of(2099, 12, 31);
  private static final ObjectMapper JSON = PlainJson.MAPPER;
  private static final Set<String> NUMBER_TYPES = Set.of("Long", "Integer", "Short", "Double");
  private static final Set<String> PRIMITIVE_TYPES = Set.of("String", "Boolean", "Long", "Integer", "Short",
      "Double");

  /** Form versions kept parsed; the least used beyond this are parsed again when needed. */
  private static final int MAX_CACHED_FORMS = 1_000;

  private final Supplier<ProcessEngine> engine;
  /** Parsed forms by form definition id (a deployed definition is immutable); never modified once parsed. */
  private final Cache<String, JsonNode> forms = Caffeine.newBuilder().maximumSize(MAX_CACHED_FORMS).build();

  public TaskFormGuard(Supplier<ProcessEngine> engine) {
    this.engine = engine;
  }

  /** The task as the caller sees it, or null when the caller cannot see it (or it is gone). */
  public Task visibleTask(String taskId, String userId, List<String> groups) {
    ProcessEngine processEngine = engine.get();
    return AsEngine.callAs(processEngine.getIdentityService(), userId, groups,
        () -> processEngine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
  }

  /**
   * Null if the submission may go on, else the refusal (404, 403 or 400 with the reasons). When it may go
   * on, the read-only fields are taken out of {@code variables}: they are shown, never written.
   */
  public Refusal refusal(String taskId, JsonNode variables, String userId, List<String> groups) {
    if (visibleTask(taskId, userId, groups) == null) {
      return notVisible(taskId);
    }
    if (variables != null && !variables.isNull() && !variables.isObject()) {
      return Refusal.badRequest("'variables' must be an object of variable name to {\"value\": ...}.");
    }
    JsonNode sent = variables == null || variables.isNull() ? JSON.createObjectNode() : variables;
    return asEngine((context, processEngine) -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      JsonNode form = task == null ? null : form(context, processEngine, task);
      if (form == null) {
        return Refusal.forbidden("Task " + taskId + " has no Camunda Form, so nothing may be sent with it but by"
            + " an administrator.");
      }
      String problem = check(form, sent, task::getVariable);
      if (problem != null) {
        return Refusal.badRequest(problem);
      }
      ((ObjectNode) sent).remove(readOnlyFields(form));
      return null;
    });
  }

  /**
   * The keys of the task's form fields, the only variables a user may read through the task; null when
   * the caller cannot see the task, empty when it has no Camunda Form.
   */
  public Set<String> fieldNames(String taskId, String userId, List<String> groups) {
    if (visibleTask(taskId, userId, groups) == null) {
      return null;
    }
    return asEngine((context, processEngine) -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      JsonNode form = task == null ? null : form(context, processEngine, task);
      return form == null ? Set.of() : Set.copyOf(fields(form).keySet());
    });
  }

  /** The caller may see the task (checked before): the form and the values it shows are read as the engine. */
  private <T> T asEngine(java.util.function.BiFunction<CommandContext, ProcessEngine, T> work) {
    ProcessEngine processEngine = engine.get();
    Command<T> command = context -> work.apply(context, processEngine);
    return AsEngine.call(processEngine.getIdentityService(),
        () -> ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired().execute(command));
  }

  static Refusal notVisible(String taskId) {
    return Refusal.notFound("No task " + taskId + " that you may work on: it was completed, removed by a deadline,"
        + " or belongs to another office.");
  }

  /**
   * The task's Camunda Form, parsed, or null when it has none (or none we can read: fail closed). The form
   * is resolved as Camunda's getDeployedTaskForm resolves it (its formRef and binding, against the task's
   * deployment); a deployed form definition never changes, so it is read and parsed once per definition.
   */
  private JsonNode form(CommandContext context, ProcessEngine processEngine, TaskEntity task) {
    try {
      CamundaFormRef ref = new GetTaskFormCmd(task.getId()).execute(context).getCamundaFormRef();
      if (ref == null) {
        return parsed(processEngine.getFormService().getDeployedTaskForm(task.getId()));
      }
      String deploymentId = task.getProcessDefinitionId() == null
          ? null
          : context.getProcessEngineConfiguration()
              .getDeploymentCache().findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getDeploymentId();
      CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(context);
      if (definition == null) {
        return null;
      }
      JsonNode cached = forms.getIfPresent(definition.getId());
      if (cached != null) {
        return cached;
      }
      ResourceEntity resource = context.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
      JsonNode form = resource == null ? null : parsed(new ByteArrayInputStream(resource.getBytes()));
      if (form != null) {
        forms.put(definition.getId(), form);
      }
      return form;
    } catch (ProcessEngineException e) {
      return null;
    }
  }

  private static JsonNode parsed(InputStream stream) {
    try (InputStream in = stream) {
      JsonNode form = JSON.readTree(in);
      return form != null && form.path("components").isArray() ? form : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** A field of the form, with whether it sits in a conditionally shown container. */
  record Field(JsonNode component, boolean conditional) {
    boolean readonly() {
      return component.path("readonly").asBoolean(false);
    }

    boolean required() {
      return component.path("validate").path("required").asBoolean(false);
    }

    String type() {
      return component.path("type").asText();
    }
  }

  /** Every keyed field of the form, nested containers (groups, any component with components) included. */
  static Map<String, Field> fields(JsonNode form) {
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(form.path("components"), false, "", fields);
    return fields;
  }

  private static void collect(JsonNode components, boolean conditional, String prefix, Map<String, Field> fields) {
    for (JsonNode component : components) {
      boolean hidden = conditional || component.has("conditional");
      if (component.hasNonNull("key")) {
        fields.put(prefix + component.get("key").asText(), new Field(component, hidden));
      }
      if (component.path("components").isArray()) {
        // A container with a path nests its fields' data under that path: such names are never a plain
        // variable here, so they are refused as unknown (fail closed).
        String path = component.path("path").asText("");
        collect(component.get("components"), hidden, path.isEmpty() ? prefix : prefix + path + ".", fields);
      }
    }
  }

  static List<String> readOnlyFields(JsonNode form) {
    return fields(form).entrySet().stream().filter(e -> e.getValue().readonly()).map(Map.Entry::getKey).toList();
  }

  /** The check itself, on the form's JSON schema; {@code current} reads a variable's present value. */
  static String check(JsonNode form, JsonNode variables, Function<String, Object> current) {
    Map<String, Field> fields = fields(form);
    List<String> problems = new ArrayList<>();
    for (Iterator<String> names = variables.fieldNames(); names.hasNext();) {
      String name = names.next();
      Field field = fields.get(name);
      JsonNode sent = variables.get(name);
      String problem = field == null ? "is not a field of this task's form" : invalid(field, sent, current.apply(name));
      if (problem != null) {
        problems.add("'" + shorten(name) + "' " + problem);
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
        return "carries '" + shorten(key) + "'; only value and type are accepted";
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
        return "must be sent as type Json (a list of options), not " + shorten(type);
      }
    } else if (type != null && !PRIMITIVE_TYPES.contains(type)) {
      return "must be a plain value, not of type " + shorten(type);
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

  /** Names and types echoed in a message are cut short: the client sent them, they may be huge. */
  static String shorten(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
