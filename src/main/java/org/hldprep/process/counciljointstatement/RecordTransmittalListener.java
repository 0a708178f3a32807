package org.hldprep.process.counciljointstatement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hldprep.engine.EngineCaller;
import org.hldprep.routing.GroupIds;
import org.springframework.stereotype.Component;

/**
 * The Chairperson transmitted the statement on behalf of the Council: the letter is kept with who sent it
 * and its copies, to the Director General and the Special Liaison Office in New York, who follow the HLD.
 */
@Component("recordTransmittalListener")
public class RecordTransmittalListener implements TaskListener {

  public static final String TRANSMITTED_BY = "transmittedBy";
  public static final String TRANSMITTAL_COPIED_TO = "transmittalCopiedTo";

  @Override
  public void notify(DelegateTask task) {
    String caller = EngineCaller.userId(task.getProcessEngineServices().getIdentityService());
    task.getExecution().setVariable(TRANSMITTED_BY, caller != null
        ? caller
        : task.getAssignee() != null ? task.getAssignee() : GroupIds.COUNCIL_CHAIR);
    task.getExecution().setVariable(TRANSMITTAL_COPIED_TO,
        GroupIds.DIRECTOR_GENERAL + ", " + GroupIds.LIAISON_NEW_YORK);
  }
}
