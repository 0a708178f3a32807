package org.hldprep.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The webapps' login form under the throttle, with mock requests: only the login POST is watched, a 401
 * counts as a failure, a 200 makes the address known to the account, and once over the limit the next try
 * gets 429 with Retry-After without reaching Camunda; an address that strangers have spent still gets
 * its right passwords in.
 */
class WebappLoginThrottleFilterTest {

  private static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

  private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limit(5, Duration.ofMinutes(10)),
      new LoginThrottle.Limit(2, Duration.ofMinutes(10)), Duration.ofDays(30));
  private final WebappLoginThrottleFilter filter = new WebappLoginThrottleFilter(throttle);

  private static MockHttpServletRequest request(String method, String path, String user, String address) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setServletPath(path);
    request.setParameter("username", user);
    request.setRemoteAddr(address);
    return request;
  }

  /** Runs the filter; Camunda behind it answers {@code camundaStatus}. Returns the response and whether Camunda was asked. */
  private record Outcome(MockHttpServletResponse response, boolean reachedCamunda) {
  }

  private Outcome login(String path, String method, String user, String address, int camundaStatus) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain() {
      @Override
      public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res)
          throws java.io.IOException, jakarta.servlet.ServletException {
        // As Jersey answers an error without a body: sendError, which commits the response.
        if (camundaStatus >= 400) {
          ((HttpServletResponse) res).sendError(camundaStatus);
        } else {
          ((HttpServletResponse) res).setStatus(camundaStatus);
        }
        super.doFilter(req, res);
      }
    };
    filter.doFilter(request(method, path, user, address), response, chain);
    return new Outcome(response, chain.getRequest() != null);
  }

  @Test
  void wrongPasswordsOnTheLoginFormAreThrottledWith429AndRetryAfter() throws Exception {
    assertThat(login(LOGIN, "POST", "phl-officer", "10.0.0.1", 401).reachedCamunda()).isTrue();
    assertThat(login(LOGIN + "/", "POST", "phl-officer", "10.0.0.2", 401).reachedCamunda()).isTrue();
    Outcome refused = login(LOGIN, "POST", "phl-officer", "10.0.0.3", 200);
    assertThat(refused.reachedCamunda()).as("the third try of the account is not asked").isFalse();
    assertThat(refused.response().getStatus()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.response().getHeader("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 600L);
    assertThat(refused.response().getContentAsString()).contains("TooManyRequests")
        .contains("Too many failed logins: try again in " + retryAfter + " s.");
    assertThat(login(LOGIN, "POST", "kenya-officer", "10.0.0.3", 200).reachedCamunda())
        .as("another account from another address").isTrue();
  }

  @Test
  void onlyALoginPostIsWatched_andOnlyA401CountsAsAFailure() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(login(LOGIN, "GET", "phl-officer", "10.0.1.1", 401).reachedCamunda()).isTrue();
      assertThat(login("/camunda/api/admin/auth/user/default", "POST", "phl-officer", "10.0.1.1", 401).reachedCamunda())
          .isTrue();
      assertThat(login(LOGIN + "/extra", "POST", "phl-officer", "10.0.1.1", 401).reachedCamunda()).isTrue();
      assertThat(login(LOGIN, "POST", "phl-officer", "10.0.1.1", 403).reachedCamunda())
          .as("403 (no CSRF token) is not a wrong password").isTrue();
    }
    assertThat(throttle.waitBeforeTrying("10.0.1.1", "phl-officer")).isNull();
  }

  @Test
  void aSuccessfulLoginMakesTheAddressKnownToTheAccount() throws Exception {
    assertThat(login(LOGIN, "POST", "bangkok-ro", "10.0.2.1", 200).reachedCamunda()).isTrue();
    login(LOGIN, "POST", "bangkok-ro", "10.0.2.9", 401);
    login(LOGIN, "POST", "bangkok-ro", "10.0.2.8", 401);
    assertThat(throttle.waitBeforeTrying("10.0.2.7", "bangkok-ro")).as("the account is throttled elsewhere")
        .isNotNull();
    assertThat(login(LOGIN, "POST", "bangkok-ro", "10.0.2.1", 200).reachedCamunda())
        .as("but not from the address it logged in from").isTrue();
  }

  @Test
  void strangersFailingFromTheSameAddressDoNotKeepARightPasswordOut() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(login(LOGIN, "POST", "nobody-" + i, "10.0.3.1", 401).response().getStatus()).isEqualTo(401);
    }
    Outcome coordinator = login(LOGIN, "POST", "hld-coordinator", "10.0.3.1", 200);
    assertThat(coordinator.reachedCamunda()).isTrue();
    assertThat(coordinator.response().getStatus()).isEqualTo(200);

    Outcome guess = login(LOGIN, "POST", "phl-officer", "10.0.3.1", 401);
    assertThat(guess.reachedCamunda()).as("the password is checked").isTrue();
    assertThat(guess.response().getStatus()).as("but a wrong one is answered 429").isEqualTo(429);
    long retryAfter = Long.parseLong(guess.response().getHeader("Retry-After"));
    assertThat(guess.response().getContentAsString())
        .isEqualTo("{\"type\":\"TooManyRequests\",\"message\":\"Too many failed logins: try again in " + retryAfter
            + " s.\"}");
    login(LOGIN, "POST", "phl-officer", "10.0.3.1", 401);
    assertThat(throttle.waitBeforeTrying("10.0.3.9", "phl-officer")).as("and drains the account's budget").isNotNull();
  }
}
