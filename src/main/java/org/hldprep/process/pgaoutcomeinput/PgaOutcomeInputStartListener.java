package org.hldprep.process.pgaoutcomeinput;

import static org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess.CLEARANCE_RETURNS;
import static org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess.DEFAULT_MODALITIES_RESOLUTION;
import static org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess.DRAFTS_CIRCULATED;
import static org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess.MODALITIES_RESOLUTION;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.hldprep.process.CycleCalendar;
import org.hldprep.process.InputVariables;
import org.springframework.stereotype.Component;

/**
 * Start of IOM's input to the HLD outcome. The process concerns no country or RCP, so there is no
 * reference code to check: it checks what it has, the dates (ISO dates, and IOM's input due before
 * the HLD) and the symbol of the modalities resolution, and refuses the start naming the bad value.
 */
@Component("pgaOutcomeInputStartListener")
public class PgaOutcomeInputStartListener implements ExecutionListener {

  /** A General Assembly resolution symbol, e.g. A/RES/67/219. */
  static final Pattern RESOLUTION_SYMBOL = Pattern.compile("A/RES/\\d+/\\d+");

  @Override
  public void notify(DelegateExecution execution) {
    InputVariables.defaultValue(execution, MODALITIES_RESOLUTION, DEFAULT_MODALITIES_RESOLUTION);
    String resolution = execution.getVariable(MODALITIES_RESOLUTION).toString().trim();
    if (!RESOLUTION_SYMBOL.matcher(resolution).matches()) {
      throw new BadUserRequestException("The start variable '" + MODALITIES_RESOLUTION
          + "' must be a General Assembly resolution symbol like A/RES/67/219, got '" + resolution + "'");
    }
    execution.setVariable(MODALITIES_RESOLUTION, resolution);
    InputVariables.completeCalendar(execution, CycleCalendar.OUTCOME_FORMAT_DEADLINE,
        CycleCalendar.PGA_INPUT_DEADLINE, CycleCalendar.HLD_DATE, CycleCalendar.HLD_END_DATE);
    String inputDeadline = execution.getVariable(CycleCalendar.PGA_INPUT_DEADLINE).toString();
    String hldDate = execution.getVariable(CycleCalendar.HLD_DATE).toString();
    // ISO dates compare as strings
    if (inputDeadline.substring(0, 10).compareTo(hldDate.substring(0, 10)) >= 0) {
      throw new BadUserRequestException("The " + CycleCalendar.PGA_INPUT_DEADLINE + " '" + inputDeadline
          + "' must fall before the " + CycleCalendar.HLD_DATE + " '" + hldDate + "'");
    }
    execution.setVariable(CLEARANCE_RETURNS, 0);
    execution.setVariable(DRAFTS_CIRCULATED, 0);
  }
}
