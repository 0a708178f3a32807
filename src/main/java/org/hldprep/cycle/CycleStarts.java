package org.hldprep.cycle;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.KEY;
import static org.hldprep.process.hldpreparation.HldPreparationProcess.MEMBER_STATES;
import static org.hldprep.process.hldpreparation.HldPreparationProcess.RCPS;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.cycle.CycleAnswers.StartedCycle;
import org.hldprep.platform.api.ConflictException;
import org.hldprep.platform.api.InvalidRequestException;
import org.hldprep.platform.input.InputParser;
import org.hldprep.platform.settings.HldPrepProperties;
import org.hldprep.process.InputVariables;
import org.hldprep.process.hldpreparation.CycleDefinition;
import org.hldprep.process.hldpreparation.CycleNameTakenException;
import org.hldprep.reference.ReferenceData;
import org.hldprep.reference.UnknownReferenceCodeException;
import org.springframework.stereotype.Service;

/** Starting a cycle: its master instance, as the caller, once everything it was given is checked. */
@Service
public class CycleStarts {

  private final RuntimeService runtimeService;
  private final CycleCoordination coordination;
  private final ReferenceData referenceData;
  /** The zone of a cycle started without one: the configured default, as for the mails and the board. */
  private final ZoneId defaultZone;

  CycleStarts(RuntimeService runtimeService, CycleCoordination coordination, ReferenceData referenceData,
      HldPrepProperties properties) {
    this.runtimeService = runtimeService;
    this.coordination = coordination;
    this.referenceData = referenceData;
    this.defaultZone = properties.mail().defaultTimeZone();
  }

  /**
   * Checks everything first (400 naming the bad value: codes, dates, their order, dates already past
   * unless {@code replay}), then starts the master as the caller with the dates given (the others follow
   * the HLD).
   */
  public StartedCycle start(String cycle, List<String> memberStates, List<String> rcps, Map<String, String> calendar,
      String timeZone, Boolean replay) {
    coordination.requireMayChangeCycles();
    Map<String, String> dates = calendar == null ? Map.of() : calendar;
    for (String key : dates.keySet()) {
      if (!CycleCalendar.isCalendarKey(key)) {
        throw new InvalidRequestException("Unknown calendar date '" + key + "': expected one of "
            + String.join(", ", CycleCalendar.keys()));
      }
    }
    CycleDefinition definition;
    try {
      definition = CycleDefinition.of(cycle, memberStates, rcps, dates,
          InputParser.blank(timeZone) ? defaultZone.getId() : timeZone, replay, referenceData,
          InputVariables::today);
    } catch (UnknownReferenceCodeException | IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    VariableMap variables = Variables.createVariables()
        .putValue(MEMBER_STATES, String.join(",", definition.memberStates()))
        .putValue(RCPS, String.join(",", definition.rcps()))
        .putValue(CycleCalendar.TIME_ZONE, definition.timeZone().getId())
        .putValue(CycleCalendar.REPLAY, definition.replay());
    dates.forEach(variables::putValue);
    ProcessInstance instance;
    try {
      instance = runtimeService.createProcessInstanceByKey(KEY).businessKey(definition.cycle())
          .setVariables(variables).execute();
    } catch (CycleNameTakenException e) {
      throw new ConflictException(e.getMessage());
    }
    return new StartedCycle(definition.cycle(), instance.getId(), definition.memberStates().size(),
        definition.rcps().size(), definition.regionalOffices(), definition.timeZone().getId(), definition.replay(),
        definition.calendar());
  }
}
