package org.hldprep.security.guard;

import java.util.regex.Pattern;

/**
 * The Admin webapp's plugin API ({@code /camunda/api/admin/plugin/{plugin}/...}): its one data plugin,
 * the execution metrics of System Settings ({@code adminPlugins/{engine}/metrics/aggregated}), counts
 * every office's instances and task users engine-wide: administrators only. The plugins' static files
 * stay open, since Admin loads them for every user (who may open it to change their own profile).
 */
public class AdminPluginRule implements EngineApiRule {

  private static final Pattern PLUGIN_DATA = Pattern.compile("^/camunda/api/admin/plugin/[^/]+/(?!static/).*$");

  @Override
  public Refusal check(EngineApiCall call) {
    if (call.isAdmin() || !PLUGIN_DATA.matcher(call.path()).matches()) {
      return null;
    }
    return Refusal.forbidden("Only members of camunda-admin may see the engine's execution metrics in Admin.");
  }
}
