package org.hldprep.process.hldpreparation;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.CYCLE;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hldprep.process.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * One track's tally taken afresh from the engine's history, before a step that reports on the track
 * while some of its children may still run (the series report on the round tables): each child by its
 * business key, {@code running} for one still open. Input parameter {@value #TRACK}: the track's process key.
 */
@Component("tallyTrackDelegate")
public class TallyTrackDelegate implements JavaDelegate {

  public static final String TRACK = "trackProcessKey";

  @Override
  public void execute(DelegateExecution execution) {
    Track track = Track.of(String.valueOf(execution.getVariableLocal(TRACK)));
    Map<String, String> tally = CycleProgress.tallies(execution.getProcessEngineServices(),
        execution.getProcessInstanceId(), String.valueOf(execution.getVariable(CYCLE))).get(track.tallyVariable());
    execution.getProcessInstance().setVariable(track.tallyVariable(), JsonVariables.json(tally));
    execution.getProcessInstance().setVariable(CycleProgress.summaryVariable(track.tallyVariable()),
        CycleProgress.summary(tally));
  }
}
