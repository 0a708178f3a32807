package org.hldprep.security.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.hldprep.security.guard.ModelCatches.Kind;
import org.junit.jupiter.api.Test;

class ModelCatchesTest {

  @Test
  void aBoundaryEventOnTheTaskOrAnEnclosingScopeCatches() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent()
        .subProcess("Sub").embeddedSubProcess().startEvent().userTask("Task_Inner").endEvent().subProcessDone()
        .userTask("Task_Outer").endEvent().done();
    model.<org.camunda.bpm.model.bpmn.instance.UserTask>getModelElementById("Task_Outer").builder()
        .boundaryEvent("Boundary_Outer").error("outer-code").endEvent();
    model.<org.camunda.bpm.model.bpmn.instance.SubProcess>getModelElementById("Sub").builder()
        .boundaryEvent("Boundary_Sub").escalation("sub-escalation").endEvent();

    assertThat(ModelCatches.catches(model, "Task_Outer", Kind.ERROR, "outer-code")).isTrue();
    assertThat(ModelCatches.catches(model, "Task_Outer", Kind.ERROR, "other-code")).isFalse();
    assertThat(ModelCatches.catches(model, "Task_Outer", Kind.ESCALATION, "outer-code")).isFalse();
    assertThat(ModelCatches.catches(model, "Task_Inner", Kind.ESCALATION, "sub-escalation")).isTrue();
    assertThat(ModelCatches.catches(model, "Task_Inner", Kind.ERROR, "outer-code")).isFalse();
    assertThat(ModelCatches.catches(model, "Nowhere", Kind.ERROR, "outer-code")).isFalse();
  }

  @Test
  void noTaskOfTheProjectsModelsCatchesAnything() throws Exception {
    for (String name : new String[]{"national-consultation", "hld-preparation", "rcp-contribution",
        "global-rcp-meeting", "council-joint-statement", "pga-outcome-input"}) {
      try (FileInputStream in = new FileInputStream("processes/" + name + ".bpmn")) {
        BpmnModelInstance model = Bpmn.readModelFromStream(in);
        for (var task : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)) {
          assertThat(ModelCatches.catches(model, task.getId(), Kind.ERROR, "any"))
              .as(name + " " + task.getId()).isFalse();
          assertThat(ModelCatches.catches(model, task.getId(), Kind.ESCALATION, "any")).isFalse();
        }
      }
    }
  }
}
