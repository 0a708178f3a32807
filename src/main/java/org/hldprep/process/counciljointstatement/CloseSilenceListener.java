package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.hldprep.process.InputVariables;
import org.springframework.stereotype.Component;

/**
 * The silence was kept. On the intersessional route that is the adoption itself (no second procedure
 * follows): the adoption is recorded with the silence that made it. On a session route the text is
 * settled for the session, which adopts it.
 */
@Component("closeSilenceListener")
public class CloseSilenceListener implements ExecutionListener {

  /** The day the text was settled (or adopted) under silence. */
  public static final String SETTLED_UNDER_SILENCE_ON = "settledUnderSilenceOn";
  /** How the Council adopted the text: the silence procedure, or the session's decision. */
  public static final String ENDORSEMENT_REFERENCE = "endorsementReference";
  public static final String ADOPTED_ON = "adoptedOn";

  @Override
  public void notify(DelegateExecution execution) {
    Silences.mark(execution, SILENCE_KEPT);
    LocalDate today = InputVariables.today(InputVariables.timeZone(execution));
    execution.getProcessInstance().setVariable(SETTLED_UNDER_SILENCE_ON, today.toString());
    if (AdoptionRoute.INTERSESSIONAL.equals(execution.getVariable(AdoptionRoute.ROUTE))) {
      execution.getProcessInstance().setVariable(ADOPTED_ON, today.toString());
      execution.getProcessInstance().setVariable(ENDORSEMENT_REFERENCE, "Adopted under silence procedure "
          + execution.getVariable(SILENCE_ROUND) + " (text " + execution.getVariable(DRAFT_LINK) + "), ended "
          + execution.getVariable(SILENCE_ENDS_AT));
    }
  }
}
