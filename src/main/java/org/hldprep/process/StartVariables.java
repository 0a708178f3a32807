package org.hldprep.process;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Checks and completes the variables a process starts with, in the start event's listener: a bad
 * value refuses the start (the engine REST API answers 400 to a BadUserRequestException) and nothing
 * is created, because the listener runs in the transaction of the start itself.
 */
public final class StartVariables {

  private StartVariables() {}

  /** Sets the calendar dates the process uses but lacks, from the defaults and the dates it has. */
  public static void completeCalendar(DelegateExecution execution, String... keysUsed) {
    Map<String, String> calendar;
    try {
      calendar = CycleCalendar.resolve(execution.getVariables());
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException(e.getMessage());
    }
    for (String key : keysUsed) {
      if (execution.getVariable(key) == null) {
        execution.setVariable(key, calendar.get(key));
      }
    }
  }

  /** Sets a variable to a default value if the start did not give one. */
  public static void defaultValue(DelegateExecution execution, String name, Object value) {
    if (execution.getVariable(name) == null) {
      execution.setVariable(name, value);
    }
  }

  /** A required string variable, or a 400 naming it. */
  public static String required(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new BadUserRequestException("The start variable '" + name + "' is required");
    }
    return value.toString().trim();
  }
}
