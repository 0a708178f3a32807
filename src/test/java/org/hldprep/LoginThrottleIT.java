package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.hldprep.platform.settings.HldPrepProperties;
import org.hldprep.security.AdministratorAccounts;
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

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  AdministratorAccounts administrators;

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
  void strangersFailingFromTheSameAddressDoNotKeepARightPasswordOutButGuessingThereIsAnswered429() {
    String user = newUser();
    // Behind a proxy every client has its address: twenty strangers' failures spend its budget.
    for (int i = 0; i < 20; i++) {
      assertThat(me("127.0.0.22", "nobody-" + i, "guess").status()).isEqualTo(401);
    }
    assertThat(me("127.0.0.22", "hld-coordinator", "demo").status()).as("the coordinator gets in").isEqualTo(200);
    assertThat(me("127.0.0.22", user, "the-right-password").status()).as("and so does a new account").isEqualTo(200);

    FromAddress.Answer guess = me("127.0.0.22", user, "guess-0");
    assertThat(guess.status()).isEqualTo(429);
    long retryAfter = Long.parseLong(guess.headers().get("retry-after"));
    assertThat(retryAfter).isBetween(1L, 600L);
    assertThat(guess.body()).contains("\"detail\":\"Too many failed logins: try again in " + retryAfter + " s.\"");
    // Each guess there still counts against the account, although it logged in from that address.
    for (int i = 1; i < 10; i++) {
      assertThat(me("127.0.0.22", user, "guess-" + i).status()).isEqualTo(429);
    }
    assertThat(me("127.0.0.23", user, "the-right-password").status()).as("the account's budget is spent")
        .isEqualTo(429);
    assertThat(me("127.0.0.22", user, "the-right-password").status()).as("from the guessing address too")
        .isEqualTo(429);
    assertThat(me("127.0.0.22", "hld-coordinator", "demo").status()).as("other accounts are untouched")
        .isEqualTo(200);
  }

  @Test
  void identityVerifyIsThrottledAndLoggedLikeALogin(CapturedOutput output) {
    // Camunda lets a user check the passwords of the accounts it may read: its own (a stolen session)
    // or, for an administrator, everyone's.
    String target = newUser();
    String verify = "{\"username\":\"" + target + "\",\"password\":\"%s\"}";
    for (int i = 0; i < 10; i++) {
      FromAddress.Answer guess = FromAddress.postJson("127.0.0.51", port, "/engine-rest/identity/verify",
          "admin", "demo", verify.formatted("guess-" + i));
      assertThat(guess.status()).as(guess.body()).isEqualTo(200);
      assertThat(guess.body()).contains("\"authenticated\":false");
    }
    assertThat(output.getAll()).contains("Failed login for user '" + target
        + "' from 127.0.0.51 (identity/verify by admin)").doesNotContain("guess-3");

    FromAddress.Answer refused = FromAddress.postJson("127.0.0.52", port, "/engine-rest/identity/verify",
        "admin", "demo", verify.formatted("the-right-password"));
    assertThat(refused.status()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.headers().get("retry-after"));
    assertThat(refused.body()).contains("\"type\":\"TooManyRequests\"")
        .contains("\"message\":\"Too many failed logins: try again in " + retryAfter + " s.\"");
    assertThat(output.getAll()).contains("Login for user '" + target + "' from 127.0.0.52 throttled");
    // The same buckets as a login: the account is throttled there, and in the webapps' copy of the check.
    assertThat(me("127.0.0.53", target, "the-right-password").status()).isEqualTo(429);
    WebappSession webapp = new WebappSession(port);
    assertThat(webapp.login("admin", "demo").status()).isEqualTo(200);
    Http.Response viaWebapp = webapp.post("/camunda/api/engine/engine/default/identity/verify",
        verify.formatted("the-right-password"));
    assertThat(viaWebapp.status()).as(viaWebapp.body()).isEqualTo(429);
    assertThat(viaWebapp.json().get("message").asText()).startsWith("Too many failed logins: try again in ");
    // Nothing changed on the account: its password is the one it had.
    assertThat(identityService.checkPassword(target, "the-right-password")).isTrue();
  }

  @Test
  void aUserNameCannotForgeALogLine(CapturedOutput output) {
    String forged = "nobody\nWARN forged\u2028INFO forged\u0085ERROR forged";
    assertThat(me("127.0.0.61", forged, "guess").status()).isEqualTo(401);
    String log = output.getAll();
    assertThat(log).contains("Failed login for user 'nobody?WARN forged?INFO forged?ERROR forged' from 127.0.0.61")
        .doesNotContain("\nWARN forged").doesNotContain("\u2028").doesNotContain("\u0085");
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
    // The apps' first read of the webapps' API opens the session and hands out the CSRF token (pages do not).
    FromAddress.Answer opened = FromAddress.open(address, port, "/camunda/api/admin/auth/user/default");
    String cookies = opened.headers().getOrDefault("set-cookie", "");
    String session = cookies.lines().filter(c -> c.startsWith(WebappSession.SESSION_COOKIE + "="))
        .map(c -> c.split(";")[0]).findFirst().orElse("");
    String token = cookies.lines().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.split(";")[0].substring(11))
        .findFirst().orElse("");
    String cookie = session + "; XSRF-TOKEN=" + token;
    String login = "/camunda/api/admin/auth/user/default/login/tasklist";
    for (int i = 0; i < 20; i++) {
      assertThat(FromAddress.postForm(address, port, login, "username=nobody-" + i + "&password=guess", cookie, token)
          .status())
          .isEqualTo(401);
    }
    FromAddress.Answer guess = FromAddress.postForm(address, port, login, "username=phl-officer&password=guess",
        cookie, token);
    assertThat(guess.status()).isEqualTo(429);
    assertThat(guess.body()).contains("Too many failed logins: try again in " + guess.headers().get("retry-after")
        + " s.");
    assertThat(FromAddress.postForm(address, port, login, "username=phl-officer&password=demo", cookie, token)
        .status()).as("a right password still gets in").isEqualTo(200);
  }

  @Test
  void aBreakGlassAdministratorFromTheEnvironmentGetsInAndIsResetAtEachStart() {
    String user = "breakglass-" + USERS.incrementAndGet() + "-" + System.currentTimeMillis() % 100000;
    administrators.breakGlass(new HldPrepProperties.Account(user, "first-long-password"));
    assertThat(Http.as(port, user, "first-long-password").get("/engine-rest/metrics/activity-instance-start/sum")
        .status()).as("an administrator").isEqualTo(200);
    administrators.breakGlass(new HldPrepProperties.Account(user, "second-long-password"));
    assertThat(Http.as(port, user, "second-long-password").get("/api/me").status()).isEqualTo(200);
    assertThat(identityService.checkPassword(user, "first-long-password")).isFalse();
  }
}
