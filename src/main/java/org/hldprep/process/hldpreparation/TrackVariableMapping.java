package org.hldprep.process.hldpreparation;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.engine.EngineExpressions;
import org.hldprep.process.RecordOutcomeListener;
import org.springframework.stereotype.Component;

/**
 * What passes between the master and a child, in one place for every track ({@link Track}): in, the
 * cycle's name, time zone and replay flag, the dates the child uses, its code, its own date (a
 * commission's meeting, a round table's day) and the cycle's settings for it; out, the child's process key, business key and outcome, into the variables the track's
 * sub-process declares, where "Record the outcome" reads them.
 */
@Component("trackVariableMapping")
public class TrackVariableMapping implements DelegateVariableMapping {

  @Override
  public void mapInputVariables(DelegateExecution master, VariableMap child) {
    Track track = Track.of(calledProcess(master));
    child.putValue(CYCLE, master.getVariable(CYCLE));
    child.putValue(CycleCalendar.TIME_ZONE, master.getVariable(CycleCalendar.TIME_ZONE));
    child.putValue(CycleCalendar.REPLAY, master.getVariable(CycleCalendar.REPLAY));
    for (String key : track.calendarKeys()) {
      child.putValue(key, master.getVariable(key));
    }
    if (track.perParticipant()) {
      Object code = master.getVariable(track.codeVariable());
      child.putValue(track.codeVariable(), code != null ? code : master.getVariable(PARTICIPANT_CODE));
    }
    Track.OwnDate own = track.ownDate();
    if (own != null) {
      Object which = master.getVariable(own.childKey());
      child.putValue(own.childKey(), which);
      child.putValue(own.variable(), own.fromCalendar().apply(calendar(master), which));
    }
    for (String setting : track.settings()) {
      if (master.getVariable(setting) != null) {
        child.putValue(setting, master.getVariable(setting));
      }
    }
  }

  @Override
  public void mapOutputVariables(DelegateExecution master, VariableScope childInstance) {
    DelegateExecution child = (DelegateExecution) childInstance;
    master.setVariable(CHILD_PROCESS_KEY, calledProcess(master));
    master.setVariable(CHILD_BUSINESS_KEY, child.getProcessBusinessKey());
    master.setVariable(CHILD_OUTCOME, child.getVariable(RecordOutcomeListener.OUTCOME));
  }

  /** The cycle's calendar as the master holds it now. */
  static Map<String, Object> calendar(DelegateExecution master) {
    Map<String, Object> calendar = new LinkedHashMap<>();
    CycleCalendar.keys().forEach(key -> calendar.put(key, master.getVariable(key)));
    return calendar;
  }

  /** The called process key: the call activity's calledElement, evaluated when it is an expression. */
  static String calledProcess(DelegateExecution master) {
    String called = ((CallActivity) master.getBpmnModelElementInstance()).getCalledElement();
    if (called.contains("${")) {
      return String.valueOf(EngineExpressions.evaluate(called, master));
    }
    return called;
  }
}
