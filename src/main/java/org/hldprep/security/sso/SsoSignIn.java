package org.hldprep.security.sso;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.hldprep.platform.input.LogText;
import org.hldprep.security.sso.SsoIdentities.SsoIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * The end of a sign-in at the provider: the person is refused (a page says why), or mirrored into the
 * engine's identity tables ({@link StaffMirror}) and signed in to Camunda's webapps in this session, as
 * Camunda's own login form would, then sent to the page they asked for (Tasklist by default).
 */
final class SsoSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

  private static final Logger LOG = LoggerFactory.getLogger(SsoSignIn.class);

  private final SsoIdentities identities;
  private final StaffMirror mirror;
  private final Supplier<ProcessEngine> engine;
  private final SavedRequestAwareAuthenticationSuccessHandler toPageAsked;

  SsoSignIn(SsoIdentities identities, StaffMirror mirror, Supplier<ProcessEngine> engine) {
    this.identities = identities;
    this.mirror = mirror;
    this.engine = engine;
    this.toPageAsked = new SavedRequestAwareAuthenticationSuccessHandler();
    toPageAsked.setDefaultTargetUrl(SsoPages.TASKLIST);
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException, ServletException {
    Map<String, Object> claims = ((OidcUser) authentication.getPrincipal()).getClaims();
    SsoIdentity identity = identities.of(claims);
    if (identity.refused()) {
      LOG.warn("Sign-in through the provider refused for '{}' (groups {}): {}", LogText.printable(identity.userId()),
          LogText.printable(identity.providerGroups().toString()), LogText.printable(identity.refusal()));
      SsoPages.refused(request, response, identity.userId(), identity.refusal());
      return;
    }
    mirror.mirror(identity, claims);
    UserAuthentication camunda = AuthenticationUtil.createAuthentication(engine.get(), identity.userId());
    HttpSession session = request.getSession();
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    authentications.addOrReplace(camunda);
    // set again, so that the session store (JDBC, shared by the nodes) writes the change
    AuthenticationUtil.updateSession(session, authentications);
    toPageAsked.onAuthenticationSuccess(request, response, authentication);
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException {
    String reason = exception instanceof OAuth2AuthenticationException oauth2
        && oauth2.getError().getDescription() != null
            ? oauth2.getError().getDescription()
            : exception.getMessage();
    LOG.warn("Sign-in through the provider failed: {}", LogText.printable(reason));
    SsoPages.failed(request, response, reason);
  }
}
