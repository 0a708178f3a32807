package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.hldprep.process.CycleCalendar;
import org.hldprep.process.InputVariables;
import org.springframework.stereotype.Component;

/**
 * Start of the joint statement track: the silence window (optional, default {@value
 * CouncilJointStatementProcess#DEFAULT_SILENCE_WINDOW}) must be a positive ISO 8601 duration and the
 * calendar dates ISO dates, otherwise the start is refused and nothing is created; the counters and
 * the objection and reading lists start empty.
 */
@Component("councilJointStatementStartListener")
public class CouncilJointStatementStartListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    InputVariables.defaultValue(execution, SILENCE_WINDOW, DEFAULT_SILENCE_WINDOW);
    execution.setVariable(SILENCE_WINDOW, SilenceWindow.check(execution.getVariable(SILENCE_WINDOW)));
    InputVariables.completeCalendar(execution, CycleCalendar.FOTC_CONSTITUTION_DEADLINE,
        CycleCalendar.ZERO_DRAFT_DEADLINE, CycleCalendar.FINAL_TEXT_DEADLINE, CycleCalendar.SPECIAL_SESSION_DATE,
        CycleCalendar.ENDORSEMENT_DEADLINE, CycleCalendar.TRANSMITTAL_DEADLINE);
    execution.setVariable(READING_ROUND, 1L);
    execution.setVariable(SILENCE_ROUND, 0L);
    execution.setVariable(OBJECTION_COUNT, 0L);
    execution.setVariable(OBJECTIONS, ProcessVariables.emptyList());
    execution.setVariable(READING_ROUNDS, ProcessVariables.emptyList());
  }
}
