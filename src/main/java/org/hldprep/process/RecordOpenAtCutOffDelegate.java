package org.hldprep.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hldprep.engine.EngineClock;
import org.springframework.stereotype.Component;

/**
 * A step was still open when its cut-off came: the process moves on with what exists, and remembers
 * what was open in the list {@value #OPEN_AT_CUT_OFF} (input parameter {@value #OPEN_WORK}: what it was),
 * which the report to the Council shows.
 */
@Component("recordOpenAtCutOffDelegate")
public class RecordOpenAtCutOffDelegate implements JavaDelegate {

  /** The explicit outcome of work that a cut-off ended. */
  public static final String OUTCOME_OPEN_AT_CUT_OFF = "open-at-cutoff";
  /** JSON list of {work, at}: every step a cut-off closed while it was open. */
  public static final String OPEN_AT_CUT_OFF = "openAtCutOff";
  public static final String OPEN_WORK = "openWork";

  @Override
  public void execute(DelegateExecution execution) {
    List<Object> open = JsonVariables.list(execution.getVariable(OPEN_AT_CUT_OFF));
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("work", String.valueOf(execution.getVariableLocal(OPEN_WORK)));
    entry.put("at", EngineClock.now().toString());
    open.add(entry);
    execution.getProcessInstance().setVariable(OPEN_AT_CUT_OFF, JsonVariables.json(open));
  }
}
