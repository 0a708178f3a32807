package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hldprep.platform.input.InputParser;
import org.hldprep.process.InputVariables;
import org.hldprep.process.StartRecipe;
import org.springframework.stereotype.Component;

/**
 * Start of the joint statement track: the silence window (optional, default {@value
 * CouncilJointStatementProcess#DEFAULT_SILENCE_WINDOW}) must be a positive ISO 8601 duration and the
 * calendar dates ISO dates, otherwise the start is refused and nothing is created; the counters and
 * the objection and reading lists start empty.
 */
@Component("councilJointStatementStartListener")
public class CouncilJointStatementStartListener extends StartRecipe {

  public CouncilJointStatementStartListener() {
    super(CALENDAR_KEYS);
  }

  @Override
  protected void checkStartVariables(DelegateExecution execution) {
    InputVariables.defaultValue(execution, SILENCE_WINDOW, DEFAULT_SILENCE_WINDOW);
    execution.setVariable(SILENCE_WINDOW, InputVariables
        .checked(() -> InputParser.positiveDuration(SILENCE_WINDOW, execution.getVariable(SILENCE_WINDOW))));
  }

  @Override
  protected void initialise(DelegateExecution execution) {
    InputVariables.wholeNumber(execution, MAX_REVISIONS, DEFAULT_MAX_REVISIONS, 1);
    execution.setVariable(REVISIONS, 0L);
    execution.setVariable(READING_ROUND, 1L);
    execution.setVariable(SILENCE_ROUND, 0L);
    execution.setVariable(OBJECTION_COUNT, 0L);
    execution.setVariable(PENDING_OBJECTIONS, 0L);
    execution.setVariable(OBJECTIONS, ProcessVariables.emptyList());
    execution.setVariable(READING_ROUNDS, ProcessVariables.emptyList());
  }
}
