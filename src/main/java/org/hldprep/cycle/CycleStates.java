package org.hldprep.cycle;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.*;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.cycle.CycleAnswers.CycleState;
import org.hldprep.engine.AsEngine;
import org.hldprep.platform.api.NotFoundException;
import org.springframework.stereotype.Service;

/** A cycle as the caller may see it (engine authorizations apply), with its tallies and what runs now. */
@Service
public class CycleStates {

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CycleStatusReader statusReader;

  CycleStates(RuntimeService runtimeService, IdentityService identityService, CycleStatusReader statusReader) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.statusReader = statusReader;
  }

  public CycleState state(String cycle) {
    CycleStatus status = statusReader.find(cycle)
        .orElseThrow(() -> new NotFoundException("No cycle " + cycle + " that you may see"));
    // How many children run, per process, whether or not the caller may read their instances (the
    // coordination does not read the Council's): a count, once the caller may see the cycle (above).
    Map<String, Long> openChildren = AsEngine.call(identityService, () -> runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(status.processInstanceId()).listPage(0, 1000).stream()
        .collect(Collectors.groupingBy(p -> definitionKey(p.getProcessDefinitionId()), Collectors.counting())));
    return new CycleState(status.cycle(), status.processInstanceId(), status.state(), status.startTime(),
        status.endTime(), outcomes(status, CONSULTATION_OUTCOMES), outcomes(status, RCP_OUTCOMES),
        outcomes(status, TRACK_OUTCOMES), outcomes(status, ROUNDTABLE_OUTCOMES), outcomes(status, COMMISSION_OUTCOMES),
        text(status, HLD_OUTCOME), text(status, HLD_OUTCOME_SYMBOL), status.hldDate(),
        text(status, CycleCalendar.TIME_ZONE), codes(status, MEMBER_STATES), codes(status, RCPS),
        status.variable(OPEN_CHILDREN) instanceof Number count ? count.intValue() : null,
        text(status, OPEN_AT_REPORT), openChildren);
  }

  /** A tally, left out until the master has one. */
  private static Map<String, String> outcomes(CycleStatus status, String tally) {
    return status.variable(tally) == null ? null : status.outcomes(tally);
  }

  private static List<String> codes(CycleStatus status, String list) {
    return status.variable(list) == null ? null : list.equals(MEMBER_STATES) ? status.memberStates() : status.rcps();
  }

  private static String text(CycleStatus status, String name) {
    return Objects.toString(status.variable(name), null);
  }

  private static String definitionKey(String processDefinitionId) {
    return processDefinitionId.substring(0, processDefinitionId.indexOf(':'));
  }
}
