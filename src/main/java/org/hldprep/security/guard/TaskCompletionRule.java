package org.hldprep.security.guard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * Everything that finishes a task carries exactly the fields of its form ({@link TaskFormGuard}):
 * complete, submit-form and resolve; and a BPMN error or escalation thrown from a task is refused unless
 * the task's model catches that code there (otherwise it would end the execution, or, as variables at
 * process-instance scope, rewrite what the master tallies). Administrators are not checked.
 */
public class TaskCompletionRule implements EngineApiRule {

  private static final Pattern COMPLETION = Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve)/?$");
  private static final Pattern THROW = Pattern.compile("^/task/([^/]+)/(bpmnError|bpmnEscalation)/?$");

  private final TaskFormGuard formGuard;
  private final Supplier<ProcessEngine> engine;

  public TaskCompletionRule(TaskFormGuard formGuard, Supplier<ProcessEngine> engine) {
    this.formGuard = formGuard;
    this.engine = engine;
  }

  @Override
  public Refusal check(EngineApiCall call) throws IOException {
    if (!call.isEngineApi() || call.isAdmin() || !"POST".equals(call.method())) {
      return null;
    }
    Matcher completion = COMPLETION.matcher(call.enginePath());
    Matcher thrown = THROW.matcher(call.enginePath());
    if (!completion.matches() && !thrown.matches()) {
      return null;
    }
    if (call.userId() == null) {
      return new Refusal(401, "AuthenticationException", "Log in to work on tasks.");
    }
    JsonNode json = call.json();
    if (json == null || !json.isObject()) {
      return Refusal
          .badRequest("The body must be a JSON object of at most " + EngineApiCall.MAX_BODY_BYTES + " bytes.");
    }
    String taskId = completion.matches() ? completion.group(1) : thrown.group(1);
    if (thrown.matches()) {
      Refusal refusal = uncaughtThrow(call, taskId, thrown.group(2), json);
      if (refusal != null) {
        return refusal;
      }
    }
    Refusal refusal = formGuard.refusal(taskId, json.get("variables"), call.userId(), call.groups());
    if (refusal == null) {
      call.rewriteBody(json); // without the read-only fields the guard took out
    }
    return refusal;
  }

  private Refusal uncaughtThrow(EngineApiCall call, String taskId, String what, JsonNode json) {
    boolean error = "bpmnError".equals(what);
    String codeField = error ? "errorCode" : "escalationCode";
    JsonNode code = json.get(codeField);
    if (code == null || !code.isTextual() || code.asText().isBlank()) {
      return Refusal.badRequest("'" + codeField + "' is required.");
    }
    Task task = formGuard.visibleTask(taskId, call.userId(), call.groups());
    if (task == null) {
      return TaskFormGuard.notVisible(taskId);
    }
    if (task.getProcessDefinitionId() == null) {
      return Refusal.forbidden("A task outside any workflow cannot throw BPMN errors or escalations.");
    }
    ModelCatches.Kind kind = error ? ModelCatches.Kind.ERROR : ModelCatches.Kind.ESCALATION;
    boolean caught = ModelCatches.catches(engine.get().getRepositoryService().getBpmnModelInstance(
        task.getProcessDefinitionId()), task.getTaskDefinitionKey(), kind, code.asText());
    if (!caught) {
      return Refusal.forbidden("The workflow does not expect " + (error ? "a BPMN error '" : "an escalation '")
          + TaskFormGuard.shorten(code.asText()) + "' from this task; complete it through its form instead.");
    }
    return null;
  }
}
