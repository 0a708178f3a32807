package org.hldprep.process.globalrcpmeeting;

import static org.hldprep.process.globalrcpmeeting.GlobalRcpMeetingProcess.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.hldprep.process.CycleCalendar;
import org.hldprep.process.InputVariables;
import org.springframework.stereotype.Component;

/**
 * Start of the Global RCP Meeting track: missing deadlines come from the cycle calendar (meeting
 * 22 May 2013), the host and venue default to the Government of Peru in Lima (MC/2353 §12), and the
 * comment rounds are capped by {@code maxCommentRounds} (a positive whole number, default 2).
 */
@Component("globalRcpMeetingStartListener")
public class GlobalRcpMeetingStartListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    InputVariables.completeCalendar(execution, CycleCalendar.RCP_CONCEPT_NOTE_DEADLINE,
        CycleCalendar.RCP_INVITATION_DEADLINE, CycleCalendar.RCP_MEETING_DATE,
        CycleCalendar.RCP_MEETING_SUMMARY_DEADLINE, CycleCalendar.RCP_COMMENT_DEADLINE,
        CycleCalendar.TRANSMITTAL_DEADLINE);
    execution.setVariable(MAX_COMMENT_ROUNDS, maxCommentRounds(execution.getVariable(MAX_COMMENT_ROUNDS)));
    execution.setVariable(COMMENT_ROUNDS, 0);
    InputVariables.defaultValue(execution, MEETING_HOST, DEFAULT_MEETING_HOST);
    InputVariables.defaultValue(execution, MEETING_VENUE, DEFAULT_MEETING_VENUE);
    InputVariables.defaultValue(execution, MEETING_THEME, DEFAULT_MEETING_THEME);
  }

  private static int maxCommentRounds(Object given) {
    if (given == null) {
      return DEFAULT_MAX_COMMENT_ROUNDS;
    }
    try {
      int rounds = given instanceof Number n ? Math.toIntExact(n.longValue()) : Integer.parseInt(given.toString().trim());
      if (rounds >= 1) {
        return rounds;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // answered below
    }
    throw new BadUserRequestException("The start variable '" + MAX_COMMENT_ROUNDS
        + "' must be a whole number of at least 1, got '" + given + "'");
  }
}
