package org.hldprep.security.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.hldprep.engine.AsEngine;
import org.hldprep.engine.EngineTaskForms;
import org.hldprep.engine.TaskForms;
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
 *       bounds, text within its length and pattern and at most {@value FormSubmissionCheck#MAX_TEXT}
 *       characters ({@link FormSubmissionCheck}).</li>
 * </ul>
 * The form is the one the engine would show for the task, read as the engine ({@link TaskForms}).
 */
public class TaskFormGuard {

  private final Supplier<ProcessEngine> engine;
  private final TaskForms forms;

  public TaskFormGuard(Supplier<ProcessEngine> engine) {
    this(engine, new EngineTaskForms(engine));
  }

  public TaskFormGuard(Supplier<ProcessEngine> engine, TaskForms forms) {
    this.engine = engine;
    this.forms = forms;
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
    JsonNode sent = variables == null || variables.isNull() ? PlainJson.MAPPER.createObjectNode() : variables;
    // The caller may see the task (checked above): the form and the values it shows are read as the engine.
    return forms.onForm(taskId, (form, values) -> {
      if (form == null) {
        return Refusal.forbidden("Task " + taskId + " has no Camunda Form, so nothing may be sent with it but by"
            + " an administrator.");
      }
      String problem = FormSubmissionCheck.check(form, sent, values);
      if (problem != null) {
        return Refusal.badRequest(problem);
      }
      ((ObjectNode) sent).remove(FormFields.readOnly(form));
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
    return forms.onForm(taskId,
        (form, values) -> form == null ? Set.of() : Set.copyOf(FormFields.of(form).keySet()));
  }

  static Refusal notVisible(String taskId) {
    return Refusal.notFound("No task " + taskId + " that you may work on: it was completed, removed by a deadline,"
        + " or belongs to another office.");
  }

  /** Names and types echoed in a message are cut short: the client sent them, they may be huge. */
  static String shorten(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
