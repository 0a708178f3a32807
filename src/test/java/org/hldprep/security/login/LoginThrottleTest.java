package org.hldprep.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limit(5, Duration.ofMinutes(10)),
      new LoginThrottle.Limit(3, Duration.ofMinutes(10)), Duration.ofDays(30));

  @Test
  void aWrongPasswordThenTheRightOneIsNotThrottled() {
    throttle.failed("10.0.0.1", "phl-officer", "test");
    assertThat(throttle.waitBeforeTrying("10.0.0.1", "phl-officer")).isNull();
  }

  @Test
  void anAddressThatKeepsFailingWaits() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("10.0.0.2", "user-" + i, "test");
    }
    Duration wait = throttle.waitBeforeTrying("10.0.0.2", "someone-else");
    assertThat(wait).isNotNull().isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));
    assertThat(LoginThrottle.retryAfterSeconds(wait)).isPositive();
    assertThat(throttle.waitBeforeTrying("10.0.0.3", "someone-else")).as("other addresses are not slowed").isNull();
  }

  @Test
  void anAccountGuessedFromManyAddressesWaitsButNotForItsOwnersKnownAddress() {
    throttle.succeeded("10.0.0.9", "ken-officer");
    for (int i = 0; i < 3; i++) {
      throttle.failed("10.0.1." + i, "ken-officer", "test");
    }
    assertThat(throttle.waitBeforeTrying("10.0.1.200", "ken-officer")).as("a new address").isNotNull();
    assertThat(throttle.waitBeforeTrying("10.0.0.9", "KEN-officer")).as("the owner's address").isNull();
  }

  @Test
  void userNamesAreLoggedSafely() {
    assertThat(LoginThrottle.printable("evil\nINFO forged")).isEqualTo("evil?INFO forged");
    assertThat(LoginThrottle.printable("x".repeat(100))).hasSize(67);
  }
}
