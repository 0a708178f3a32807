package org.hldprep.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hldprep.reference.ReferenceData;

/**
 * Names what a task is about in its title, so that Tasklist's list tells tasks of the same step apart:
 * a Regional Office reviews one national summary per country ("Review the national summary –
 * Philippines"). The country, RCP or Regional Office comes from the process; other tasks keep the
 * model's name. (Tasklist can also show variables in a filter, but only to users allowed to read the
 * whole process instance, which offices are not.)
 */
public class TaskTitleListener implements TaskListener {

  static final String SEPARATOR = " – ";

  private final ReferenceData referenceData;

  public TaskTitleListener(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  @Override
  public void notify(DelegateTask task) {
    String subject = subject(task);
    if (subject != null && task.getName() != null && !task.getName().endsWith(SEPARATOR + subject)) {
      task.setName(task.getName() + SEPARATOR + subject);
    }
  }

  private String subject(DelegateTask task) {
    Object country = task.getVariable("countryCode");
    if (country != null) {
      return referenceData.memberState(country.toString()).map(s -> s.name()).orElse(country.toString());
    }
    Object rcp = task.getVariable("rcpCode");
    if (rcp != null) {
      return referenceData.rcp(rcp.toString())
          .map(r -> r.acronym() == null || r.acronym().isBlank() ? r.name() : r.acronym()).orElse(rcp.toString());
    }
    Object office = task.getVariable("regionalOffice");
    if (office != null) {
      return referenceData.offices().stream().filter(o -> o.code().equals(office.toString())).findFirst()
          .map(o -> "Regional Office " + o.city()).orElse(office.toString());
    }
    return null;
  }
}
