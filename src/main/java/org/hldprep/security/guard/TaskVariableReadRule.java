package org.hldprep.security.guard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading through a task gives the fields of that task's form and nothing else. Camunda answers a task's
 * variable reads with every variable visible from the task, i.e. the whole process scope: a Friend of the
 * Chair would read the Office of Legal Affairs' advice through a reading task, a Regional Office every
 * country's outcome through its synthesis. Outside camunda-admin: a list without names is answered with
 * the form's fields only (Tasklist asks that way and keeps working); a name outside the form is refused.
 */
public class TaskVariableReadRule implements EngineApiRule {

  private static final Pattern LIST = Pattern.compile("^/task/([^/]+)/(variables|localVariables|form-variables)/?$");
  private static final Pattern ONE = Pattern.compile("^/task/([^/]+)/(variables|localVariables)/([^/]+)(/data)?/?$");
  private static final Pattern RENDERED = Pattern.compile("^/task/([^/]+)/rendered-form/?$");
  private static final String NAMES = "variableNames";

  private final TaskFormGuard forms;

  public TaskVariableReadRule(TaskFormGuard forms) {
    this.forms = forms;
  }

  @Override
  public Refusal check(EngineApiCall call) {
    if (!call.isEngineApi() || call.isAdmin() || call.isWrite()) {
      return null;
    }
    String path = call.enginePath();
    if (RENDERED.matcher(path).matches()) {
      return Refusal.forbidden("Tasks here have Camunda Forms: read a task's values through its form"
          + " (GET /task/{id}/form-variables).");
    }
    Matcher one = ONE.matcher(path);
    if (one.matches()) {
      return outsideForm(call, one.group(1), List.of(one.group(3)));
    }
    Matcher list = LIST.matcher(path);
    if (!list.matches()) {
      return null;
    }
    String asked = call.parameter(NAMES);
    if (asked != null && !asked.isBlank()) {
      return outsideForm(call, list.group(1), Arrays.stream(asked.split(",")).map(String::trim).toList());
    }
    Set<String> fields = forms.fieldNames(list.group(1), call.userId(), call.groups());
    if (fields == null) {
      return TaskFormGuard.notVisible(list.group(1));
    }
    if (fields.isEmpty()) {
      return noForm(list.group(1));
    }
    call.narrowAnswerTo(fields);
    return null;
  }

  private Refusal outsideForm(EngineApiCall call, String taskId, List<String> names) {
    Set<String> fields = forms.fieldNames(taskId, call.userId(), call.groups());
    if (fields == null) {
      return TaskFormGuard.notVisible(taskId);
    }
    if (fields.isEmpty()) {
      return noForm(taskId);
    }
    List<String> outside = new ArrayList<>();
    names.stream().filter(name -> !fields.contains(name)).forEach(name -> outside.add(TaskFormGuard.shorten(name)));
    return outside.isEmpty()
        ? null
        : Refusal.forbidden("Only the fields of this task's form may be read through it;"
            + " not " + String.join(", ", outside) + ".");
  }

  private static Refusal noForm(String taskId) {
    return Refusal.forbidden("Task " + taskId + " has no Camunda Form: its values are read by administrators only.");
  }
}
