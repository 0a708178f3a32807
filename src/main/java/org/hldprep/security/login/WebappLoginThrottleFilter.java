package org.hldprep.security.login;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.hldprep.security.JsonErrors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) under the same
 * {@link LoginThrottle} as HTTP Basic: refused with 429 and Retry-After before Camunda asks the identity
 * service; Camunda's answer (401 or not) tells the throttle whether the password was wrong.
 */
public class WebappLoginThrottleFilter extends OncePerRequestFilter {

  private static final Pattern LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");

  private final LoginThrottle throttle;

  public WebappLoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return !"POST".equals(request.getMethod()) || !LOGIN.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // The login form is application/x-www-form-urlencoded; Camunda reads it with @FormParam, which
    // still works after the container has parsed the parameters here.
    String user = request.getParameter("username");
    String address = request.getRemoteAddr();
    Duration wait = throttle.waitBeforeTrying(address, user);
    if (wait != null) {
      throttle.throttled(address, user, "webapp login", wait);
      response.setHeader("Retry-After", String.valueOf(LoginThrottle.retryAfterSeconds(wait)));
      JsonErrors.write(response, 429, "TooManyRequests", "Too many failed logins: try again in "
          + LoginThrottle.retryAfterSeconds(wait) + " s.");
      return;
    }
    chain.doFilter(request, response);
    // 401 is a wrong password; 403 may be a missing CSRF token or a webapp the user may not open, so
    // only a 200 marks this address as one the account logs in from.
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(address, user, "webapp login");
    } else if (response.getStatus() == HttpServletResponse.SC_OK) {
      throttle.succeeded(address, user);
    }
  }
}
