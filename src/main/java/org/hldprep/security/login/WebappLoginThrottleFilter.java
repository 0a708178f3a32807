package org.hldprep.security.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;

/**
 * The webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) under the
 * {@link LoginThrottle}: Camunda answers a wrong password 401 and a right one 200.
 */
public class WebappLoginThrottleFilter extends PasswordCheckThrottleFilter {

  private static final Pattern LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");

  public WebappLoginThrottleFilter(LoginThrottle throttle) {
    super(throttle);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return !"POST".equals(request.getMethod()) || !LOGIN.matcher(path).matches();
  }

  @Override
  Attempt attempt(HttpServletRequest request, HttpServletResponse response) {
    // The login form is application/x-www-form-urlencoded; Camunda reads it with @FormParam, which
    // still works after the container has parsed the parameters here.
    return new Attempt(request, request.getParameter("username"));
  }

  @Override
  String channel(HttpServletRequest request) {
    return "webapp login";
  }

  /** 403 may be a missing CSRF token or a webapp the user may not open: neither says the password was wrong. */
  @Override
  Boolean passwordRight(HeldResponse camundaAnswer) {
    return switch (camundaAnswer.getStatus()) {
      case HttpServletResponse.SC_OK -> Boolean.TRUE;
      case HttpServletResponse.SC_UNAUTHORIZED -> Boolean.FALSE;
      default -> null;
    };
  }
}
