package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.AdoptionRoute.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.process.InputVariables;
import org.springframework.stereotype.Component;

/**
 * The notice the secretariat sent for the session, against Rule 4 of the Council's Rules of Procedure
 * (domain.md §0 [R26]): at least {@value AdoptionRoute#REGULAR_NOTICE_DAYS} days before a regular session,
 * at least {@value AdoptionRoute#SPECIAL_NOTICE_DAYS} before a special one and within {@value
 * AdoptionRoute#NOTICE_WITHIN_DAYS_OF_REQUEST} days of its request (the last day is {@value
 * AdoptionRoute#LATEST_NOTICE_DATE}). A notice dated in the past cannot go out any more (it goes out today
 * at the earliest, unless the cycle replays a past year), and the session must fall by the endorsement
 * deadline. Sets {@value AdoptionRoute#SESSION_NOTICE_SUFFICIENT} and, when the notice does not suffice,
 * explains why in {@value AdoptionRoute#SESSION_NOTICE_PROBLEM}.
 */
@Component("checkSessionNoticeDelegate")
public class CheckSessionNoticeDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate notice = ProcessVariables.requiredDate(execution, NOTICE_DATE);
    LocalDate session = ProcessVariables.requiredDate(execution, COUNCIL_SESSION_DATE);
    LocalDate latestNotice = ProcessVariables.requiredDate(execution, LATEST_NOTICE_DATE);
    long required = ProcessVariables.count(execution, NOTICE_DAYS_REQUIRED);
    LocalDate today = InputVariables.today(InputVariables.timeZone(execution));
    boolean replay = InputVariables.replay(execution);
    LocalDate earliestNotice = replay || !notice.isBefore(today) ? notice : today;
    long days = ChronoUnit.DAYS.between(earliestNotice, session);
    LocalDate endorsementDeadline = ProcessVariables.requiredDate(execution, CycleCalendar.ENDORSEMENT_DEADLINE);
    String rule = required == REGULAR_NOTICE_DAYS ? "Rule 4(a)" : "Rule 4(b)";
    String problem = null;
    if (days < required) {
      problem = "The session on " + session + " is " + days + " days after the notice"
          + (earliestNotice.equals(notice)
              ? " of " + notice
              : ", which can go out today (" + today + ") at the earliest, not on " + notice)
          + ", but " + rule + " requires at least " + required + " days. If the notice cannot go out by "
          + session.minusDays(required) + ", the session cannot be held as decided: say so, and the Chair or the"
          + " Director General decides the route again.";
    } else if (earliestNotice.isAfter(latestNotice)) {
      problem = "The notice of " + earliestNotice + " is late: " + rule + " requires it within "
          + NOTICE_WITHIN_DAYS_OF_REQUEST + " days after the request for the special session, i.e. by " + latestNotice
          + ". If it cannot go out by then, say the session cannot be held as decided.";
    } else if (session.isAfter(endorsementDeadline)) {
      problem = "The session on " + session + " falls after the endorsement deadline of " + endorsementDeadline
          + ": say it cannot be held as decided.";
    }
    execution.setVariable(NOTICE_DATE, notice.toString());
    execution.setVariable(SESSION_NOTICE_DAYS, days);
    execution.setVariable(SESSION_NOTICE_SUFFICIENT, problem == null);
    execution.setVariable(SESSION_NOTICE_PROBLEM, problem);
  }
}
