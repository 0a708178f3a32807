package org.hldprep.engine;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock: the time its timers, due dates and history use. Tests move it (Camunda's
 * {@code ClockUtil.setCurrentTime}); everything that stamps or compares a date in a workflow reads it
 * here, so that a moved clock moves the whole application.
 */
public final class EngineClock {

  private EngineClock() {
  }

  /** Now, as the engine sees it. */
  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
