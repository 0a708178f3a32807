package org.hldprep.security.sso;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The few pages single sign-on needs besides the provider's own: why HLD Prep refuses an account, why a
 * sign-in failed, that the sign-out is done, and {@code /camunda/sso/status}, by which the webapps' sign-out
 * script learns that sign-out goes through the provider.
 */
final class SsoPages extends OncePerRequestFilter {

  static final String BASE = "/camunda/sso";
  static final String AUTHORIZE = BASE + "/authorize";
  static final String CALLBACK = BASE + "/callback";
  static final String LOGOUT = BASE + "/logout";
  static final String SIGNED_OUT = BASE + "/signed-out";
  static final String STATUS = BASE + "/status";
  static final String TASKLIST = "/camunda/app/tasklist/default/";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return !"GET".equals(request.getMethod()) || !(SIGNED_OUT.equals(path) || STATUS.equals(path));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (STATUS.equals(path(request))) {
      response.setContentType("application/json");
      response.setHeader("Cache-Control", "no-store");
      response.getWriter().write("{\"singleSignOn\":true,\"logout\":\"" + LOGOUT + "\"}");
      return;
    }
    page(request, response, HttpServletResponse.SC_OK, "Signed out",
        "<p>You have signed out of HLD Prep and of your organisation's account.</p>",
        TASKLIST, "Sign in again");
  }

  /** 403: the provider knows the person, HLD Prep does not let them in. */
  static void refused(HttpServletRequest request, HttpServletResponse response, String userId, String reason)
      throws IOException {
    page(request, response, HttpServletResponse.SC_FORBIDDEN, "No access to HLD Prep",
        "<p>Your organisation's account <b>" + HtmlUtils.htmlEscape(userId.isEmpty() ? "(no name)" : userId)
            + "</b> signed in, but HLD Prep does not let it in:</p><p class=\"reason\">"
            + HtmlUtils.htmlEscape(reason) + "</p><p>To get access, ask HLD Prep's administrators to add your"
            + " account to one of HLD Prep's groups at the organisation's provider.</p>",
        LOGOUT, "Sign out");
  }

  /** 401: the provider's answer did not sign anyone in (an error, a refused consent, a stale link). */
  static void failed(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
    page(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Sign-in failed",
        "<p>The sign-in with your organisation's account did not complete:</p><p class=\"reason\">"
            + HtmlUtils.htmlEscape(reason) + "</p>",
        TASKLIST, "Try again");
  }

  private static void page(HttpServletRequest request, HttpServletResponse response, int status, String title,
      String body, String linkPath, String linkText) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>HLD Prep: "
        + title + "</title><style>body{font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.5}"
        + ".reason{padding:.5em 1em;border-left:4px solid #b00;background:#fbeaea}</style></head><body><h1>"
        + title + "</h1>" + body + "<p><a id=\"next\" href=\"" + request.getContextPath() + linkPath + "\">"
        + linkText + "</a></p></body></html>");
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
