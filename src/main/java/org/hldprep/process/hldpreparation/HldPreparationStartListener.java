package org.hldprep.process.hldpreparation;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.hldprep.reference.ReferenceData;
import org.hldprep.reference.UnknownReferenceCodeException;
import org.springframework.stereotype.Component;

/**
 * Start of a cycle: checks the participants and the calendar (a bad code or date refuses the start,
 * nothing is created), names the cycle after its business key, and stores lists as JSON so the
 * multi-instance call activities can iterate them.
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
    CycleDefinition cycle;
    try {
      // The cycle's name: the business key, or (from the Tasklist start form) the variable cycle.
      String name = execution.getProcessBusinessKey() != null ? execution.getProcessBusinessKey()
          : (String) execution.getVariable(CYCLE);
      cycle = CycleDefinition.of(name, plain(execution.getVariable(MEMBER_STATES)),
          plain(execution.getVariable(RCPS)), execution.getVariables(), referenceData);
    } catch (UnknownReferenceCodeException | IllegalArgumentException e) {
      throw new BadUserRequestException(e.getMessage());
    }
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
    execution.setVariable(CONSULTATION_OUTCOMES, json(new LinkedHashMap<String, String>()));
    execution.setVariable(RCP_OUTCOMES, json(new LinkedHashMap<String, String>()));
    execution.setVariable(TRACK_OUTCOMES, json(new LinkedHashMap<String, String>()));
  }

  /** Whether a master still runs, whoever may see it (the caller's authorizations do not matter here). */
  private static boolean running(DelegateExecution execution, String processInstanceId) {
    return Context.getCommandContext().runWithoutAuthorization(() -> execution.getProcessEngineServices()
        .getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0);
  }

  /** A list or map as a JSON object variable (never Java serialization, which is disabled). */
  public static Object json(Object value) {
    return Variables.objectValue(value).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }

  /** Spin JSON arrays from REST clients become plain lists. */
  private static Object plain(Object value) {
    if (value instanceof SpinJsonNode node && node.isArray()) {
      List<String> codes = new ArrayList<>();
      node.elements().forEach(e -> codes.add(e.isString() ? e.stringValue() : e.toString()));
      return codes;
    }
    return value;
  }
}
