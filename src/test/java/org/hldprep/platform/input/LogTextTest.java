package org.hldprep.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

  @Test
  void noClientTextBreaksALogLine() {
    for (String breaker : new String[]{"\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\u000b", "\f"}) {
      assertThat(LogText.printable("evil" + breaker + "INFO forged")).as("%x", (int) breaker.charAt(0))
          .doesNotContain(breaker).startsWith("evil?").endsWith("INFO forged");
    }
    assertThat(LogText.printable("evil\u001b[31mred")).as("no terminal escapes").isEqualTo("evil?[31mred");
  }

  @Test
  void ordinaryTextStaysAndLongTextIsCut() {
    assertThat(LogText.printable("phl-officer")).isEqualTo("phl-officer");
    assertThat(LogText.printable("Zoë Müller")).isEqualTo("Zoë Müller");
    assertThat(LogText.printable(null)).isEmpty();
    assertThat(LogText.printable("x".repeat(1000))).hasSize(LogText.MAX_LENGTH + 3);
  }
}
