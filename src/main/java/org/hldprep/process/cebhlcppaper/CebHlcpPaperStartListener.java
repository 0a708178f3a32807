package org.hldprep.process.cebhlcppaper;

import static org.hldprep.process.cebhlcppaper.CebHlcpPaperProcess.CLEARANCE_RETURNS;
import static org.hldprep.process.cebhlcppaper.CebHlcpPaperProcess.DEFAULT_MAX_CLEARANCE_RETURNS;
import static org.hldprep.process.cebhlcppaper.CebHlcpPaperProcess.DEFAULT_MAX_HLCP_REVISIONS;
import static org.hldprep.process.cebhlcppaper.CebHlcpPaperProcess.HLCP_REVISIONS;
import static org.hldprep.process.cebhlcppaper.CebHlcpPaperProcess.MAX_CLEARANCE_RETURNS;
import static org.hldprep.process.cebhlcppaper.CebHlcpPaperProcess.MAX_HLCP_REVISIONS;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hldprep.process.StartRecipe;
import org.springframework.stereotype.Component;

/**
 * Start of the CEB/HLCP paper: its dates come from the cycle calendar (given ones checked, missing ones
 * defaulted) so that a slipped HLCP or CEB session is a moved date, and the two return loops get their
 * bounds (a bad bound refuses the start with a 400 naming it).
 */
@Component("cebHlcpPaperStartListener")
public class CebHlcpPaperStartListener extends StartRecipe {

  public CebHlcpPaperStartListener() {
    super(CebHlcpPaperProcess.CALENDAR_KEYS);
  }

  @Override
  protected void initialise(DelegateExecution execution) {
    execution.setVariable(MAX_CLEARANCE_RETURNS,
        bound(execution, MAX_CLEARANCE_RETURNS, DEFAULT_MAX_CLEARANCE_RETURNS));
    execution.setVariable(MAX_HLCP_REVISIONS, bound(execution, MAX_HLCP_REVISIONS, DEFAULT_MAX_HLCP_REVISIONS));
    execution.setVariable(CLEARANCE_RETURNS, 0);
    execution.setVariable(HLCP_REVISIONS, 0);
  }

  /** A loop bound: a whole number from 0 to 9, or the default when not given. */
  static int bound(DelegateExecution execution, String name, int defaultValue) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return defaultValue;
    }
    String text = value.toString().trim();
    if (!text.matches("\\d")) {
      throw new BadUserRequestException("The start variable '" + name + "' must be a whole number from 0 to 9, got '"
          + value + "'");
    }
    return Integer.parseInt(text);
  }
}
