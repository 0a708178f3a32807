package org.hldprep.security.guard;

import java.util.regex.Pattern;

/**
 * A task's variables change only through its form, when it is completed, and its candidate groups only
 * through the routing table: no direct variable writes, no added or removed identity links, except by
 * administrators. (Otherwise a completion could be prepared with any variable, or an office could hand
 * its task to another office.)
 */
public class TaskRoutingRule implements EngineApiRule {

  private static final Pattern TASK_VARIABLES = Pattern.compile("^/task/[^/]+/(variables|localVariables)(/.*)?$");
  private static final Pattern IDENTITY_LINKS = Pattern.compile("^/task/[^/]+/identity-links(/delete)?/?$");

  @Override
  public Refusal check(EngineApiCall call) {
    if (!call.isEngineApi() || call.isAdmin() || !call.isWrite()) {
      return null;
    }
    if (TASK_VARIABLES.matcher(call.enginePath()).matches()) {
      return Refusal.forbidden("A task's variables change only through its form, when the task is completed.");
    }
    if (IDENTITY_LINKS.matcher(call.enginePath()).matches()) {
      return Refusal
          .forbidden("Who works on a task is decided by the routing table; only camunda-admin may change it.");
    }
    return null;
  }
}
