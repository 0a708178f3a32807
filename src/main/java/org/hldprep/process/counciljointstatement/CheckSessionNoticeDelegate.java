package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.process.InputVariables;
import org.springframework.stereotype.Component;

/**
 * The IOM Council's rule for a special session: notice at least {@value
 * CouncilJointStatementProcess#MINIMUM_NOTICE_DAYS} days before it (domain.md §0 [R26]), checked against
 * today as well as the dates chosen: a notice dated in the past cannot go out any more (it goes out today
 * at the earliest, unless the cycle replays a past year), and the session must fall by the endorsement
 * deadline. Sets {@value CouncilJointStatementProcess#SESSION_NOTICE_SUFFICIENT} and, when the notice does
 * not suffice, explains why in {@value CouncilJointStatementProcess#SESSION_NOTICE_PROBLEM}, with the
 * earliest possible session date.
 */
@Component("checkSessionNoticeDelegate")
public class CheckSessionNoticeDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate notice = ProcessVariables.requiredDate(execution, NOTICE_DATE);
    LocalDate session = ProcessVariables.requiredDate(execution, SPECIAL_SESSION_DATE);
    LocalDate today = InputVariables.today(InputVariables.timeZone(execution));
    boolean replay = InputVariables.replay(execution);
    LocalDate earliestNotice = replay || !notice.isBefore(today) ? notice : today;
    long days = ChronoUnit.DAYS.between(earliestNotice, session);
    Object deadlineValue = execution.getVariable(CycleCalendar.ENDORSEMENT_DEADLINE);
    LocalDate endorsementDeadline = deadlineValue == null ? null : LocalDate.parse(deadlineValue.toString());
    String problem = null;
    if (days < MINIMUM_NOTICE_DAYS) {
      problem = "A special session on " + session + " is " + days + " days after the notice"
          + (earliestNotice.equals(notice)
              ? " of " + notice
              : ", which can go out today (" + today + ") at the earliest, not on "
                  + notice)
          + ", but the Council's rules require at least " + MINIMUM_NOTICE_DAYS + " days. Move the session to "
          + earliestNotice.plusDays(MINIMUM_NOTICE_DAYS) + " or later, send the notice earlier, or choose the"
          + " intersessional procedure.";
    } else if (endorsementDeadline != null && session.isAfter(endorsementDeadline)) {
      problem = "A special session on " + session + " falls after the endorsement deadline of " + endorsementDeadline
          + ": choose an earlier session or the intersessional procedure.";
    }
    execution.setVariable(NOTICE_DATE, notice.toString());
    execution.setVariable(SPECIAL_SESSION_DATE, session.toString());
    execution.setVariable(SESSION_NOTICE_DAYS, days);
    execution.setVariable(SESSION_NOTICE_SUFFICIENT, problem == null);
    execution.setVariable(SESSION_NOTICE_PROBLEM, problem);
  }
}
