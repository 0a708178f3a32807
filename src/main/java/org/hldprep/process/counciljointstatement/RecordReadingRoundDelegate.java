package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hldprep.engine.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Closes a reading round of the Friends of the Chair and keeps it in the list {@value
 * CouncilJointStatementProcess#READING_ROUNDS}. Input parameter {@value CouncilJointStatementProcess#CLOSED_BY}:
 * {@code comments} when the Friends of the Chair answered, {@code deadline} when the round deadline passed
 * first; the round then closes with what was received, i.e. no consolidated comments.
 */
@Component("recordReadingRoundDelegate")
public class RecordReadingRoundDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String closedBy = String.valueOf(execution.getVariableLocal(CLOSED_BY));
    long round = ProcessVariables.count(execution, READING_ROUND);
    Object deadline = execution.getVariable(READING_DEADLINE);
    if (CLOSED_BY_DEADLINE.equals(closedBy)) {
      execution.setVariable(READING_COMMENTS,
          "No comments were received by the deadline of reading " + round + " (" + deadline + ").");
      execution.setVariable(DELEGATIONS_COMMENTING, "");
    }
    ObjectNode entry = ProcessVariables.entry();
    entry.put("round", round);
    entry.put("deadline", String.valueOf(deadline));
    entry.put("closedBy", closedBy);
    entry.put("closedAt", EngineClock.now().toString());
    entry.put("comments", String.valueOf(execution.getVariable(READING_COMMENTS)));
    entry.put("delegations", String.valueOf(execution.getVariable(DELEGATIONS_COMMENTING)));
    ProcessVariables.append(execution, READING_ROUNDS, entry);
    execution.setVariable(ROUND_CLOSED_BY, closedBy);
  }
}
