package org.hldprep.process.hldpreparation;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * When a regional synthesis starts (on its date, or once every consultation of the region has ended):
 * the consultations of the region that are still open, by name, for the Regional Office's form
 * ({@value HldPreparationProcess#OPEN_CONSULTATIONS}; "none" when every one has ended).
 */
@Component("listOpenConsultationsDelegate")
public class ListOpenConsultationsDelegate implements JavaDelegate {

  private final ReferenceData referenceData;

  public ListOpenConsultationsDelegate(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String office = String.valueOf(execution.getVariable(REGIONAL_OFFICE));
    String cycle = String.valueOf(execution.getVariable(CYCLE));
    List<String> open = CycleProgress.runningChildren(execution.getProcessEngineServices(),
        execution.getProcessInstanceId()).stream()
        .filter(CycleProgress::isNationalConsultation)
        .map(child -> referenceData.memberState(Track.code(cycle, child.getBusinessKey())))
        .flatMap(java.util.Optional::stream)
        .filter(state -> state.regionalOffice().equals(office))
        .map(MemberState::name).sorted().toList();
    execution.setVariable(OPEN_CONSULTATIONS, open.isEmpty() ? "none" : String.join(", ", open));
  }
}
