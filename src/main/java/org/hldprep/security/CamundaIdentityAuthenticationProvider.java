package org.hldprep.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * HTTP Basic credentials checked against the Camunda identity service (the engine's user and group
 * tables). The granted authorities are the user's Camunda group ids, one to one. A success is kept for
 * a few seconds in the {@link CredentialsCache}; failures never are.
 */
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  /** Looked up on first use: the engine must not be built while the servlet container starts. */
  private final Supplier<IdentityService> identityService;
  private final CredentialsCache recentLogins;

  public CamundaIdentityAuthenticationProvider(Supplier<IdentityService> identityService, CredentialsCache recentLogins) {
    this.identityService = identityService;
    this.recentLogins = recentLogins;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || credentials == null) {
      throw new BadCredentialsException("Wrong user name or password");
    }
    String password = credentials.toString();
    CredentialsCache.Login login = recentLogins.get(userId, password);
    if (login == null) {
      // checkPassword also counts failed attempts and locks the user after loginMaxAttempts.
      if (!identityService.get().checkPassword(userId, password)) {
        throw new BadCredentialsException("Wrong user name or password");
      }
      login = new CredentialsCache.Login(userId, identityService.get().createGroupQuery().groupMember(userId).list()
          .stream().map(Group::getId).toList());
      recentLogins.put(userId, password, login);
    }
    return UsernamePasswordAuthenticationToken.authenticated(userId, null,
        login.groups().stream().map(SimpleGrantedAuthority::new).toList());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
