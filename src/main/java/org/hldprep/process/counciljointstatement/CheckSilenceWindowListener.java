package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.SILENCE_WINDOW;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.hldprep.platform.input.InputParser;
import org.hldprep.process.InputVariables;
import org.springframework.stereotype.Component;

/**
 * End of the circulation task: the silence window the secretariat confirmed must be a positive ISO 8601
 * duration; otherwise the completion is refused (400) before the silence timer is created.
 */
@Component("checkSilenceWindowListener")
public class CheckSilenceWindowListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(SILENCE_WINDOW, InputVariables
        .checked(() -> InputParser.positiveDuration(SILENCE_WINDOW, execution.getVariable(SILENCE_WINDOW))));
  }
}
