package org.hldprep.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * Camunda's webapp authentication filter, which opens a session for every request: a request that
 * needs none ({@link WebappSessions}) runs anonymous, as it would with a new, empty session.
 */
public class SessionSparingAuthenticationFilter extends AuthenticationFilter {

  private final WebappSessions sessions;

  SessionSparingAuthenticationFilter(WebappSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (sessions.needed((HttpServletRequest) request)) {
      super.doFilter(request, response, chain);
      return;
    }
    Authentications.setCurrent(new Authentications());
    try {
      chain.doFilter(request, response);
    } finally {
      Authentications.clearCurrent();
    }
  }
}
