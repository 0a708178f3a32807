package org.hldprep.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.hldprep.security.guard.EngineApiCall;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Camunda's password check under the throttle, with mock requests: Camunda (the chain) reads the replayed
 * body and answers 200 with {@code authenticated} true only for the password "right".
 */
class VerifyPasswordThrottleFilterTest {

  private static final String VERIFY = "/engine-rest/identity/verify";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limit(5, Duration.ofMinutes(10)),
      new LoginThrottle.Limit(2, Duration.ofMinutes(10)), Duration.ofDays(30));
  private final VerifyPasswordThrottleFilter filter = new VerifyPasswordThrottleFilter(throttle);

  private record Outcome(MockHttpServletResponse response, boolean reachedCamunda) {
  }

  private Outcome verify(String method, String path, String body, String address) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setServletPath(path);
    request.setRemoteAddr(address);
    request.setContentType("application/json");
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain camunda = new MockFilterChain() {
      @Override
      public void doFilter(ServletRequest req, ServletResponse res)
          throws IOException, jakarta.servlet.ServletException {
        JsonNode sent = JSON.readTree(req.getInputStream());
        res.setContentType("application/json");
        res.getOutputStream().write(JSON.writeValueAsBytes(Map.of("authenticatedUser", sent.path("username").asText(),
            "authenticated", "right".equals(sent.path("password").asText()))));
        super.doFilter(req, res);
      }
    };
    filter.doFilter(request, response, camunda);
    return new Outcome(response, camunda.getRequest() != null);
  }

  private Outcome verify(String user, String password, String address) throws Exception {
    return verify("POST", VERIFY, JSON.writeValueAsString(Map.of("username", user, "password", password)), address);
  }

  @Test
  void wrongGuessesOfAnAccountAreThrottledWith429AndRetryAfter() throws Exception {
    Outcome wrong = verify("phl-officer", "guess", "10.0.0.1");
    assertThat(wrong.response().getStatus()).isEqualTo(200);
    assertThat(wrong.response().getContentAsString()).as("Camunda's answer, replayed body and all")
        .contains("\"authenticatedUser\":\"phl-officer\"").contains("\"authenticated\":false");
    verify("phl-officer", "guess", "10.0.0.2");

    Outcome refused = verify("phl-officer", "right", "10.0.0.3");
    assertThat(refused.reachedCamunda()).as("the account's budget is spent").isFalse();
    assertThat(refused.response().getStatus()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.response().getHeader("Retry-After"));
    assertThat(refused.response().getContentAsString()).isEqualTo(
        "{\"type\":\"TooManyRequests\",\"message\":\"Too many failed logins: try again in " + retryAfter + " s.\"}");
  }

  @Test
  void aSpentAddressStillHasRightPasswordsCheckedAndItsWrongOnesAnswered429() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(verify("nobody-" + i, "guess", "10.0.1.1").response().getStatus()).isEqualTo(200);
    }
    Outcome right = verify("bangkok-ro", "right", "10.0.1.1");
    assertThat(right.response().getStatus()).isEqualTo(200);
    assertThat(right.response().getContentAsString()).contains("\"authenticated\":true");
    Outcome wrong = verify("bangkok-ro", "guess", "10.0.1.1");
    assertThat(wrong.response().getStatus()).isEqualTo(429);
    assertThat(wrong.response().getContentAsString()).contains("Too many failed logins")
        .doesNotContain("authenticated");
  }

  @Test
  void theWebappsCopyIsWatchedToo_otherRequestsAreNot() throws Exception {
    String webapp = "/camunda/api/engine/engine/default/identity/verify";
    String body = JSON.writeValueAsString(Map.of("username", "ken-officer", "password", "guess"));
    verify("POST", webapp, body, "10.0.2.1");
    verify("POST", "/engine-rest/engine/default/identity/verify", body, "10.0.2.2");
    assertThat(verify("POST", webapp, body, "10.0.2.3").response().getStatus()).isEqualTo(429);
    for (String[] other : new String[][]{{"GET", VERIFY}, {"POST", "/engine-rest/identity/verify/more"},
        {"POST", "/engine-rest/identity/groups"}}) {
      assertThat(verify(other[0], other[1], body, "10.0.2.4").reachedCamunda()).as(other[1]).isTrue();
    }
  }

  @Test
  void aBodyTooLargeIsRefusedBeforeCamunda() throws Exception {
    Outcome huge = verify("POST", VERIFY, "{\"username\":\"" + "x".repeat(EngineApiCall.MAX_BODY_BYTES) + "\"}",
        "10.0.3.1");
    assertThat(huge.reachedCamunda()).isFalse();
    assertThat(huge.response().getStatus()).isEqualTo(413);
    assertThat(huge.response().getContentAsString()).contains("The request body may not exceed");
  }
}
