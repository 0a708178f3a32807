package org.hldprep.process.hldpreparation;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.*;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hldprep.process.JsonVariables;
import org.hldprep.reference.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * "Record the outcome" of every track: a child has ended (on time, late, or after the report to the
 * Council was started), so its outcome goes into the track's tally under the child's business key,
 * never under a variable a user of the child could rewrite. Then the cycle's progress is refreshed
 * from the engine: the running children ({@code openChildren}, which the report waits on), the
 * consultations still open per Regional Office (which each regional synthesis waits on) and the round
 * tables still open (which the series report waits on). Runs as an
 * asynchronous step of the master, so children that end at the same moment are recorded one by one.
 */
@Component("recordTrackOutcomeDelegate")
public class RecordTrackOutcomeDelegate implements JavaDelegate {

  private final ReferenceData referenceData;

  public RecordTrackOutcomeDelegate(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Track track = Track.of(String.valueOf(execution.getVariable(CHILD_PROCESS_KEY)));
    String cycle = String.valueOf(execution.getVariable(CYCLE));
    String code = Track.code(cycle, String.valueOf(execution.getVariable(CHILD_BUSINESS_KEY)));
    Object outcome = execution.getVariable(CHILD_OUTCOME);
    Map<String, Object> tally = new TreeMap<>(JsonVariables.map(execution.getVariable(track.tallyVariable())));
    tally.put(code, outcome == null ? CycleProgress.NO_OUTCOME : outcome.toString());
    execution.getProcessInstance().setVariable(track.tallyVariable(), JsonVariables.json(tally));
    execution.getProcessInstance().setVariable(CycleProgress.summaryVariable(track.tallyVariable()),
        CycleProgress.summary(tally));
    refresh(execution, referenceData);
  }

  /**
   * Recounts what the master's conditions wait on: the running children, the open consultations per
   * region, the open round tables.
   */
  static void refresh(DelegateExecution execution, ReferenceData referenceData) {
    String master = execution.getProcessInstanceId();
    List<ProcessInstance> running = CycleProgress.runningChildren(execution.getProcessEngineServices(), master);
    execution.getProcessInstance().setVariable(OPEN_CHILDREN, running.size());
    execution.getProcessInstance().setVariable(OPEN_ROUNDTABLES, (int) running.stream()
        .filter(child -> Track.ofDefinition(child.getProcessDefinitionId()) == Track.NY_ROUNDTABLE).count());
    execution.getProcessInstance().setVariable(OPEN_CONSULTATIONS_BY_REGION, JsonVariables.json(
        CycleProgress.openConsultationsByRegion(running, String.valueOf(execution.getVariable(CYCLE)),
            JsonVariables.list(execution.getVariable(REGIONAL_OFFICES)), referenceData)));
  }
}
