package org.hldprep.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.hldprep.calendar.CycleCalendar;

/**
 * Days as the server counts them: in the cycle's time zone (Geneva's, Europe/Zurich, for every cycle the
 * ITs start), not in the test JVM's. A date computed with {@code LocalDate.now()} is a day off between
 * midnight in Geneva and midnight in the JVM's zone (late evening UTC): timers of "today" not yet due,
 * days overdue or to the HLD off by one.
 */
public final class CycleDays {

  public static final ZoneId ZONE = ZoneId.of(CycleCalendar.DEFAULT_TIME_ZONE);
  private static final DateTimeFormatter ENGINE_REST = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private CycleDays() {
  }

  /** Today in the cycle's zone. */
  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  /** The start of this day in the cycle's zone, as the engine's REST API writes a date, e.g. 2030-03-31T00:00:00.000+0200. */
  public static String startOf(LocalDate day) {
    return day.atStartOfDay(ZONE).format(ENGINE_REST);
  }
}
