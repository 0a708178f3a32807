package org.hldprep.security.login;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.hldprep.platform.api.JsonErrors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A password that Camunda checks itself (the webapps' login form, {@code /identity/verify}), under the same
 * {@link LoginThrottle} as HTTP Basic: refused with 429 and Retry-After before Camunda asks the identity
 * service when the account's budget is spent; Camunda's answer, held back until read, tells the throttle
 * a right password from a wrong one, and a wrong one from an address whose budget is spent is answered
 * 429 rather than as Camunda would.
 */
abstract class PasswordCheckThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;

  PasswordCheckThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  /** The request to pass on to Camunda (its body replayable if read) and the user name it sends. */
  record Attempt(HttpServletRequest request, String user) {
  }

  /** Null when the request was answered here (e.g. a body too large); otherwise the attempt. */
  abstract Attempt attempt(HttpServletRequest request, HttpServletResponse response) throws IOException;

  /** How the attempt is named in the log. */
  abstract String channel(HttpServletRequest request);

  /** TRUE for a right password, FALSE for a wrong one, null for an answer about something else. */
  abstract Boolean passwordRight(HeldResponse camundaAnswer);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Attempt attempt = attempt(request, response);
    if (attempt == null) {
      return;
    }
    String address = request.getRemoteAddr();
    Duration wait = throttle.waitBeforeTrying(address, attempt.user());
    if (wait != null) {
      throttle.throttled(address, attempt.user(), channel(request), wait);
      tooMany(response, wait);
      return;
    }
    HeldResponse held = new HeldResponse(response);
    chain.doFilter(attempt.request(), held);
    Boolean right = passwordRight(held);
    if (Boolean.FALSE.equals(right)) {
      Duration spent = throttle.failed(address, attempt.user(), channel(request));
      if (spent != null) {
        tooMany(response, spent);
        return;
      }
    } else if (Boolean.TRUE.equals(right)) {
      throttle.succeeded(address, attempt.user());
    }
    held.release();
  }

  private static void tooMany(HttpServletResponse response, Duration wait) throws IOException {
    long seconds = LoginThrottle.retryAfterSeconds(wait);
    response.setHeader("Retry-After", String.valueOf(seconds));
    JsonErrors.write(response, 429, "TooManyRequests", "Too many failed logins: try again in " + seconds + " s.");
  }
}
