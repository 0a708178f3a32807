package org.hldprep.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hldprep.board.ProgressViews.Countdown;
import org.hldprep.board.ProgressViews.Deadline;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.cycle.CycleStatus;
import org.junit.jupiter.api.Test;

/** The countdown reads the dates where the calendar keeps them, not what a variable's name suggests. */
class CountdownsTest {

  private static final LocalDate TODAY = LocalDate.of(2013, 5, 20);

  private static CycleStatus cycle(Map<String, Object> variables) {
    return new CycleStatus("HLD2013", "1", null, null, ZoneId.of(CycleCalendar.DEFAULT_TIME_ZONE), variables);
  }

  @Test
  void onlyTheCalendarsDatesCountDownSoonestFirstTheDialogueApart() {
    Map<String, Object> variables = new LinkedHashMap<>(CycleCalendar.resolve(Map.of()));
    // named like dates of the calendar, but none: a form's date and a counter's
    variables.put("delegationConfirmedDate", "2013-05-21");
    variables.put("readingDeadline", "2013-05-22");

    Countdown countdown = Countdowns.countdown(cycle(variables), TODAY);

    assertThat(countdown.hldDate()).isEqualTo(LocalDate.of(2013, 10, 3));
    assertThat(countdown.daysToHld()).isEqualTo(136);
    assertThat(countdown.hldPassed()).isFalse();
    assertThat(countdown.nextDeadlines()).extracting(Deadline::key).containsExactly("rcpMeetingDate",
        "finalTextDeadline", "escapMeetingDate", "reviewDeadline", "regionalSynthesisStartDate");
    assertThat(countdown.nextDeadlines()).extracting(Deadline::daysLeft).containsExactly(2L, 7L, 9L, 11L, 12L);
    assertThat(countdown.nextDeadlines().get(2).label()).isEqualTo("ESCAP meeting date");
  }

  @Test
  void theRoundTablesCountByTheNextOneStillAhead() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(CycleCalendar.HLD_DATE, "2013-10-03");
    variables.put(CycleCalendar.ROUNDTABLE_DATES, "2012-10-12,2013-01-24,2013-06-07");

    assertThat(Countdowns.countdown(cycle(variables), TODAY).nextDeadlines()).singleElement().satisfies(d -> {
      assertThat(d.key()).isEqualTo(CycleCalendar.ROUNDTABLE_DATES);
      assertThat(d.date()).isEqualTo(LocalDate.of(2013, 6, 7));
    });
  }

  @Test
  void aCycleWithoutDatesHasNothingToCountDown() {
    Countdown countdown = Countdowns.countdown(cycle(Map.of(CycleCalendar.HLD_DATE, "not a date")), TODAY);
    assertThat(countdown.hldDate()).isNull();
    assertThat(countdown.daysToHld()).isNull();
    assertThat(countdown.nextDeadlines()).isEmpty();
  }
}
