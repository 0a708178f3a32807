package org.hldprep.process.hldpreparation;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hldprep.process.JsonVariables;
import org.hldprep.process.RecordOpenAtCutOffDelegate;
import org.springframework.stereotype.Component;

/**
 * Before the report to the Council: every tally taken afresh from the engine's history (each child by its
 * business key; {@code running} for a child still open), and the list of what was open
 * ({@value HldPreparationProcess#OPEN_AT_REPORT}): children still running, children a cut-off ended
 * open, and the master's own steps a cut-off closed (syntheses, briefing). A child that ends later is
 * still recorded in its tally by its track.
 */
@Component("tallyOutcomesDelegate")
public class TallyOutcomesDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String cycle = String.valueOf(execution.getVariable(CYCLE));
    Map<String, Map<String, String>> tallies = CycleProgress.tallies(execution.getProcessEngineServices(),
        execution.getProcessInstanceId(), cycle);
    List<String> open = new ArrayList<>();
    tallies.forEach((variable, tally) -> {
      execution.setVariable(variable, JsonVariables.json(tally));
      execution.setVariable(CycleProgress.summaryVariable(variable), CycleProgress.summary(tally));
      tally.forEach((code, outcome) -> {
        if (CycleProgress.open(outcome)) {
          open.add(code + " (" + outcome + ")");
        }
      });
    });
    for (Object entry : JsonVariables.list(execution.getVariable(RecordOpenAtCutOffDelegate.OPEN_AT_CUT_OFF))) {
      open.add(JsonVariables.map(entry).getOrDefault("work", entry) + " ("
          + RecordOpenAtCutOffDelegate.OUTCOME_OPEN_AT_CUT_OFF + ")");
    }
    execution.setVariable(OPEN_AT_REPORT, open.isEmpty() ? "nothing" : String.join("; ", open));
    execution.setVariable(OPEN_AT_REPORT_COUNT, open.size());
  }
}
