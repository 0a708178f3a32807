package org.hldprep.security;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.hldprep.engine.CredentialsCache;
import org.hldprep.security.login.LoginThrottle;
import org.hldprep.security.login.LoginThrottledException;
import org.hldprep.security.sso.PasswordLoginOffException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic credentials checked against the Camunda identity service (the engine's user and group
 * tables), under the {@link LoginThrottle}. The granted authorities are the
 * user's Camunda group ids, one to one. A success is kept for a few seconds in the
 * {@link CredentialsCache}; failures never are.
 */
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  /** Looked up on first use: the engine must not be built while the servlet container starts. */
  private final Supplier<IdentityService> identityService;
  private final LoginThrottle throttle;
  private final CredentialsCache recentLogins;
  /** Who may log in with a password at all (under single sign-on: the local administrators). */
  private final Predicate<String> passwordAllowed;

  public CamundaIdentityAuthenticationProvider(Supplier<IdentityService> identityService, LoginThrottle throttle,
      CredentialsCache recentLogins, Predicate<String> passwordAllowed) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.recentLogins = recentLogins;
    this.passwordAllowed = passwordAllowed;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    String address = authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : "unknown";
    Duration wait = throttle.waitBeforeTrying(address, userId);
    if (wait != null) {
      throttle.throttled(address, userId, "HTTP Basic", wait);
      throw new LoginThrottledException(wait);
    }
    if (userId == null || userId.isBlank() || credentials == null) {
      throw failed(address, userId);
    }
    if (!passwordAllowed.test(userId)) {
      throw new PasswordLoginOffException();
    }
    String password = credentials.toString();
    CredentialsCache.Login login = recentLogins.get(userId, password);
    if (login == null) {
      if (!identityService.get().checkPassword(userId, password)) {
        throw failed(address, userId);
      }
      login = new CredentialsCache.Login(userId, identityService.get().createGroupQuery().groupMember(userId).list()
          .stream().map(Group::getId).toList());
      recentLogins.put(userId, password, login);
    }
    throttle.succeeded(address, userId);
    return UsernamePasswordAuthenticationToken.authenticated(userId, null,
        login.groups().stream().map(SimpleGrantedAuthority::new).toList());
  }

  /** 401, or 429 once the address has spent its budget of failures. */
  private AuthenticationException failed(String address, String userId) {
    Duration wait = throttle.failed(address, userId, "HTTP Basic");
    return wait == null
        ? new BadCredentialsException("Wrong user name or password")
        : new LoginThrottledException(wait);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
