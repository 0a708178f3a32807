package org.hldprep.process;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.Rcp;
import org.hldprep.reference.ReferenceData;
import org.hldprep.reference.UnknownReferenceCodeException;

/**
 * Checks and completes the variables a process receives, at its start or with a message: a bad value
 * is refused with a BadUserRequestException naming it (400 on the REST APIs) and nothing changes,
 * because the check runs in the transaction of the start or the correlation itself.
 */
public final class InputVariables {

  private InputVariables() {}

  /** Sets the calendar dates the process uses but lacks, from the defaults and the dates it has. */
  public static void completeCalendar(DelegateExecution execution, String... keysUsed) {
    Map<String, String> calendar;
    try {
      calendar = CycleCalendar.resolve(execution.getVariables());
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException(e.getMessage());
    }
    for (String key : keysUsed) {
      // Given or not, the date is stored in its checked form (a timer cannot be built on '2013-02-15xyz').
      if (!calendar.get(key).equals(execution.getVariable(key))) {
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

  /** The Member State named by a required variable (ISO alpha-3, any case), or a 400 naming the value. */
  public static MemberState memberState(DelegateExecution execution, String name, ReferenceData referenceData) {
    try {
      return referenceData.requireMemberState(required(execution, name));
    } catch (UnknownReferenceCodeException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }

  /** The RCP named by a required variable, or a 400 naming the value. */
  public static Rcp rcp(DelegateExecution execution, String name, ReferenceData referenceData) {
    try {
      return referenceData.requireRcp(required(execution, name));
    } catch (UnknownReferenceCodeException e) {
      throw new BadUserRequestException(e.getMessage());
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
