package org.hldprep.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.filter.CsrfPreventionFilter;
import org.hldprep.platform.api.JsonErrors;

/**
 * Camunda's webapp CSRF filter, except that a missing or wrong token is refused without ending the
 * session. Camunda's own {@code doTokenValidation} calls {@code session.invalidate()} before its 403, so
 * one request with a bad token (a stale tab, a forged request from another site) logged the user out.
 * Here the request is refused with 403 and a message, the session and its token stay as they were.
 * Nor does it open a session to hand out a token where none is needed ({@link WebappSessions}).
 */
public class SessionKeepingCsrfPreventionFilter extends CsrfPreventionFilter {

  private final WebappSessions sessions;

  SessionKeepingCsrfPreventionFilter(WebappSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  protected void setCSRFToken(HttpServletRequest request, HttpServletResponse response) {
    if (sessions.needed(request)) {
      super.setCSRFToken(request, response);
    }
  }

  @Override
  protected boolean doTokenValidation(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String sent = request.getHeader("X-XSRF-TOKEN");
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute("CAMUNDA_CSRF_TOKEN");
    if (sent == null || sent.isBlank()) {
      response.setHeader("X-XSRF-TOKEN", "Required");
      JsonErrors.write(response, getDenyStatus(), "CsrfTokenException",
          "The CSRF token (header X-XSRF-TOKEN) is missing: reload the page and try again.");
      return false;
    }
    if (expected == null || !expected.equals(sent)) {
      JsonErrors.write(response, getDenyStatus(), "CsrfTokenException",
          "The CSRF token (header X-XSRF-TOKEN) does not match this session: reload the page and try again.");
      return false;
    }
    return true;
  }
}
