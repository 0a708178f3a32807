package org.hldprep.process.pgaoutcomeinput;

import static org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess.DRAFTS_CIRCULATED;
import static org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess.DRAFT_ANALYSIS_FIELDS;
import static org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess.DRAFT_LABEL;
import static org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess.DRAFT_LINK;
import static org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess.DRAFT_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A draft of the outcome was circulated (message {@code OutcomeDraftCirculated}): its label and link
 * move from the message into the scope of this draft's analysis, with a running number, and the fields
 * of the analysis are declared there too. Two drafts under analysis at the same time thus keep their own
 * label, link and findings, and a draft sent without a label does not inherit the previous one's.
 */
@Component("recordOutcomeDraftListener")
public class RecordOutcomeDraftListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Object counted = execution.getVariable(DRAFTS_CIRCULATED);
    int number = (counted instanceof Number n ? n.intValue() : 0) + 1;
    execution.getProcessInstance().setVariable(DRAFTS_CIRCULATED, number);

    Object label = takeFromMessage(execution, DRAFT_LABEL);
    Object link = takeFromMessage(execution, DRAFT_LINK);
    execution.setVariableLocal(DRAFT_NUMBER, number);
    execution.setVariableLocal(DRAFT_LABEL, label == null || label.toString().isBlank() ? "draft " + number : label);
    execution.setVariableLocal(DRAFT_LINK, link);
    for (String field : DRAFT_ANALYSIS_FIELDS) {
      execution.setVariableLocal(field, null);
    }
  }

  /** The value the message brought, removed from the scope the correlation put it in. */
  private static Object takeFromMessage(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value != null) {
      execution.removeVariable(name);
    }
    return value;
  }
}
