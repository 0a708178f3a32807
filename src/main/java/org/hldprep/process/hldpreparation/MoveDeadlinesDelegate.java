package org.hldprep.process.hldpreparation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.calendar.DateTimeUtil;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.hldprep.process.CycleCalendar;
import org.springframework.stereotype.Component;

/**
 * CalendarChanged: the new dates (variable {@code calendarChanges}) replace the cycle's calendar in
 * the master and in every running child that uses them; every pending timer of the cycle is
 * re-evaluated against its variable, and every open task whose due date names a moved variable gets
 * the new due date. Derived dates (reminders, the briefing pack) follow their base date.
 */
@Component("moveDeadlinesDelegate")
public class MoveDeadlinesDelegate implements JavaDelegate {

  private static final Pattern SINGLE_VARIABLE = Pattern.compile("^\\$\\{\\s*(\\w+)\\s*}$");

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> changes = asMap(execution.getVariable(HldPreparationProcess.CALENDAR_CHANGES));
    Map<String, Object> before = new LinkedHashMap<>();
    for (String key : CycleCalendar.keys()) {
      before.put(key, execution.getVariable(key));
    }
    // Derived dates that were not changed explicitly are recomputed from their (possibly moved) base.
    Map<String, Object> given = new LinkedHashMap<>(before);
    given.keySet().removeIf(key -> CycleCalendar.derivedKeys().contains(key) && !changes.containsKey(key));
    given.putAll(changes);
    Map<String, String> calendar = CycleCalendar.resolve(given);
    // Only the dates that really moved travel to the children: a date a child set for itself (a meeting
    // or session date chosen in a form) is left alone when another date of the cycle moves.
    Map<String, String> moved = new LinkedHashMap<>();
    calendar.forEach((key, date) -> {
      if (!date.equals(String.valueOf(before.get(key)))) {
        moved.put(key, date);
      }
    });
    if (!moved.isEmpty()) {
      Context.getCommandContext().runWithoutAuthorization(() -> {
        apply(execution.getProcessEngineServices(), execution.getProcessInstanceId(), moved);
        return null;
      });
    }
    execution.removeVariable(HldPreparationProcess.CALENDAR_CHANGES);
  }

  private void apply(ProcessEngineServices engine, String masterId, Map<String, String> movedDates) {
    RuntimeService runtime = engine.getRuntimeService();
    List<String> instances = new ArrayList<>();
    instances.add(masterId);
    runtime.createProcessInstanceQuery().superProcessInstanceId(masterId).list().stream()
        .map(ProcessInstance::getId).forEach(instances::add);
    for (String instance : instances) {
      Map<String, Object> moved = new LinkedHashMap<>();
      Map<String, Object> own = runtime.getVariables(instance, movedDates.keySet());
      movedDates.forEach((key, date) -> {
        if (own.get(key) != null || instance.equals(masterId)) {
          moved.put(key, date);
        }
      });
      if (moved.isEmpty()) {
        continue;
      }
      runtime.setVariables(instance, moved);
      recalculateTimers(engine.getManagementService(), instance);
      moveDueDates(engine, instance, moved);
    }
  }

  private static void recalculateTimers(ManagementService management, String instance) {
    for (Job job : management.createJobQuery().processInstanceId(instance).timers().list()) {
      // From the job's creation: a running duration (e.g. a silence window) keeps its end; a date
      // timer takes its moved date.
      management.recalculateJobDuedate(job.getId(), true);
    }
  }

  private static void moveDueDates(ProcessEngineServices engine, String instance, Map<String, Object> moved) {
    TaskService tasks = engine.getTaskService();
    RepositoryService repository = engine.getRepositoryService();
    for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
      UserTask definition = repository.getBpmnModelInstance(task.getProcessDefinitionId())
          .getModelElementById(task.getTaskDefinitionKey());
      if (definition == null || definition.getCamundaDueDate() == null) {
        continue;
      }
      Matcher variable = SINGLE_VARIABLE.matcher(definition.getCamundaDueDate());
      if (variable.matches() && moved.containsKey(variable.group(1))) {
        task.setDueDate(DateTimeUtil.parseDate(moved.get(variable.group(1)).toString()));
        tasks.saveTask(task);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    if (value instanceof Map<?, ?> map) {
      return new LinkedHashMap<>((Map<String, Object>) map);
    }
    if (value instanceof org.camunda.spin.json.SpinJsonNode node && node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fieldNames().forEach(name -> map.put(name, node.prop(name).isString()
          ? node.prop(name).stringValue() : node.prop(name).toString()));
      return map;
    }
    return new LinkedHashMap<>();
  }
}
