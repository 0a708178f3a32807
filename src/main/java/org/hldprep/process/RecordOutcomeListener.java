package org.hldprep.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Sets the process variable {@value #OUTCOME} when the process reaches an end event that declares
 * one (extension property {@code outcome}). The master's tally reads it from each child's own
 * instance (TallyOutcomesDelegate), so children never share one variable.
 */
public class RecordOutcomeListener implements ExecutionListener {

  public static final String OUTCOME = "outcome";

  private final String outcome;

  public RecordOutcomeListener(String outcome) {
    this.outcome = outcome;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(OUTCOME, outcome);
  }

  public String outcome() {
    return outcome;
  }
}
