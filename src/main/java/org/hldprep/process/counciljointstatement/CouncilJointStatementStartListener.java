package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import java.time.Duration;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hldprep.calendar.CycleCalendar;
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
    execution.setVariable(READING_ANSWERS, ProcessVariables.emptyList());
    execution.setVariable(SILENCES, ProcessVariables.emptyList());
    execution.setVariable(SILENCE_STATUS, SILENCE_NONE);
    leaveRoomForSilenceAndNotice(execution);
  }

  /**
   * The final text is due early enough for the special session: a text finished on its deadline is
   * circulated that day, its silence ends, and the notice still goes out {@value
   * AdoptionRoute#SPECIAL_NOTICE_DAYS} days before the session (Rule 4(b)). So the deadline is at the latest
   * the session's date, less the notice, less the silence window in whole days; a later one is moved back.
   * It must still follow the zero draft.
   */
  static void leaveRoomForSilenceAndNotice(DelegateExecution execution) {
    LocalDate session = ProcessVariables.requiredDate(execution, CycleCalendar.SPECIAL_SESSION_DATE);
    LocalDate finalText = ProcessVariables.requiredDate(execution, CycleCalendar.FINAL_TEXT_DEADLINE);
    LocalDate zeroDraft = ProcessVariables.requiredDate(execution, CycleCalendar.ZERO_DRAFT_DEADLINE);
    long windowSeconds = Duration.parse(execution.getVariable(SILENCE_WINDOW).toString()).toSeconds();
    LocalDate latest = session.minusDays(AdoptionRoute.SPECIAL_NOTICE_DAYS)
        .minusDays((windowSeconds + 86_399) / 86_400);
    if (finalText.isAfter(latest)) {
      if (!zeroDraft.isBefore(latest)) {
        throw new BadUserRequestException("The calendar leaves no room for the silence and the notice of the special"
            + " session of " + session + ": the final text would be due by " + latest + " (the session, less "
            + AdoptionRoute.SPECIAL_NOTICE_DAYS + " days' notice and the silence window of "
            + execution.getVariable(SILENCE_WINDOW) + "), but " + CycleCalendar.ZERO_DRAFT_DEADLINE + " is " + zeroDraft
            + ": give an earlier zero draft, a later special session or a shorter silence window");
      }
      execution.setVariable(CycleCalendar.FINAL_TEXT_DEADLINE, latest.toString());
    }
  }
}
