package org.hldprep.process.cebhlcppaper;

import static org.hldprep.process.cebhlcppaper.CebHlcpPaperProcess.CEB_DECISION;
import static org.hldprep.process.cebhlcppaper.CebHlcpPaperProcess.CEB_DECISIONS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * CebDecisionReceived must say what the CEB decided: a message without a known {@code cebDecision} is
 * refused (400 naming the value) inside the correlation, so nothing moves and the wait goes on. Listens
 * to the start (clears an earlier round's value) and the end of the message catch event.
 */
@Component("cebDecisionReceivedListener")
public class CebDecisionReceivedListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    MessageChoice.clearOrRequire(execution, CEB_DECISION, CEB_DECISIONS);
  }
}
