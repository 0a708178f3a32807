package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.hldprep.assignment.IdentityBootstrap;
import org.hldprep.config.BreakGlassAdministrator;
import org.hldprep.support.FromAddress;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Login throttling that a stranger cannot turn against staff. Each test calls from its own loopback
 * addresses (127.0.0.x), so draining an address's budget here does not slow the other tests down.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleIT extends PostgresIntegrationTest {

  private static final AtomicInteger USERS = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired IdentityBootstrap identityBootstrap;

  private String newUser() {
    String id = "throttle-" + USERS.incrementAndGet() + "-" + System.currentTimeMillis() % 100000;
    User user = identityService.newUser(id);
    user.setPassword("the-right-password");
    identityService.saveUser(user);
    identityService.createMembership(id, "co-mex");
    return id;
  }

  private FromAddress.Answer me(String address, String user, String password) {
    return FromAddress.get(address, port, "/api/me", user, password);
  }

  @Test
  void aWrongPasswordFollowedByTheRightOneWorksAndTheFailureIsLoggedWithoutThePassword(CapturedOutput output) {
    String user = newUser();
    assertThat(me("127.0.0.21", user, "a-typo-password").status()).isEqualTo(401);
    assertThat(me("127.0.0.21", user, "the-right-password").status()).isEqualTo(200);
    assertThat(output.getAll()).contains("Failed login for user '" + user + "' from 127.0.0.21")
        .doesNotContain("a-typo-password");
  }

  @Test
  void anAddressThatKeepsGuessingGets429WithRetryAfterWhileStaffElsewhereLogIn() {
    String user = newUser();
    for (int i = 0; i < 20; i++) {
      assertThat(me("127.0.0.22", "nobody-" + i, "guess").status()).isEqualTo(401);
    }
    FromAddress.Answer throttled = me("127.0.0.22", user, "the-right-password");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(Long.parseLong(throttled.headers().get("retry-after"))).isPositive();
    assertThat(throttled.body()).contains("Too many failed logins");
    assertThat(me("127.0.0.23", user, "the-right-password").status()).as("another address").isEqualTo(200);
  }

  @Test
  void guessingAnAccountFromManyAddressesNeitherLocksItForGoodNorKeepsItsOwnerOut() {
    String user = newUser();
    assertThat(me("127.0.0.31", user, "the-right-password").status()).as("the owner's usual address").isEqualTo(200);
    // Twelve wrong passwords: Camunda's own lockout would have locked the account for good after ten.
    for (int i = 0; i < 12; i++) {
      int status = me("127.0.0." + (32 + i % 3), user, "guess-" + i).status();
      assertThat(status).isIn(401, 429);
    }
    assertThat(me("127.0.0.35", user, "the-right-password").status()).as("a new address waits").isEqualTo(429);
    assertThat(me("127.0.0.31", user, "the-right-password").status()).as("the owner gets in").isEqualTo(200);
  }

  @Test
  void theWebappLoginIsThrottledTheSameWay() {
    String address = "127.0.0.41";
    FromAddress.Answer opened = FromAddress.open(address, port, "/camunda/app/tasklist/default/");
    String cookies = opened.headers().getOrDefault("set-cookie", "");
    String session = cookies.lines().filter(c -> c.startsWith(WebappSession.SESSION_COOKIE + "=")).map(c -> c.split(";")[0]).findFirst().orElse("");
    String token = cookies.lines().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.split(";")[0].substring(11))
        .findFirst().orElse("");
    String cookie = session + "; XSRF-TOKEN=" + token;
    String login = "/camunda/api/admin/auth/user/default/login/tasklist";
    for (int i = 0; i < 20; i++) {
      assertThat(FromAddress.postForm(address, port, login, "username=nobody-" + i + "&password=guess", cookie, token).status())
          .isEqualTo(401);
    }
    FromAddress.Answer throttled = FromAddress.postForm(address, port, login, "username=phl-officer&password=demo",
        cookie, token);
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.headers()).containsKey("retry-after");
  }

  @Test
  void aBreakGlassAdministratorFromTheEnvironmentGetsInAndIsResetAtEachStart() {
    String user = "breakglass-" + USERS.incrementAndGet() + "-" + System.currentTimeMillis() % 100000;
    new BreakGlassAdministrator(identityService, identityBootstrap, user, "first-long-password").afterPropertiesSet();
    assertThat(Http.as(port, user, "first-long-password").get("/engine-rest/metrics/activity-instance-start/sum")
        .status()).as("an administrator").isEqualTo(200);
    new BreakGlassAdministrator(identityService, identityBootstrap, user, "second-long-password").afterPropertiesSet();
    assertThat(Http.as(port, user, "second-long-password").get("/api/me").status()).isEqualTo(200);
    assertThat(identityService.checkPassword(user, "first-long-password")).isFalse();
  }
}
