package org.hldprep.process.regionalcommissioninput;

import static org.hldprep.process.regionalcommissioninput.RegionalCommissionInputProcess.COMMISSION_CODE;
import static org.hldprep.process.regionalcommissioninput.RegionalCommissionInputProcess.COMMISSION_NAME;
import static org.hldprep.process.regionalcommissioninput.RegionalCommissionInputProcess.MEETING_DATE;
import static org.hldprep.process.regionalcommissioninput.RegionalCommissionInputProcess.MEETING_DATE_KEYS;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.hldprep.process.CycleCalendar;
import org.hldprep.process.InputVariables;
import org.hldprep.reference.ReferenceData;
import org.hldprep.reference.RegionalCommission;
import org.hldprep.reference.UnknownReferenceCodeException;
import org.springframework.stereotype.Component;

/**
 * Start of one Regional Commission's input: the commission must be in the reference list (otherwise
 * the start is refused with a 400 and nothing is created). Its meeting date is the commission's own date
 * of the cycle calendar ({@code ecaMeetingDate}, ...; given or defaulted), kept as {@code meetingDate}
 * so that the model reads one variable whatever the commission; the SG report cut-off and the HLD come
 * from the calendar as well.
 */
@Component("regionalCommissionInputStartListener")
public class RegionalCommissionInputStartListener implements ExecutionListener {

  private final ReferenceData referenceData;

  public RegionalCommissionInputStartListener(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  @Override
  public void notify(DelegateExecution execution) {
    RegionalCommission commission;
    try {
      commission = referenceData.requireRegionalCommission(InputVariables.required(execution, COMMISSION_CODE));
    } catch (UnknownReferenceCodeException e) {
      throw new BadUserRequestException(e.getMessage());
    }
    execution.setVariable(COMMISSION_CODE, commission.code());
    execution.setVariable(COMMISSION_NAME, commission.name());
    String meetingDateKey = MEETING_DATE_KEYS.get(commission.code());
    InputVariables.completeCalendar(execution, java.util.List.of(CycleCalendar.SG_REPORT_INPUT_DEADLINE, CycleCalendar.HLD_DATE,
        meetingDateKey));
    // Only the commission's own date stays, under the name the model uses; the other commissions' dates
    // were never set here.
    execution.setVariable(MEETING_DATE, execution.getVariable(meetingDateKey));
    execution.removeVariable(meetingDateKey);
  }
}
