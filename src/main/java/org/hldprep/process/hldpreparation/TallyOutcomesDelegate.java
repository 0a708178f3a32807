package org.hldprep.process.hldpreparation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.hldprep.process.RecordOutcomeListener;
import org.springframework.stereotype.Component;

/**
 * Collects the explicit outcome of every child of this cycle, one entry per child: each child writes
 * its own {@code outcome} in its own instance, so no child can overwrite another's. Input parameters:
 * {@value #CHILD_PROCESSES} (comma-separated keys), {@value #CHILD_CODE_VARIABLE} (the child variable
 * that names the entry, e.g. countryCode; the process key when absent), {@value #TALLY_VARIABLE}. Also
 * writes a readable line per tally ({@code consultationSummary} etc.) for the forms.
 */
@Component("tallyOutcomesDelegate")
public class TallyOutcomesDelegate implements JavaDelegate {

  public static final String CHILD_PROCESSES = "childProcesses";
  public static final String CHILD_CODE_VARIABLE = "childCodeVariable";
  public static final String TALLY_VARIABLE = "tallyVariable";
  /** A child that ended without declaring an outcome (e.g. cancelled in Cockpit). */
  public static final String NO_OUTCOME = "none";

  @Override
  public void execute(DelegateExecution execution) {
    String[] keys = String.valueOf(execution.getVariableLocal(CHILD_PROCESSES)).split(",");
    Object codeVariable = execution.getVariableLocal(CHILD_CODE_VARIABLE);
    String tallyVariable = String.valueOf(execution.getVariableLocal(TALLY_VARIABLE));
    HistoryService history = execution.getProcessEngineServices().getHistoryService();

    // The engine reads its own history here, whoever completed the last child.
    Map<String, String> tally = Context.getCommandContext().runWithoutAuthorization(() -> {
      Map<String, String> outcomes = new TreeMap<>();
      List<HistoricProcessInstance> children = history.createHistoricProcessInstanceQuery()
          .superProcessInstanceId(execution.getProcessInstanceId()).processDefinitionKeyIn(keys).list();
      for (HistoricProcessInstance child : children) {
        Map<String, Object> variables = history.createHistoricVariableInstanceQuery()
            .processInstanceIdIn(child.getId()).list().stream()
            .filter(v -> v.getValue() != null)
            .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue,
                (a, b) -> a));
        String code = codeVariable == null ? child.getProcessDefinitionKey()
            : String.valueOf(variables.get(codeVariable.toString()));
        outcomes.put(code, String.valueOf(variables.getOrDefault(RecordOutcomeListener.OUTCOME, NO_OUTCOME)));
      }
      return outcomes;
    });
    execution.setVariable(tallyVariable, HldPreparationStartListener.json(new LinkedHashMap<>(tally)));
    execution.setVariable(summaryVariable(tallyVariable), summary(tally));
  }

  /** consultationOutcomes → consultationSummary. */
  static String summaryVariable(String tallyVariable) {
    return tallyVariable.replace("Outcomes", "Summary");
  }

  /** "3 children: held 2, declined 1. PHL held; KEN declined; MEX held". */
  static String summary(Map<String, String> tally) {
    Map<String, Long> counts = new TreeMap<>(tally.values().stream()
        .collect(Collectors.groupingBy(v -> v, Collectors.counting())));
    String totals = counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
    String each = tally.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining("; "));
    return tally.size() + " in all: " + totals + ". " + each;
  }
}
