package org.hldprep.notification;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.hldprep.platform.settings.MailSettings;

/**
 * What a mail needs to know of the cycle a task belongs to: its name, its time zone (the variable
 * {@code timeZone} of the cycle, an IANA id) and after how many overdue days the covering office is put
 * in copy (the cycle's {@code escalationAfterDays}). Children inherit them from the cycle's master.
 */
public record CycleFacts(String cycle, ZoneId zone, int escalationAfterDays) {

  public static final String VAR_CYCLE = "cycle";
  public static final String VAR_TIME_ZONE = "timeZone";
  public static final String VAR_ESCALATION_AFTER_DAYS = "escalationAfterDays";

  /** From a task being created, inside the engine's command: walks up to the cycle's master. */
  public static CycleFacts of(DelegateTask task, MailSettings settings) {
    CommandContext context = Context.getCommandContext();
    ExecutionEntity instance = ((ExecutionEntity) task.getExecution()).getProcessInstance();
    ExecutionEntity root = instance;
    boolean rootInCommand = true;
    while (root.getSuperExecutionId() != null) {
      // The calling instance by its id, one row: getProcessInstance() on the caller's execution would load
      // the master's whole execution tree (hundreds of rows in a cycle of 194 countries) for every task.
      String callerId = root.getSuperExecution().getProcessInstanceId();
      ExecutionEntity cached = context.getDbEntityManager().getCachedEntity(ExecutionEntity.class, callerId);
      rootInCommand = cached != null;
      root = cached != null ? cached : context.getExecutionManager().findExecutionById(callerId);
    }
    Map<String, Object> facts = rootInCommand ? variables(root) : storedVariables(context, root.getId());
    return of(first(task.getVariable(VAR_CYCLE), facts.get(VAR_CYCLE), root.getBusinessKey(),
        instance.getBusinessKey()),
        first(task.getVariable(VAR_TIME_ZONE), facts.get(VAR_TIME_ZONE)), facts.get(VAR_ESCALATION_AFTER_DAYS),
        settings);
  }

  private static final List<String> NAMES = List.of(VAR_CYCLE, VAR_TIME_ZONE, VAR_ESCALATION_AFTER_DAYS);

  /** The master as this command holds it (its variables may have changed in it and not yet be stored). */
  private static Map<String, Object> variables(ExecutionEntity root) {
    Map<String, Object> values = new HashMap<>();
    NAMES.forEach(name -> values.put(name, root.getVariable(name)));
    return values;
  }

  /**
   * The master untouched by this command: its three variables as stored, by name. Reading them through the
   * execution would load every variable of the master (its tallies and calendar) for every task created.
   */
  private static Map<String, Object> storedVariables(CommandContext context, String rootId) {
    Map<String, Object> values = new HashMap<>();
    context.getVariableInstanceManager().findVariableInstancesByExecutionIdAndVariableNames(rootId, NAMES)
        .forEach(variable -> values.put(variable.getName(), variable.getValue()));
    return values;
  }

  /** From variable values; a missing or bad time zone or day count falls back to the settings. */
  public static CycleFacts of(Object cycle, Object timeZone, Object escalationAfterDays, MailSettings settings) {
    return new CycleFacts(cycle == null ? "" : cycle.toString(), zone(timeZone, settings.defaultTimeZone()),
        days(escalationAfterDays, settings.escalationAfterDays()));
  }

  /** Geneva's time: IANA has no Europe/Geneva (Geneva keeps Zurich's clock), yet people write it. */
  static final String GENEVA = "Europe/Geneva";

  static ZoneId zone(Object value, ZoneId fallback) {
    if (value == null || value.toString().isBlank()) {
      return fallback;
    }
    try {
      return ZoneId.of(GENEVA.equals(value.toString().trim()) ? "Europe/Zurich" : value.toString().trim());
    } catch (DateTimeException e) {
      return fallback;
    }
  }

  private static int days(Object value, int fallback) {
    if (value instanceof Number number && number.intValue() > 0) {
      return number.intValue();
    }
    if (value != null) {
      try {
        int parsed = Integer.parseInt(value.toString().trim());
        return parsed > 0 ? parsed : fallback;
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    return fallback;
  }

  static Object first(Object... values) {
    for (Object value : values) {
      if (value != null && !value.toString().isBlank()) {
        return value;
      }
    }
    return null;
  }
}
