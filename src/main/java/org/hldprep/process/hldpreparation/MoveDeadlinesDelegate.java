package org.hldprep.process.hldpreparation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.engine.EngineCommand;
import org.hldprep.engine.EngineExpressions;
import org.hldprep.platform.input.InputParser;
import org.hldprep.process.InputVariables;
import org.hldprep.process.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * CalendarChanged: the new dates (variable {@code calendarChanges}) are checked as at the start (order;
 * no date that was still ahead moved into the past unless the message or the cycle says {@code replay};
 * {@link CycleCalendar#changeChecked}), then replace the cycle's calendar in the master and in every running child that uses
 * them, a child's own date included (a commission's meeting, a round table's day: {@link Track.OwnDate}).
 * Dates never given explicitly follow their base again (move the HLD and its defaults move with
 * it); every pending timer of the cycle is re-evaluated against its date, and every open task whose due
 * date names a moved date gets its new due date, computed by the task's own expression.
 */
@Component("moveDeadlinesDelegate")
public class MoveDeadlinesDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> changes = changes(execution.getVariable(HldPreparationProcess.CALENDAR_CHANGES));
    Object replayChange = execution.getVariable(HldPreparationProcess.CALENDAR_CHANGE_REPLAY);
    boolean replay = InputVariables.replay(execution)
        || (!InputParser.blank(replayChange) && InputVariables.checked(() -> InputParser.flag("replay", replayChange)));
    Map<String, Object> before = new LinkedHashMap<>();
    for (String key : CycleCalendar.keys()) {
      before.put(key, execution.getVariable(key));
    }
    Set<String> given = new LinkedHashSet<>(JsonVariables.strings(execution.getVariable(CycleCalendar.GIVEN_DATES)));
    Map<String, String> calendar = InputVariables.checked(() -> CycleCalendar.changeChecked(before, given, changes,
        replay, InputVariables.today(InputVariables.timeZone(execution))));
    Map<String, String> moved = new LinkedHashMap<>();
    for (String key : CycleCalendar.moved(before, calendar)) {
      moved.put(key, calendar.get(key));
    }
    given.addAll(changes.keySet());
    execution.setVariable(CycleCalendar.GIVEN_DATES, HldPreparationStartListener.json(new ArrayList<>(given)));
    if (!moved.isEmpty()) {
      EngineCommand.runWithoutAuthorization(
          () -> apply(execution.getProcessEngineServices(), execution.getProcessInstanceId(), moved, before, calendar));
    }
    execution.removeVariable(HldPreparationProcess.CALENDAR_CHANGES);
    execution.removeVariable(HldPreparationProcess.CALENDAR_CHANGE_REPLAY);
  }

  /**
   * Only the dates that really moved travel to the children, and only to those that have them: a date
   * a child set for itself (a meeting or session date chosen in a form) is left alone when another date
   * of the cycle moves.
   */
  private void apply(ProcessEngineServices engine, String masterId, Map<String, String> movedDates,
      Map<String, ?> before, Map<String, String> after) {
    RuntimeService runtime = engine.getRuntimeService();
    List<ProcessInstance> children = runtime.createProcessInstanceQuery().superProcessInstanceId(masterId).list();
    move(engine, masterId, new LinkedHashMap<>(movedDates));
    for (ProcessInstance child : children) {
      Map<String, Object> moved = new LinkedHashMap<>();
      Map<String, Object> own = runtime.getVariables(child.getId(), movedDates.keySet());
      movedDates.forEach((key, date) -> {
        if (own.get(key) != null) {
          moved.put(key, date);
        }
      });
      moved.putAll(ownDate(runtime, child, before, after));
      move(engine, child.getId(), moved);
    }
  }

  /**
   * A child's own date (a commission's meeting date, a round table's day: {@link Track.OwnDate}) follows
   * its calendar date when that moved; a date the child set for itself stays while its calendar date does
   * not move (the offices confirmed another meeting day in their form).
   */
  private static Map<String, Object> ownDate(RuntimeService runtime, ProcessInstance child, Map<String, ?> before,
      Map<String, String> after) {
    Track track = Track.ofDefinition(child.getProcessDefinitionId());
    Track.OwnDate own = track == null ? null : track.ownDate();
    if (own == null) {
      return Map.of();
    }
    Object which = runtime.getVariable(child.getId(), own.childKey());
    String was = own.fromCalendar().apply(before, which);
    String now = own.fromCalendar().apply(after, which);
    return was == null || now == null || now.equals(was) ? Map.of() : Map.of(own.variable(), now);
  }

  private static void move(ProcessEngineServices engine, String instance, Map<String, Object> moved) {
    if (moved.isEmpty()) {
      return;
    }
    engine.getRuntimeService().setVariables(instance, moved);
    recalculateTimers(engine, instance);
    moveDueDates(engine, instance, moved.keySet());
  }

  private static void recalculateTimers(ProcessEngineServices engine, String instance) {
    ManagementService management = engine.getManagementService();
    for (Job job : management.createJobQuery().processInstanceId(instance).timers().list()) {
      try {
        // From the job's creation: a running duration (e.g. a silence window) keeps its end; a date
        // timer takes its moved date.
        management.recalculateJobDuedate(job.getId(), true);
      } catch (ProcessEngineException e) {
        // The job executor ran this timer meanwhile (a replay's past dates all fall due at once): the job,
        // or the execution its date expression reads, is gone. The instance moved on under this change,
        // which is a concurrent update: the whole change is tried again (the cycle API retries, then 409).
        if (management.createJobQuery().jobId(job.getId()).count() == 0
            || engine.getRuntimeService().createExecutionQuery().executionId(job.getExecutionId()).count() == 0) {
          throw new OptimisticLockingException("The timer " + job.getId() + " of " + instance
              + " ran while its date was being moved");
        }
        throw e;
      }
    }
  }

  /** Re-evaluates the due date expression of every open task that names a moved date, as its creation did. */
  private static void moveDueDates(ProcessEngineServices engine, String instance, Collection<String> moved) {
    TaskService tasks = engine.getTaskService();
    RepositoryService repository = engine.getRepositoryService();
    for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
      UserTask definition = repository.getBpmnModelInstance(task.getProcessDefinitionId())
          .getModelElementById(task.getTaskDefinitionKey());
      String dueDate = definition == null ? null : definition.getCamundaDueDate();
      if (dueDate == null
          || moved.stream().noneMatch(key -> Pattern.compile("\\b" + key + "\\b").matcher(dueDate).find())) {
        continue;
      }
      task.setDueDate(EngineExpressions.taskDueDate(task.getId(), dueDate));
      tasks.saveTask(task);
    }
  }

  /** The changed dates: calendar keys only, as a JSON object (REST) or a map (Java clients). */
  static Map<String, Object> changes(Object value) {
    Map<String, Object> map = JsonVariables.map(value);
    if (map.isEmpty()) {
      throw new BadUserRequestException(HldPreparationProcess.CALENDAR_CHANGES
          + " must be an object of calendar dates, e.g. {\"hldDate\": \"2013-10-03\"}");
    }
    return map;
  }

}
