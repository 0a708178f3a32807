package org.hldprep.process.nyroundtable;

import static org.hldprep.process.nyroundtable.NyRoundtableProcess.EVENT_DATE;
import static org.hldprep.process.nyroundtable.NyRoundtableProcess.HELD_BEFORE_CYCLE;

import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hldprep.process.InputVariables;
import org.hldprep.process.StartRecipe;
import org.springframework.stereotype.Component;

/**
 * Start of one round table: the event's date is required and checked like a calendar date (a bad one
 * refuses the start with a 400 naming it); the series report date comes from the cycle calendar. An
 * event whose day is already over when the instance starts (in 2013 the first one, 12 Oct 2012, came
 * before MC/2353) is marked {@code heldBeforeCycle}: its summary is recorded, nothing is prepared.
 */
@Component("nyRoundtableStartListener")
public class NyRoundtableStartListener extends StartRecipe {

  public NyRoundtableStartListener() {
    super(NyRoundtableProcess.CALENDAR_KEYS);
  }

  @Override
  protected void checkStartVariables(DelegateExecution execution) {
    LocalDate eventDate;
    try {
      eventDate = org.hldprep.platform.input.InputParser.date(EVENT_DATE, execution.getVariable(EVENT_DATE));
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException("The start variable " + e.getMessage());
    }
    execution.setVariable(EVENT_DATE, eventDate.toString());
  }

  @Override
  protected void initialise(DelegateExecution execution) {
    LocalDate eventDate = LocalDate.parse((String) execution.getVariable(EVENT_DATE));
    LocalDate today = InputVariables.today(InputVariables.timeZone(execution));
    execution.setVariable(HELD_BEFORE_CYCLE, eventDate.isBefore(today));
  }
}
