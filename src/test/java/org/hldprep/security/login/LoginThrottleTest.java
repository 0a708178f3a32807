package org.hldprep.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limit(5, Duration.ofMinutes(10)),
      new LoginThrottle.Limit(3, Duration.ofMinutes(10)), Duration.ofDays(30));

  @Test
  void aWrongPasswordThenTheRightOneIsNotThrottled() {
    assertThat(throttle.failed("10.0.0.1", "phl-officer", "test")).as("answered as a wrong password").isNull();
    assertThat(throttle.waitBeforeTrying("10.0.0.1", "phl-officer")).isNull();
  }

  @Test
  void anAddressThatHasSpentItsBudgetStillHasRightPasswordsCheckedButWrongOnesWait() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.failed("10.0.0.2", "user-" + i, "test")).isNull();
    }
    assertThat(throttle.waitBeforeTrying("10.0.0.2", "hld-coordinator"))
        .as("strangers' failures do not keep the coordinator's password from being checked").isNull();
    Duration wait = throttle.failed("10.0.0.2", "someone-else", "test");
    assertThat(wait).as("a wrong one is answered 429").isNotNull().isPositive()
        .isLessThanOrEqualTo(Duration.ofMinutes(10));
    assertThat(LoginThrottle.retryAfterSeconds(wait)).isPositive();
    assertThat(throttle.failed("10.0.0.3", "someone-else", "test")).as("other addresses are not slowed").isNull();
  }

  @Test
  void guessingFromASpentAddressDrainsTheAccountEvenWhereTheAccountLoggedInBefore() {
    throttle.succeeded("10.0.0.4", "bangkok-ro");
    for (int i = 0; i < 5; i++) {
      throttle.failed("10.0.0.4", "user-" + i, "test");
    }
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.waitBeforeTrying("10.0.0.4", "bangkok-ro")).as("guess %d is checked", i).isNull();
      assertThat(throttle.failed("10.0.0.4", "bangkok-ro", "test")).as("and answered 429").isNotNull();
    }
    assertThat(throttle.waitBeforeTrying("10.0.0.4", "bangkok-ro")).as("the account's budget is spent").isNotNull();
    assertThat(throttle.waitBeforeTrying("10.0.0.5", "bangkok-ro")).isNotNull();
  }

  @Test
  void anAccountGuessedFromManyAddressesWaitsButNotForItsOwnersKnownAddress() {
    throttle.succeeded("10.0.0.9", "ken-officer");
    for (int i = 0; i < 3; i++) {
      throttle.failed("10.0.1." + i, "ken-officer", "test");
    }
    assertThat(throttle.waitBeforeTrying("10.0.1.200", "ken-officer")).as("a new address").isNotNull();
    assertThat(throttle.waitBeforeTrying("10.0.0.9", "KEN-officer")).as("the owner's address").isNull();
    assertThat(throttle.failed("10.0.0.9", "ken-officer", "test")).as("the owner's typo").isNull();
  }
}
