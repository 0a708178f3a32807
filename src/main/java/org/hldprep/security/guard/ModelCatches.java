package org.hldprep.security.guard;

import java.util.Collection;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Whether a process model catches a BPMN error or escalation thrown from one of its activities: a
 * boundary event on the activity, or on any enclosing sub-process, or an event sub-process of an
 * enclosing scope, whose definition names that code (or names none: a catch-all).
 */
public final class ModelCatches {

  public enum Kind {
    ERROR, ESCALATION
  }

  private ModelCatches() {
  }

  public static boolean catches(BpmnModelInstance model, String activityId, Kind kind, String code) {
    ModelElementInstance element = model.getModelElementById(activityId);
    if (!(element instanceof FlowElement)) {
      return false;
    }
    Collection<BoundaryEvent> boundaries = model.getModelElementsByType(BoundaryEvent.class);
    for (ModelElementInstance scope = element; scope != null; scope = scope.getParentElement()) {
      if (scope instanceof Activity activity) {
        for (BoundaryEvent boundary : boundaries) {
          if (boundary.getAttachedTo() == activity && matches(boundary.getEventDefinitions(), kind, code)) {
            return true;
          }
        }
      }
      if (scope != element) {
        for (ModelElementInstance child : scope.getChildElementsByType(SubProcess.class)) {
          SubProcess sub = (SubProcess) child;
          if (sub.triggeredByEvent()) {
            for (StartEvent start : sub.getChildElementsByType(StartEvent.class)) {
              if (matches(start.getEventDefinitions(), kind, code)) {
                return true;
              }
            }
          }
        }
      }
    }
    return false;
  }

  private static boolean matches(Collection<EventDefinition> definitions, Kind kind, String code) {
    for (EventDefinition definition : definitions) {
      if (kind == Kind.ERROR && definition instanceof ErrorEventDefinition error) {
        Error caught = error.getError();
        if (caught == null || caught.getErrorCode() == null || caught.getErrorCode().equals(code)) {
          return true;
        }
      }
      if (kind == Kind.ESCALATION && definition instanceof EscalationEventDefinition escalation) {
        Escalation caught = escalation.getEscalation();
        if (caught == null || caught.getEscalationCode() == null || caught.getEscalationCode().equals(code)) {
          return true;
        }
      }
    }
    return false;
  }
}
