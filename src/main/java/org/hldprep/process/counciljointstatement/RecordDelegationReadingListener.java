package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
    Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    ObjectNode entry = ProcessVariables.entry();
    entry.put("round", ProcessVariables.count(task.getExecution(), READING_ROUND));
    entry.put("delegation", String.valueOf(task.getVariable(DELEGATION)));
    entry.put("comments", comments.toString().trim());
    entry.put("answeredBy", caller != null
        ? caller.getUserId()
        : task.getAssignee() != null ? task.getAssignee() : "engine");
    entry.put("answeredAt", ClockUtil.getCurrentTime().toInstant().toString());
    ProcessVariables.append(task.getExecution(), READING_ANSWERS, entry);
  }
}
