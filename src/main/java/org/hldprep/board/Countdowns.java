package org.hldprep.board;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hldprep.board.ProgressViews.Countdown;
import org.hldprep.board.ProgressViews.Deadline;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.cycle.CycleStatus;

/** The countdown to the Dialogue and the next dates of the cycle's calendar, as the master holds them. */
final class Countdowns {

  static final int NEXT_DEADLINES = 5;
  /** The Dialogue itself is the countdown's end, not one of the dates before it. */
  private static final Set<String> HLD_KEYS = Set.of(CycleCalendar.HLD_DATE, CycleCalendar.HLD_END_DATE);
  private static final Set<String> ACRONYMS = Set.of("rcp", "hld", "pga", "fotc", "dg", "ceb", "hlcp", "ny", "sg",
      "eca", "ece", "eclac", "escap", "escwa");

  private Countdowns() {
  }

  /**
   * Days to the HLD and the next {@value #NEXT_DEADLINES} dates of the calendar from today on, soonest
   * first; a key that holds several dates (the round tables) counts by its next one.
   */
  static Countdown countdown(CycleStatus status, LocalDate today) {
    List<Deadline> deadlines = new ArrayList<>();
    for (String key : CycleCalendar.keys()) {
      if (!HLD_KEYS.contains(key)) {
        status.dates(key).stream().filter(date -> !date.isBefore(today)).min(Comparator.naturalOrder())
            .ifPresent(
                date -> deadlines.add(new Deadline(key, label(key), date, ChronoUnit.DAYS.between(today, date))));
      }
    }
    deadlines.sort(Comparator.comparing(Deadline::date).thenComparing(Deadline::key));
    LocalDate hld = status.hldDate();
    Long days = hld == null ? null : ChronoUnit.DAYS.between(today, hld);
    return new Countdown(hld, days, days != null && days < 0,
        List.copyOf(deadlines.subList(0, Math.min(NEXT_DEADLINES, deadlines.size()))));
  }

  /** "nationalSummaryDeadline" → "National summary deadline", "rcpInputDeadline" → "RCP input deadline". */
  static String label(String camelCase) {
    String[] words = camelCase.split("(?<=[a-z0-9])(?=[A-Z])");
    StringBuilder label = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      String word = words[i].toLowerCase(Locale.ROOT);
      if (ACRONYMS.contains(word)) {
        word = word.toUpperCase(Locale.ROOT);
      } else if (i == 0) {
        word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      }
      label.append(i == 0 ? "" : " ").append(word);
    }
    return label.toString();
  }
}
