package org.hldprep.security.guard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * A task belongs to the offices it was routed to. Outside camunda-admin, a claim is for oneself only; a
 * task is not assigned, delegated or given an owner by its holder; and its name, description, dates
 * and priority are the model's ({@code PUT /task/{id}}): a due date moved to 2099 would take a task off
 * the overdue list and stop its escalation, a new description would be mailed in the digest. Camunda
 * lets a candidate do all of this with the task's UPDATE permission and never checks whom a claim is
 * for; since candidates get TASK_WORK instead the engine refuses most of it too, and this rule closes it
 * for tasks created before as well.
 */
public class TaskHandOverRule implements EngineApiRule {

  private static final Pattern CLAIM = Pattern.compile("^/task/[^/]+/claim/?$");
  private static final Pattern HAND_OVER = Pattern.compile("^/task/[^/]+/(assignee|delegate)/?$");
  private static final Pattern UPDATE = Pattern.compile("^/task/[^/]+/?$");

  @Override
  public Refusal check(EngineApiCall call) throws IOException {
    if (!call.isEngineApi() || call.isAdmin() || !call.isWrite()) {
      return null;
    }
    String path = call.enginePath();
    if ("POST".equals(call.method()) && CLAIM.matcher(path).matches()) {
      JsonNode userId = call.json() == null ? null : call.json().get("userId");
      if (userId == null || !userId.isTextual() || !userId.asText().equals(call.userId())) {
        return Refusal.forbidden("You may claim a task only for yourself ('" + TaskFormGuard.shorten(
            String.valueOf(call.userId())) + "'): a colleague of your office claims it in their own name.");
      }
      return null;
    }
    if (HAND_OVER.matcher(path).matches()) {
      return Refusal.forbidden("A task stays with the offices it was routed to: release it (unclaim) and a"
          + " colleague of your office claims it; only camunda-admin assigns or delegates tasks to others.");
    }
    if ("PUT".equals(call.method()) && UPDATE.matcher(path).matches()) {
      return Refusal.forbidden("A task's name, description, dates, priority and people are set by the workflow;"
          + " only camunda-admin may change them.");
    }
    return null;
  }
}
