package org.hldprep.process;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.calendar.Deadlines;
import org.hldprep.engine.EngineClock;
import org.hldprep.platform.input.InputParser;
import org.hldprep.platform.input.InvalidInputException;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.Rcp;
import org.hldprep.reference.ReferenceData;
import org.hldprep.reference.UnknownReferenceCodeException;

/**
 * Checks and completes the variables a process receives, at its start or with a message, through the
 * one {@link InputParser}: a bad value is refused with a BadUserRequestException naming it (400 on the
 * REST APIs) and nothing changes, because the check runs in the transaction of the start or the
 * correlation itself.
 */
public final class InputVariables {

  private InputVariables() {
  }

  /** Runs a parse, turning bad input into a 400 with its message. */
  public static <T> T checked(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (InvalidInputException | UnknownReferenceCodeException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }

  /**
   * Sets the calendar dates the process uses, checked and normalized, from the dates it was given and
   * the defaults that follow them. A process started on its own (not by a cycle, whose master checked
   * the whole calendar) gets the same checks as a cycle: dates in order and, unless it replays a past
   * year, none already past. Also fixes the process's time zone and replay flag.
   */
  public static void completeCalendar(DelegateExecution execution, Collection<String> keysUsed) {
    ZoneId zone = timeZone(execution);
    boolean replay = replay(execution);
    Map<String, String> calendar = checked(() -> CycleCalendar.resolve(execution.getVariables()));
    if (execution.getSuperExecution() == null) {
      checked(() -> {
        CycleCalendar.check(calendar);
        if (!replay) {
          CycleCalendar.checkNotPast(calendar, new java.util.LinkedHashSet<>(keysUsed), today(zone));
        }
        return null;
      });
    }
    for (String key : keysUsed) {
      // Given or not, the date is stored in its checked form (a timer cannot be built on '2013-02-15xyz').
      if (!calendar.get(key).equals(execution.getVariable(key))) {
        execution.setVariable(key, calendar.get(key));
      }
    }
  }

  /** The process's time zone (variable {@value CycleCalendar#TIME_ZONE}, default Europe/Zurich, Geneva's zone), stored checked. */
  public static ZoneId timeZone(DelegateExecution execution) {
    ZoneId zone = checked(() -> Deadlines.zone(execution.getVariable(CycleCalendar.TIME_ZONE)));
    if (!zone.getId().equals(execution.getVariable(CycleCalendar.TIME_ZONE))) {
      execution.setVariable(CycleCalendar.TIME_ZONE, zone.getId());
    }
    return zone;
  }

  /** Whether the process replays a past year (variable {@value CycleCalendar#REPLAY}, default false), stored checked. */
  public static boolean replay(DelegateExecution execution) {
    Object value = execution.getVariable(CycleCalendar.REPLAY);
    boolean replay = !InputParser.blank(value) && checked(() -> InputParser.flag(CycleCalendar.REPLAY, value));
    if (!Boolean.valueOf(replay).equals(value)) {
      execution.setVariable(CycleCalendar.REPLAY, replay);
    }
    return replay;
  }

  /** Today in a zone, by the engine's clock (which tests may set). */
  public static LocalDate today(ZoneId zone) {
    return EngineClock.today(zone);
  }

  /** Sets a variable to a default value if the start did not give one. */
  public static void defaultValue(DelegateExecution execution, String name, Object value) {
    if (execution.getVariable(name) == null) {
      execution.setVariable(name, value);
    }
  }

  /** A whole number of at least {@code minimum} (default when not given), stored checked. */
  public static int wholeNumber(DelegateExecution execution, String name, int defaultValue, int minimum) {
    Object value = execution.getVariable(name);
    int number = InputParser.blank(value) ? defaultValue : checked(() -> InputParser.wholeNumber(name, value, minimum));
    execution.setVariable(name, number);
    return number;
  }

  /** The Member State named by a required variable (ISO alpha-3, any case), or a 400 naming the value. */
  public static MemberState memberState(DelegateExecution execution, String name, ReferenceData referenceData) {
    return checked(() -> referenceData.requireMemberState(required(execution, name)));
  }

  /** The RCP named by a required variable, or a 400 naming the value. */
  public static Rcp rcp(DelegateExecution execution, String name, ReferenceData referenceData) {
    return checked(() -> referenceData.requireRcp(required(execution, name)));
  }

  /** A required string variable, or a 400 naming it. */
  public static String required(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (InputParser.blank(value)) {
      throw new BadUserRequestException("The start variable '" + name + "' is required");
    }
    return value.toString().trim();
  }
}
