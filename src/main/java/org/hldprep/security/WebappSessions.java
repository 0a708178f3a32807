package org.hldprep.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * Which requests to the webapps get an HTTP session, i.e. a row in SPRING_SESSION. Camunda's
 * authentication and CSRF filters open one for every request under {@code /app} and {@code /api}, so
 * each anonymous page view or script wrote a row. A session is only needed by a logged-in user and, for
 * the login itself, by the CSRF token that the apps fetch with their first read of the webapps' API
 * ({@code GET .../api/admin/auth/user/{engine}}): pages, scripts and plugin files get none.
 */
final class WebappSessions {

  private static final Pattern PLUGIN_STATIC = Pattern.compile("^/api/[^/]+/plugin/[^/]+/static/");

  private final String applicationPath;

  /** @param applicationPath where the webapps live, e.g. {@code /camunda} */
  WebappSessions(String applicationPath) {
    this.applicationPath = applicationPath;
  }

  boolean needed(HttpServletRequest request) {
    if (request.getSession(false) != null) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(applicationPath + "/api/")) {
      return false;
    }
    String method = request.getMethod();
    return ("GET".equals(method) || "HEAD".equals(method))
        && !PLUGIN_STATIC.matcher(path.substring(applicationPath.length())).find();
  }
}
