package org.hldprep.process.regionalcommissioninput;

import static org.hldprep.process.regionalcommissioninput.RegionalCommissionInputProcess.COMMISSION_CODE;
import static org.hldprep.process.regionalcommissioninput.RegionalCommissionInputProcess.COMMISSION_NAME;
import static org.hldprep.process.regionalcommissioninput.RegionalCommissionInputProcess.MEETING_DATE;
import static org.hldprep.process.regionalcommissioninput.RegionalCommissionInputProcess.MEETING_DATE_KEYS;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.hldprep.platform.input.InputParser;
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
 * from the calendar as well. Started by a cycle, it is given its meeting date as {@code meetingDate}.
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
    Object given = execution.getVariable(MEETING_DATE);
    if (!InputParser.blank(given)) {
      // Given: a cycle passes the commission's date so (Track, TrackVariableMapping).
      InputVariables.completeCalendar(execution, RegionalCommissionInputProcess.CALENDAR_KEYS);
      execution.setVariable(MEETING_DATE,
          InputVariables.checked(() -> InputParser.date(MEETING_DATE, given)).toString());
      return;
    }
    // Started on its own: the commission's own date of the calendar (given or defaulted) becomes meetingDate,
    // so that the model reads one variable whatever the commission; the others were never set here.
    String meetingDateKey = MEETING_DATE_KEYS.get(commission.code());
    List<String> keys = new ArrayList<>(RegionalCommissionInputProcess.CALENDAR_KEYS);
    keys.add(meetingDateKey);
    InputVariables.completeCalendar(execution, keys);
    execution.setVariable(MEETING_DATE, RegionalCommissionInputProcess.meetingDate(execution.getVariables(),
        commission.code()));
    execution.removeVariable(meetingDateKey);
  }
}
