package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The IOM Council's rule for a special session: notice at least {@value
 * CouncilJointStatementProcess#MINIMUM_NOTICE_DAYS} days before it (domain.md §0 [R26]). Counts the days
 * from {@value CouncilJointStatementProcess#NOTICE_DATE} to {@value CouncilJointStatementProcess#SPECIAL_SESSION_DATE}
 * and sets {@value CouncilJointStatementProcess#SESSION_NOTICE_SUFFICIENT}; when the notice is too short it
 * explains why in {@value CouncilJointStatementProcess#SESSION_NOTICE_PROBLEM}, with the earliest possible date.
 */
@Component("checkSessionNoticeDelegate")
public class CheckSessionNoticeDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate notice = ProcessVariables.requiredDate(execution, NOTICE_DATE);
    LocalDate session = ProcessVariables.requiredDate(execution, SPECIAL_SESSION_DATE);
    long days = ChronoUnit.DAYS.between(notice, session);
    boolean sufficient = days >= MINIMUM_NOTICE_DAYS;
    execution.setVariable(NOTICE_DATE, notice.toString());
    execution.setVariable(SPECIAL_SESSION_DATE, session.toString());
    execution.setVariable(SESSION_NOTICE_DAYS, days);
    execution.setVariable(SESSION_NOTICE_SUFFICIENT, sufficient);
    execution.setVariable(SESSION_NOTICE_PROBLEM, sufficient ? null
        : "A special session on " + session + " is " + days + " days after the notice of " + notice
            + ", but the Council's rules require at least " + MINIMUM_NOTICE_DAYS + " days. Move the session to "
            + notice.plusDays(MINIMUM_NOTICE_DAYS) + " or later, send the notice earlier, or choose the"
            + " intersessional procedure.");
  }
}
