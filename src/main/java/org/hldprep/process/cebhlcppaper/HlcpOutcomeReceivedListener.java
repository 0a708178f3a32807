package org.hldprep.process.cebhlcppaper;

import static org.hldprep.process.cebhlcppaper.CebHlcpPaperProcess.HLCP_OUTCOME;
import static org.hldprep.process.cebhlcppaper.CebHlcpPaperProcess.HLCP_OUTCOMES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * HlcpOutcomeReceived must say what HLCP decided: a message without a known {@code hlcpOutcome} is
 * refused (400 naming the value) inside the correlation, so nothing moves and the wait goes on. Listens
 * to the start (clears an earlier round's value) and the end of the message catch event.
 */
@Component("hlcpOutcomeReceivedListener")
public class HlcpOutcomeReceivedListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    MessageChoice.clearOrRequire(execution, HLCP_OUTCOME, HLCP_OUTCOMES);
  }
}
