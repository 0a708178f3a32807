package org.hldprep.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the progress board in Cockpit read {@code /api} with the webapps' own login: a GET (or HEAD)
 * under {@code /api/} without an Authorization header, from a browser whose Camunda webapp session
 * holds a user, is authenticated as that user with the groups the identity service gives now (a user
 * removed or taken out of a group since the login loses them at once).
 *
 * <p>Only reads, so no CSRF token is needed: nothing under {@code /api} changes state on GET, and
 * the session cookie is SameSite. Everything else keeps HTTP Basic. The engine is looked up on first
 * use: filter chains are built before the engine.
 */
public class WebappSessionApiFilter extends OncePerRequestFilter {

  private final Supplier<ProcessEngine> engine;

  public WebappSessionApiFilter(Supplier<ProcessEngine> engine) {
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !("GET".equals(method) || "HEAD".equals(method)) || !path.startsWith("/api/")
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    String userId = session == null ? null : webappUser(session);
    if (userId == null || SecurityContextHolder.getContext().getAuthentication() != null) {
      chain.doFilter(request, response);
      return;
    }
    ProcessEngine processEngine = engine.get();
    if (processEngine.getIdentityService().createUserQuery().userId(userId).count() == 0) {
      chain.doFilter(request, response);
      return;
    }
    List<SimpleGrantedAuthority> groups = processEngine.getIdentityService().createGroupQuery().groupMember(userId)
        .list().stream().map(Group::getId).map(SimpleGrantedAuthority::new).toList();
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(userId, null, groups));
    chain.doFilter(request, response);
  }

  private String webappUser(HttpSession session) {
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    var authentication = authentications.getAuthenticationForProcessEngine(engine.get().getName());
    return authentication instanceof UserAuthentication user ? user.getName() : null;
  }
}
