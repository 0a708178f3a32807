package org.hldprep.security.guard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's comments and attachments belong to the task: only those who may see the task reach them.
 * Camunda's REST finds the task for these calls through the task's <em>history</em>, so whoever reads a
 * process's history (HLD coordination reads every process's) passes, and the engine itself checks no
 * permission when a comment or attachment is added or read, nor when one is read or an attachment
 * deleted by its id. HLD coordination could thus write comments into the Council's, the Office of Legal
 * Affairs' or a Country Office's tasks and read theirs, none of which it may see. Outside camunda-admin,
 * every call under {@code /task/{id}/comment} and {@code /task/{id}/attachment} needs a running task the
 * caller sees (as a candidate or its assignee), else 404 as for any task they cannot see.
 */
public class TaskCommentsRule implements EngineApiRule {

  private static final Pattern NOTES = Pattern.compile("^/task/([^/]+)/(comment|attachment)(/.*)?$");

  private final TaskFormGuard tasks;

  public TaskCommentsRule(TaskFormGuard tasks) {
    this.tasks = tasks;
  }

  @Override
  public Refusal check(EngineApiCall call) {
    if (!call.isEngineApi() || call.isAdmin()) {
      return null;
    }
    Matcher notes = NOTES.matcher(call.enginePath());
    if (!notes.matches()) {
      return null;
    }
    if (call.userId() == null) {
      return new Refusal(401, "AuthenticationException", "Log in to read or write a task's comments.");
    }
    String taskId = notes.group(1);
    return tasks.visibleTask(taskId, call.userId(), call.groups()) == null ? TaskFormGuard.notVisible(taskId) : null;
  }
}
