package org.hldprep.process.pgaoutcomeinput;

import static org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess.CLEARANCE_RETURNS;
import static org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess.DEFAULT_MAX_CLEARANCE_RETURNS;
import static org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess.DEFAULT_MODALITIES_RESOLUTION;
import static org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess.DRAFTS_CIRCULATED;
import static org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess.MAX_CLEARANCE_RETURNS;
import static org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess.MODALITIES_RESOLUTION;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hldprep.process.InputVariables;
import org.hldprep.process.StartRecipe;
import org.springframework.stereotype.Component;

/**
 * Start of IOM's input to the HLD outcome. The process concerns no country or RCP, so there is no
 * reference code to check: it checks what it has, the dates (ISO dates, and IOM's input due before
 * the HLD) and the symbol of the modalities resolution, and refuses the start naming the bad value.
 */
@Component("pgaOutcomeInputStartListener")
public class PgaOutcomeInputStartListener extends StartRecipe {

  public PgaOutcomeInputStartListener() {
    // The calendar check also keeps the input deadline before the HLD.
    super(PgaOutcomeInputProcess.CALENDAR_KEYS);
  }

  /** A General Assembly resolution symbol, e.g. A/RES/67/219. */
  static final Pattern RESOLUTION_SYMBOL = Pattern.compile("A/RES/\\d+/\\d+");

  @Override
  protected void checkStartVariables(DelegateExecution execution) {
    InputVariables.defaultValue(execution, MODALITIES_RESOLUTION, DEFAULT_MODALITIES_RESOLUTION);
    String resolution = execution.getVariable(MODALITIES_RESOLUTION).toString().trim();
    if (!RESOLUTION_SYMBOL.matcher(resolution).matches()) {
      throw new BadUserRequestException("The start variable '" + MODALITIES_RESOLUTION
          + "' must be a General Assembly resolution symbol like A/RES/67/219, got '" + resolution + "'");
    }
    execution.setVariable(MODALITIES_RESOLUTION, resolution);
  }

  @Override
  protected void initialise(DelegateExecution execution) {
    InputVariables.wholeNumber(execution, MAX_CLEARANCE_RETURNS, DEFAULT_MAX_CLEARANCE_RETURNS, 1);
    execution.setVariable(CLEARANCE_RETURNS, 0);
    execution.setVariable(DRAFTS_CIRCULATED, 0);
  }
}
