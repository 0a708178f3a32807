package org.hldprep.process;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hldprep.reference.ReferenceData;

/**
 * Names what a task is about in its title, so that Tasklist's list tells tasks of the same step apart:
 * a Regional Office reviews one national summary per country ("Review the national summary –
 * Philippines"). The country, RCP, UN Regional Commission ("– ESCAP"), New York round table ("– round
 * table 24 Jan 2013") or Regional Office comes from the process; other tasks keep the model's name. (Tasklist can also show variables in a filter, but only to users allowed to read the
 * whole process instance, which offices are not.)
 */
public class TaskTitleListener implements TaskListener {

  static final String SEPARATOR = " – ";
  private static final DateTimeFormatter EVENT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

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
    Object commission = task.getVariable("commissionCode");
    if (commission != null) {
      return referenceData.regionalCommission(commission.toString()).map(c -> c.acronym())
          .orElse(commission.toString());
    }
    Object eventDate = task.getVariable("eventDate");
    if (eventDate != null) {
      // One instance per New York round table: its date is what tells them apart ("round table 24 Jan 2013").
      return "round table " + org.hldprep.platform.input.InputParser.date("eventDate", eventDate).format(EVENT_DATE);
    }
    Object office = task.getVariable("regionalOffice");
    if (office != null) {
      return referenceData.offices().stream().filter(o -> o.code().equals(office.toString())).findFirst()
          .map(o -> "Regional Office " + o.city()).orElse(office.toString());
    }
    return null;
  }
}
