package org.hldprep.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.filter.SessionCookieFilter;

/**
 * Camunda's session cookie filter opens a session for every request, so that it can add its cookie
 * attributes; a request that needs no session ({@link WebappSessions}) has no cookie to change.
 */
public class SessionSparingCookieFilter extends SessionCookieFilter {

  private final WebappSessions sessions;

  SessionSparingCookieFilter(WebappSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (sessions.needed((HttpServletRequest) request)) {
      super.doFilter(request, response, chain);
    } else {
      chain.doFilter(request, response);
    }
  }
}
