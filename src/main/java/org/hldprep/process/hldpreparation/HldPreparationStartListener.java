package org.hldprep.process.hldpreparation;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
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

  public HldPreparationStartListener(ReferenceData referenceData) {
    this.referenceData = referenceData;
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
    if (execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(KEY).processInstanceBusinessKey(cycle.cycle()).count() > 0) {
      throw new BadUserRequestException("A cycle " + cycle.cycle() + " is already running");
    }
    execution.setVariable(CYCLE, cycle.cycle());
    execution.setVariable(MEMBER_STATES, json(cycle.memberStates()));
    execution.setVariable(RCPS, json(cycle.rcps()));
    execution.setVariable(REGIONAL_OFFICES, json(cycle.regionalOffices()));
    cycle.calendar().forEach(execution::setVariable);
    execution.setVariable(CONSULTATION_OUTCOMES, json(new LinkedHashMap<String, String>()));
    execution.setVariable(RCP_OUTCOMES, json(new LinkedHashMap<String, String>()));
    execution.setVariable(TRACK_OUTCOMES, json(new LinkedHashMap<String, String>()));
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
