package org.hldprep.process.globalrcpmeeting;

import static org.hldprep.process.globalrcpmeeting.GlobalRcpMeetingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hldprep.process.InputVariables;
import org.hldprep.process.StartRecipe;
import org.springframework.stereotype.Component;

/**
 * Start of the Global RCP Meeting track: missing deadlines come from the cycle calendar (meeting
 * 22 May 2013), the host and venue default to the Government of Peru in Lima (MC/2353 §12), and the
 * comment rounds are capped by {@code maxCommentRounds} (a positive whole number, default 2).
 */
@Component("globalRcpMeetingStartListener")
public class GlobalRcpMeetingStartListener extends StartRecipe {

  public GlobalRcpMeetingStartListener() {
    super(CALENDAR_KEYS);
  }

  @Override
  protected void initialise(DelegateExecution execution) {
    InputVariables.wholeNumber(execution, MAX_COMMENT_ROUNDS, DEFAULT_MAX_COMMENT_ROUNDS, 1);
    execution.setVariable(COMMENT_ROUNDS, 0);
    InputVariables.defaultValue(execution, MEETING_HOST, DEFAULT_MEETING_HOST);
    InputVariables.defaultValue(execution, MEETING_VENUE, DEFAULT_MEETING_VENUE);
    InputVariables.defaultValue(execution, MEETING_THEME, DEFAULT_MEETING_THEME);
  }
}
