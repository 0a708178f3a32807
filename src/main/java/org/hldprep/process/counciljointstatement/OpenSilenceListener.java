package org.hldprep.process.counciljointstatement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of the circulation: a new silence runs on the circulated text (after its window was checked). */
@Component("openSilenceListener")
public class OpenSilenceListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Silences.open(execution);
  }
}
