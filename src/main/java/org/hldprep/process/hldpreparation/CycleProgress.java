package org.hldprep.process.hldpreparation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hldprep.engine.EngineCommand;
import org.hldprep.process.RecordOpenAtCutOffDelegate;
import org.hldprep.process.RecordOutcomeListener;
import org.hldprep.reference.ReferenceData;

/**
 * Where a cycle stands, read from the engine itself (never from a variable a user could write): its
 * running children, each child's outcome keyed by its business key, the consultations still open per
 * Regional Office. A few bulk queries, whatever the number of children; run as the engine, since the
 * user whose step moved the cycle on has no right to read the others'.
 */
public final class CycleProgress {

  /** A child that ended without declaring an outcome (e.g. cancelled in Cockpit). */
  public static final String NO_OUTCOME = "none";
  /** A child still running when the tally was taken. */
  public static final String RUNNING = "running";

  private CycleProgress() {
  }

  /** The running children of the master (every track). */
  public static List<ProcessInstance> runningChildren(ProcessEngineServices engine, String masterId) {
    return EngineCommand.withoutAuthorization(() -> engine.getRuntimeService()
        .createProcessInstanceQuery().superProcessInstanceId(masterId).list());
  }

  /** Number of national consultations still running, per Regional Office of the cycle (0 where none). */
  public static Map<String, Object> openConsultationsByRegion(List<ProcessInstance> running, String cycle,
      List<?> regionalOffices, ReferenceData referenceData) {
    Map<String, Object> open = new TreeMap<>();
    regionalOffices.forEach(office -> open.put(String.valueOf(office), 0));
    for (ProcessInstance child : running) {
      if (isNationalConsultation(child)) {
        referenceData.memberState(Track.code(cycle, child.getBusinessKey()))
            .ifPresent(state -> open.merge(state.regionalOffice(), 1, (a, b) -> ((Integer) a) + ((Integer) b)));
      }
    }
    return open;
  }

  static boolean isNationalConsultation(ProcessInstance child) {
    return child.getProcessDefinitionId().startsWith(Track.NATIONAL_CONSULTATION.processKey() + ":");
  }

  /**
   * Every child's outcome per track (tally variable → code → outcome), from the history: the outcome the
   * child recorded at its end, {@value #RUNNING} while it runs, {@value #NO_OUTCOME} if it ended without
   * one. A child started twice under the same business key (a reopened consultation) counts by its latest.
   */
  public static Map<String, Map<String, String>> tallies(ProcessEngineServices engine, String masterId, String cycle) {
    HistoryService history = engine.getHistoryService();
    return EngineCommand.withoutAuthorization(() -> {
      List<HistoricProcessInstance> children = history.createHistoricProcessInstanceQuery()
          .superProcessInstanceId(masterId).orderByProcessInstanceStartTime().asc().list();
      Map<String, Object> outcomes = new LinkedHashMap<>();
      if (!children.isEmpty()) {
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
            .processInstanceIdIn(children.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
            .variableName(RecordOutcomeListener.OUTCOME).list()) {
          outcomes.put(variable.getProcessInstanceId(), variable.getValue());
        }
      }
      Map<String, Map<String, String>> tallies = new LinkedHashMap<>();
      Track.ALL.forEach(track -> tallies.putIfAbsent(track.tallyVariable(), new TreeMap<>()));
      for (HistoricProcessInstance child : children) {
        Track track = Track.of(child.getProcessDefinitionKey());
        String outcome = child.getEndTime() == null
            ? RUNNING
            : String.valueOf(outcomes.getOrDefault(child.getId(), NO_OUTCOME));
        tallies.get(track.tallyVariable()).put(Track.code(cycle, child.getBusinessKey()), outcome);
      }
      return tallies;
    });
  }

  /** "3 in all: declined 1, held 2. KEN declined; MEX held; PHL held". */
  public static String summary(Map<String, ?> tally) {
    Map<String, Long> counts = new TreeMap<>();
    tally.values().forEach(v -> counts.merge(String.valueOf(v), 1L, Long::sum));
    String totals = String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    String each = String.join("; ", tally.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    return tally.size() + " in all: " + totals + ". " + each;
  }

  /** The summary variable of a tally: consultationOutcomes → consultationSummary. */
  public static String summaryVariable(String tallyVariable) {
    return tallyVariable.replace("Outcomes", "Summary");
  }

  /** Whether an outcome means the work was not done when its date came. */
  public static boolean open(String outcome) {
    return RUNNING.equals(outcome) || RecordOpenAtCutOffDelegate.OUTCOME_OPEN_AT_CUT_OFF.equals(outcome);
  }
}
