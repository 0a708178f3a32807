package org.hldprep.calendar;

import static org.hldprep.calendar.CycleCalendar.ROUNDTABLE_DATES;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hldprep.platform.input.InputParser;

/**
 * Dates already past: refused at a cycle's start, and refused as the target of a move, unless the cycle
 * replays a past year. A round table already held is accepted: it is recorded, not prepared.
 */
final class CycleCalendarPastDates {

  private CycleCalendarPastDates() {
  }

  /** See {@link CycleCalendar#checkNotPast}. */
  static void checkNotPast(Map<String, String> calendar, Set<String> keys, LocalDate today) {
    List<String> problems = new ArrayList<>();
    for (String key : keys) {
      if (key.equals(ROUNDTABLE_DATES)) {
        // A round table whose day is over was held before the cycle: its summary is recorded, nothing is
        // prepared (ny-roundtable's held-before-cycle), so a past event is accepted, replay or not.
        continue;
      }
      String value = calendar.get(key);
      if (value != null && CycleCalendar.first(value).isBefore(today)) {
        problems.add(key + " (" + value + ") is already past (today is " + today + ")");
      }
    }
    CycleCalendarOrder.refuse(problems,
        ". Give later dates (hldDate alone will do, far enough ahead), or \"replay\": true to replay"
            + " a past cycle");
  }

  /** See {@link CycleCalendar#newlyPast}. */
  static Set<String> newlyPast(Map<String, ?> before, Map<String, String> after, LocalDate today) {
    Set<String> past = new LinkedHashSet<>();
    for (String key : CycleCalendar.moved(before, after)) {
      Object old = before.get(key);
      String[] oldDates = InputParser.blank(old) ? new String[0] : old.toString().split(",");
      String[] newDates = after.get(key).split(",");
      if (key.equals(ROUNDTABLE_DATES) && oldDates.length != newDates.length) {
        // not a move of the cycle's events but a list of its own (a child started without the cycle's):
        // as at the start, a round table already held is accepted
        continue;
      }
      for (int i = 0; i < newDates.length; i++) {
        // date by date (the round tables are a list): a date that was already past may move within the past
        boolean wasPast = oldDates.length == newDates.length
            ? LocalDate.parse(oldDates[i].trim()).isBefore(today)
            : java.util.Arrays.asList(oldDates).contains(newDates[i]);
        if (!wasPast && LocalDate.parse(newDates[i].trim()).isBefore(today)) {
          past.add(key);
        }
      }
    }
    return past;
  }
}
