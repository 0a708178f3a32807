package org.hldprep.security.sso;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.hldprep.platform.api.JsonErrors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Under single sign-on the webapps' own login form takes only the local administrator accounts (the
 * break-glass way in); everyone else is told to sign in with the organisation's account.
 */
final class PasswordLoginOffFilter extends OncePerRequestFilter {

  private static final Pattern LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");

  private final Predicate<String> passwordAllowed;

  PasswordLoginOffFilter(Predicate<String> passwordAllowed) {
    this.passwordAllowed = passwordAllowed;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return !"POST".equals(request.getMethod()) || !LOGIN.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = request.getParameter("username");
    if (user == null || !passwordAllowed.test(user.trim())) {
      JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthenticationException",
          SsoSecurity.PASSWORDS_OFF);
      return;
    }
    chain.doFilter(request, response);
  }
}
