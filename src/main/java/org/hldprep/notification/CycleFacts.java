package org.hldprep.notification;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.hldprep.engine.CallHierarchy;
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
    CallHierarchy.Root root = CallHierarchy.rootOf(task, NAMES);
    Map<String, Object> facts = root.variables();
    return of(first(task.getVariable(VAR_CYCLE), facts.get(VAR_CYCLE), root.businessKey(), root.instanceBusinessKey()),
        first(task.getVariable(VAR_TIME_ZONE), facts.get(VAR_TIME_ZONE)), facts.get(VAR_ESCALATION_AFTER_DAYS),
        settings);
  }

  private static final List<String> NAMES = List.of(VAR_CYCLE, VAR_TIME_ZONE, VAR_ESCALATION_AFTER_DAYS);

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
