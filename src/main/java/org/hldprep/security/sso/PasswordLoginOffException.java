package org.hldprep.security.sso;

import org.springframework.security.authentication.BadCredentialsException;

/** A password login under single sign-on by an account that is not a local administrator: 401 saying so. */
public class PasswordLoginOffException extends BadCredentialsException {

  public PasswordLoginOffException() {
    super(SsoSecurity.PASSWORDS_OFF);
  }
}
