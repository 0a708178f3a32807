package org.hldprep.security;

import java.util.List;
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
 * tables). The granted authorities are the user's Camunda group ids, one to one.
 */
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  /** Looked up on first use: the engine must not be built while the servlet container starts. */
  private final Supplier<IdentityService> identityService;

  public CamundaIdentityAuthenticationProvider(Supplier<IdentityService> identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    // checkPassword also counts failed attempts and locks the user after loginMaxAttempts.
    if (userId == null || credentials == null || !identityService.get().checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("Wrong user name or password");
    }
    List<SimpleGrantedAuthority> groups = identityService.get().createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
