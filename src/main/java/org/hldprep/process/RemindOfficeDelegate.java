package org.hldprep.process;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A reminder staff see where they work: the open tasks of the process instance get the text of the
 * input parameter {@value #REMINDER_TEXT} as a comment, and their priority is raised so that they
 * move up in Tasklist.
 */
@Component("remindOfficeDelegate")
public class RemindOfficeDelegate implements JavaDelegate {

  public static final String REMINDER_TEXT = "reminderText";
  public static final int REMINDED_PRIORITY = 80;

  @Override
  public void execute(DelegateExecution execution) {
    TaskService taskService = execution.getProcessEngineServices().getTaskService();
    String text = String.valueOf(execution.getVariableLocal(REMINDER_TEXT));
    for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
      taskService.createComment(task.getId(), execution.getProcessInstanceId(), text);
      if (task.getPriority() < REMINDED_PRIORITY) {
        task.setPriority(REMINDED_PRIORITY);
        taskService.saveTask(task);
      }
    }
  }
}
