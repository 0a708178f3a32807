package org.hldprep.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, which tests move with {@code ClockUtil}: what the board counts as "now" is the now of
 * the timers and due dates it reports on.
 */
public final class EngineClock {

  private EngineClock() {
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Today in a zone (a cycle's, where its dates are days). */
  public static LocalDate today(ZoneId zone) {
    return LocalDate.ofInstant(now(), zone);
  }
}
