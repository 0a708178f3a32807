package org.hldprep.process.regionalcommissioninput;

import static org.hldprep.process.regionalcommissioninput.RegionalCommissionInputProcess.MEETING_BEFORE_CUT_OFF;
import static org.hldprep.process.regionalcommissioninput.RegionalCommissionInputProcess.MEETING_DATE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.hldprep.calendar.CycleCalendar;
import org.springframework.stereotype.Component;

/**
 * Answers the gateway's question "was the meeting held before the SG report cut-off?" when it is asked,
 * with the dates as they are then (the meeting may have moved in the co-organization form, the cut-off
 * with CalendarChanged): a meeting that opens on or before the cut-off day counts as before.
 */
@Component("checkSgReportCutOffListener")
public class CheckSgReportCutOffListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    String cutOff = CycleCalendar.SG_REPORT_INPUT_DEADLINE;
    execution.setVariable(MEETING_BEFORE_CUT_OFF,
        !org.hldprep.platform.input.InputParser.date(MEETING_DATE, execution.getVariable(MEETING_DATE))
            .isAfter(org.hldprep.platform.input.InputParser.date(cutOff, execution.getVariable(cutOff))));
  }
}
