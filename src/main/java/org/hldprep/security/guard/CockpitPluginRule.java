package org.hldprep.security.guard;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Cockpit plugin API ({@code /camunda/api/cockpit/plugin/{plugin}/{engine}/...}) runs engine-wide
 * queries (instance counts, statistics, incidents across every office): administrators only. The
 * plugins' static files (scripts the Cockpit page loads) stay open to every logged-in Cockpit user.
 */
public class CockpitPluginRule implements EngineApiRule {

  /**
   * Cockpit plugins whose data API non-administrators may call. Each one must check the caller's rights
   * itself (e.g. a progress board that filters by the caller's region). Empty for now; a progress-board
   * plugin {@code hld-progress} may be added here once it exists.
   */
  public static final Set<String> PLUGINS_OPEN_TO_STAFF = Set.of();

  private static final Pattern PLUGIN_API = Pattern.compile("^/camunda/api/cockpit/plugin/([^/]+)(/.*)?$");
  private static final Pattern STATIC = Pattern.compile("^/static/.*$");

  private final Set<String> openPlugins;

  public CockpitPluginRule() {
    this(PLUGINS_OPEN_TO_STAFF);
  }

  CockpitPluginRule(Set<String> openPlugins) {
    this.openPlugins = openPlugins;
  }

  @Override
  public Refusal check(EngineApiCall call) {
    Matcher plugin = PLUGIN_API.matcher(call.path());
    if (!call.path().startsWith("/camunda/api/cockpit/") || call.isAdmin()) {
      return null;
    }
    if (plugin.matches()) {
      String rest = plugin.group(2) == null ? "" : plugin.group(2);
      if ("GET".equals(call.method()) && STATIC.matcher(rest).matches()) {
        return null;
      }
      if (openPlugins.contains(plugin.group(1))) {
        return null;
      }
    }
    return Refusal.forbidden("Only members of camunda-admin may use Cockpit's engine-wide views; coordinators"
        + " follow their cycles through /api/cycles.");
  }
}
