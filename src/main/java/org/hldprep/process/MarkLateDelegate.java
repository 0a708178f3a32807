package org.hldprep.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A deadline passed: the process instance remembers it in {@value #LATE}, which its outcome reflects. */
@Component("markLateDelegate")
public class MarkLateDelegate implements JavaDelegate {

  public static final String LATE = "late";

  @Override
  public void execute(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(LATE, true);
  }
}
