package org.hldprep.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.hldprep.platform.input.InputParser;
import org.hldprep.process.ProcessConventionsPlugin;

/**
 * What a calendar date means for a timer or a Tasklist due date, in the cycle's time zone:
 * <ul>
 *   <li>a deadline runs to the end of its day, 23:59:59 there ({@code ${endOfDay(nationalSummaryDeadline, timeZone)}});</li>
 *   <li>a day that is awaited (a meeting, a session, the start of a step) begins at 00:00 there
 *       ({@code ${startOfDay(rcpMeetingDate, timeZone)}}).</li>
 * </ul>
 * Registered as the expression functions {@code endOfDay} and {@code startOfDay} by
 * {@link ProcessConventionsPlugin}, so that a timer and the due date of the task it guards are the same
 * instant, and a deadline in Geneva does not fire at midnight UTC. A java.util.Date is taken as the
 * moment it is; an ISO date-time text counts by its date.
 */
public final class Deadlines {

  public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private Deadlines() {
  }

  /** The end of the day {@code date} in {@code zone} (an IANA id; the default zone when empty). */
  public static Date endOfDay(Object date, Object zone) {
    return at(date, zone, END_OF_DAY);
  }

  /** The start of the day {@code date} in {@code zone}. */
  public static Date startOfDay(Object date, Object zone) {
    return at(date, zone, LocalTime.MIDNIGHT);
  }

  /** The end of a day in a zone, for code that computes what the models compute. */
  public static Date endOfDay(LocalDate date, ZoneId zone) {
    return Date.from(date.atTime(END_OF_DAY).atZone(zone).toInstant());
  }

  public static Date startOfDay(LocalDate date, ZoneId zone) {
    return Date.from(date.atStartOfDay(zone).toInstant());
  }

  /** The zone of a variable value: an IANA id, or the default when none is given. */
  public static ZoneId zone(Object zone) {
    return InputParser.blank(zone)
        ? ZoneId.of(CycleCalendar.DEFAULT_TIME_ZONE)
        : InputParser.timeZone(CycleCalendar.TIME_ZONE, zone);
  }

  private static Date at(Object date, Object zone, LocalTime time) {
    if (date instanceof Date given) {
      return given;
    }
    if (InputParser.blank(date)) {
      throw new IllegalArgumentException("A timer or due date names a calendar date that is not set");
    }
    ZoneId zoneId = zone(zone);
    // a date-time a client gave counts by its date, as every date of the calendar does
    LocalDate day = InputParser.date("date", date, zoneId);
    return Date.from(day.atTime(time).atZone(zoneId).toInstant());
  }
}
