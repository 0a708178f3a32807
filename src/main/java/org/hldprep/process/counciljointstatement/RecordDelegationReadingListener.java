package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hldprep.engine.EngineCaller;
import org.hldprep.engine.EngineClock;
import org.hldprep.platform.input.InputParser;
import org.springframework.stereotype.Component;

/**
 * One delegation of the Friends of the Chair answered its reading task: its comments are kept in {@value
 * CouncilJointStatementProcess#READING_ANSWERS} with the round, the delegation and who answered. The round
 * closes when every delegation has answered or at its date, not when the first one answers.
 */
@Component("recordDelegationReadingListener")
public class RecordDelegationReadingListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object comments = task.getVariable(DELEGATION_COMMENTS);
    if (InputParser.blank(comments)) {
      throw new BadUserRequestException("The variable '" + DELEGATION_COMMENTS + "' is required: the delegation's"
          + " comments on the draft (or that it has none)");
    }
    String caller = EngineCaller.userId(task.getProcessEngineServices().getIdentityService());
    ObjectNode entry = ProcessVariables.entry();
    entry.put("round", ProcessVariables.count(task.getExecution(), READING_ROUND));
    entry.put("delegation", String.valueOf(task.getVariable(DELEGATION)));
    entry.put("comments", comments.toString().trim());
    entry.put("answeredBy", caller != null
        ? caller
        : task.getAssignee() != null ? task.getAssignee() : "engine");
    entry.put("answeredAt", EngineClock.now().toString());
    ProcessVariables.append(task.getExecution(), READING_ANSWERS, entry);
  }
}
