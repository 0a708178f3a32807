package org.hldprep.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Sending a request again after a 409, as the Guarantees tell a client to: someone changed the same
 * task, instance or cycle at the same moment, or nothing in the cycle waits for that event yet (its
 * process has not got there). Only a 409 is sent again; any other answer than the expected one fails at
 * once with its body, so that a 500, which the Guarantees promise never happens, is never hidden by a retry.
 */
public final class Conflicts {

  private static final Duration PAUSE = Duration.ofMillis(300);

  private Conflicts() {
  }

  /**
   * Sends the request until its answer is not 409, at most for {@code patience}; that answer must have the
   * expected status. Returns it.
   */
  public static Http.Response sendUntilNot409(String what, int expected, Duration patience,
      Supplier<Http.Response> request) {
    Instant deadline = Instant.now().plus(patience);
    while (true) {
      Http.Response answer = request.get();
      if (answer.status() != 409) {
        assertThat(answer.status()).as(what + " (only 409 is sent again): " + answer.body()).isEqualTo(expected);
        return answer;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(what + ": still 409 after " + patience + ": " + answer.body());
      }
      try {
        Thread.sleep(PAUSE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(what + ": interrupted", e);
      }
    }
  }
}
