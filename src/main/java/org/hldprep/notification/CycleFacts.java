package org.hldprep.notification;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * What a mail needs to know of the cycle a task belongs to: its name, its time zone (the variable
 * {@code timeZone} of the cycle, an IANA id) and after how many overdue days the covering office is put
 * in copy (the cycle's {@code escalationAfterDays}). Children inherit them from the cycle's master.
 */
public record CycleFacts(String cycle, ZoneId zone, int escalationAfterDays) {

  public static final String VAR_CYCLE = "cycle";
  public static final String VAR_TIME_ZONE = "timeZone";
  public static final String VAR_ESCALATION_AFTER_DAYS = "escalationAfterDays";

  /** From a task being created, inside the engine's command: walks up to the cycle's master in memory. */
  public static CycleFacts of(DelegateTask task, MailSettings settings) {
    ExecutionEntity instance = ((ExecutionEntity) task.getExecution()).getProcessInstance();
    ExecutionEntity root = instance;
    while (root.getSuperExecutionId() != null) {
      // The calling instance by its id, one row: getProcessInstance() on the caller's execution would load
      // the master's whole execution tree (hundreds of rows in a cycle of 194 countries) for every task.
      root = Context.getCommandContext().getExecutionManager()
          .findExecutionById(root.getSuperExecution().getProcessInstanceId());
    }
    return of(first(task.getVariable(VAR_CYCLE), root.getVariable(VAR_CYCLE), root.getBusinessKey(),
            instance.getBusinessKey()),
        first(task.getVariable(VAR_TIME_ZONE), root.getVariable(VAR_TIME_ZONE)),
        root.getVariable(VAR_ESCALATION_AFTER_DAYS), settings);
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
