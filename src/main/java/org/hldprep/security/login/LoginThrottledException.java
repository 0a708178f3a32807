package org.hldprep.security.login;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused by {@link LoginThrottle}, the account's or the address's budget spent: answered with 429. */
public class LoginThrottledException extends AuthenticationException {

  private final transient Duration wait;

  public LoginThrottledException(Duration wait) {
    super("Too many failed logins: try again in " + LoginThrottle.retryAfterSeconds(wait) + " s.");
    this.wait = wait;
  }

  public long retryAfterSeconds() {
    return LoginThrottle.retryAfterSeconds(wait);
  }
}
