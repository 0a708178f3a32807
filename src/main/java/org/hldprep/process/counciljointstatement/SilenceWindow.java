package org.hldprep.process.counciljointstatement;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;
import org.camunda.bpm.engine.BadUserRequestException;

/** The silence window: a positive ISO 8601 duration, as the engine's timers read it (e.g. PT72H, P5D). */
final class SilenceWindow {

  private SilenceWindow() {}

  /** The window in canonical form, or a 400 naming the bad value. */
  static String check(Object value) {
    String text = value == null ? "" : value.toString().trim().toUpperCase(java.util.Locale.ROOT);
    Duration duration;
    try {
      duration = DatatypeFactory.newInstance().newDuration(text);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw invalid(value);
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
    if (duration.getSign() <= 0) {
      throw invalid(value);
    }
    return text;
  }

  private static BadUserRequestException invalid(Object value) {
    return new BadUserRequestException(CouncilJointStatementProcess.SILENCE_WINDOW
        + " must be a positive ISO 8601 duration such as PT72H or P5D, got '" + value + "'");
  }
}
