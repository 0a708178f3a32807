package org.hldprep.process.hldpreparation;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.engine.EngineCommand;
import org.hldprep.process.InputVariables;
import org.hldprep.process.JsonVariables;
import org.hldprep.process.RecordOpenAtCutOffDelegate;
import org.hldprep.process.nyroundtable.NyRoundtableProcess;
import org.hldprep.reference.ReferenceData;
import org.hldprep.reference.RegionalCommission;
import org.springframework.stereotype.Component;

/**
 * Start of a cycle, from REST or the Tasklist start form alike: checks the participants and the calendar
 * (a bad code or date, dates out of order, or a date already past without {@code replay} refuse the
 * start, nothing is created), names the cycle after its business key, and stores lists as JSON so the
 * multi-instance tracks can iterate them. Remembers which dates were given, so that the others keep
 * following the HLD when the calendar changes.
 */
@Component("hldPreparationStartListener")
public class HldPreparationStartListener implements ExecutionListener {

  private final ReferenceData referenceData;
  private final CycleNames cycleNames;

  public HldPreparationStartListener(ReferenceData referenceData, CycleNames cycleNames) {
    this.referenceData = referenceData;
    this.cycleNames = cycleNames;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // The cycle's name: the business key, or (from the Tasklist start form) the variable cycle.
    String name = execution.getProcessBusinessKey() != null
        ? execution.getProcessBusinessKey()
        : (String) execution.getVariable(CYCLE);
    CycleDefinition cycle = InputVariables.checked(() -> CycleDefinition.of(name,
        JsonVariables.strings(execution.getVariable(MEMBER_STATES)), JsonVariables.strings(execution.getVariable(RCPS)),
        execution.getVariables(),
        execution.getVariable(CycleCalendar.TIME_ZONE), execution.getVariable(CycleCalendar.REPLAY), referenceData,
        InputVariables::today));
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(cycle.cycle());
    }
    // One running cycle per name: the children's business keys and the events sent to them depend on it.
    // Claimed in this transaction, decided by a database key (CycleNames), not by a query.
    cycleNames.claim(cycle.cycle(), execution.getProcessInstanceId(), holder -> running(execution, holder));
    execution.setVariable(CYCLE, cycle.cycle());
    execution.setVariable(MEMBER_STATES, json(cycle.memberStates()));
    execution.setVariable(RCPS, json(cycle.rcps()));
    execution.setVariable(REGIONAL_OFFICES, json(cycle.regionalOffices()));
    cycle.calendar().forEach(execution::setVariable);
    execution.setVariable(CycleCalendar.GIVEN_DATES, json(new ArrayList<>(cycle.givenDates())));
    execution.setVariable(CycleCalendar.TIME_ZONE, cycle.timeZone().getId());
    execution.setVariable(CycleCalendar.REPLAY, cycle.replay());
    // One round table per date of the calendar, named by its planned date (its child's business key), and
    // one input per UN Regional Commission of the reference data.
    List<String> roundtables = List.of(cycle.calendar().get(CycleCalendar.ROUNDTABLE_DATES).split(",")).stream()
        .map(date -> NyRoundtableProcess.code(date.trim())).toList();
    execution.setVariable(ROUNDTABLES, json(roundtables));
    List<String> commissions = referenceData.regionalCommissions().stream().map(RegionalCommission::code).toList();
    execution.setVariable(REGIONAL_COMMISSIONS, json(commissions));
    InputVariables.wholeNumber(execution, MAX_BRIEFING_RETURNS, DEFAULT_MAX_BRIEFING_RETURNS, 1);
    execution.setVariable(BRIEFING_RETURNS, 0);
    InputVariables.wholeNumber(execution, MAX_STATEMENT_RETURNS, DEFAULT_MAX_STATEMENT_RETURNS, 1);
    execution.setVariable(DG_STATEMENT_RETURNS, 0);
    // Until the first child ends: every child planned is open (the tracks recount from the engine).
    execution.setVariable(OPEN_CHILDREN, cycle.memberStates().size() + cycle.rcps().size() + roundtables.size()
        + commissions.size() + Track.ALL.stream().filter(track -> !track.perParticipant()).count());
    execution.setVariable(OPEN_ROUNDTABLES, roundtables.size());
    Map<String, Object> openByRegion = new TreeMap<>();
    cycle.regionalOffices().forEach(office -> openByRegion.put(office, 0));
    cycle.memberStates().forEach(state -> openByRegion.merge(referenceData.requireMemberState(state).regionalOffice(),
        1, (a, b) -> (Integer) a + (Integer) b));
    execution.setVariable(OPEN_CONSULTATIONS_BY_REGION, json(openByRegion));
    execution.setVariable(RecordOpenAtCutOffDelegate.OPEN_AT_CUT_OFF, json(new ArrayList<>()));
    execution.setVariable(CONSULTATION_OUTCOMES, json(new LinkedHashMap<String, String>()));
    execution.setVariable(RCP_OUTCOMES, json(new LinkedHashMap<String, String>()));
    execution.setVariable(TRACK_OUTCOMES, json(new LinkedHashMap<String, String>()));
    execution.setVariable(ROUNDTABLE_OUTCOMES, json(new LinkedHashMap<String, String>()));
    execution.setVariable(COMMISSION_OUTCOMES, json(new LinkedHashMap<String, String>()));
  }

  /** Whether a master still runs, whoever may see it (the caller's authorizations do not matter here). */
  private static boolean running(DelegateExecution execution, String processInstanceId) {
    return EngineCommand.withoutAuthorization(() -> execution.getProcessEngineServices()
        .getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0);
  }

  /** A list or map as a JSON object variable (never Java serialization, which is disabled). */
  public static Object json(Object value) {
    return JsonVariables.json(value);
  }
}
