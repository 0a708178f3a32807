package org.hldprep.process.nationalconsultation;

import static org.hldprep.process.nationalconsultation.NationalConsultationProcess.COUNTRY_CODE;
import static org.hldprep.process.nationalconsultation.NationalConsultationProcess.DEFAULT_MAX_REVIEW_RETURNS;
import static org.hldprep.process.nationalconsultation.NationalConsultationProcess.MAX_REVIEW_RETURNS;
import static org.hldprep.process.nationalconsultation.NationalConsultationProcess.REOPENED;
import static org.hldprep.process.nationalconsultation.NationalConsultationProcess.REVIEW_RETURNS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hldprep.platform.input.InputParser;
import org.hldprep.process.InputVariables;
import org.hldprep.process.MarkLateDelegate;
import org.hldprep.process.StartRecipe;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * Start of a national consultation: the country must be a Member State of the reference list
 * (otherwise the start is refused and nothing is created); missing deadlines come from the cycle
 * calendar so that a consultation can also be started on its own (then checked as a cycle's are).
 * {@code reopened} (true when the government answered late after a no-response) skips the offer.
 */
@Component("nationalConsultationStartListener")
public class NationalConsultationStartListener extends StartRecipe {

  private final ReferenceData referenceData;

  public NationalConsultationStartListener(ReferenceData referenceData) {
    super(NationalConsultationProcess.CALENDAR_KEYS);
    this.referenceData = referenceData;
  }

  @Override
  protected void checkStartVariables(DelegateExecution execution) {
    MemberState state = InputVariables.memberState(execution, COUNTRY_CODE, referenceData);
    execution.setVariable(COUNTRY_CODE, state.iso3());
  }

  @Override
  protected void initialise(DelegateExecution execution) {
    InputVariables.wholeNumber(execution, MAX_REVIEW_RETURNS, DEFAULT_MAX_REVIEW_RETURNS, 1);
    Object reopened = execution.getVariable(REOPENED);
    execution.setVariable(REOPENED, !InputParser.blank(reopened)
        && InputVariables.checked(() -> InputParser.flag(REOPENED, reopened)));
    execution.setVariable(REVIEW_RETURNS, 0);
    execution.setVariable(MarkLateDelegate.LATE, false);
  }
}
