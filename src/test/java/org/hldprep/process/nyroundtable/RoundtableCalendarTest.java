package org.hldprep.process.nyroundtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hldprep.process.CycleCalendar;
import org.junit.jupiter.api.Test;

/** The calendar dates of the new tracks: the round-table list is a list of dates, checked as such. */
class RoundtableCalendarTest {

  @Test
  void theFiveRoundTablesOf2013AreTheDefault() {
    assertThat(CycleCalendar.resolve(Map.of()).get(CycleCalendar.ROUNDTABLE_DATES))
        .isEqualTo("2012-10-12,2013-01-24,2013-02-20,2013-04-23,2013-06-07");
    assertThat(CycleCalendar.dates(CycleCalendar.ROUNDTABLE_DATES, "2012-10-12,2013-01-24,2013-02-20,2013-04-23,2013-06-07"))
        .hasSize(5).first().isEqualTo(LocalDate.of(2012, 10, 12));
  }

  @Test
  void aGivenListIsCheckedSortedAndKeptWhole() {
    assertThat(CycleCalendar.resolve(Map.of(CycleCalendar.ROUNDTABLE_DATES, " 2030-06-07; 2030-01-24, 2030-06-07 "))
        .get(CycleCalendar.ROUNDTABLE_DATES)).isEqualTo("2030-01-24,2030-06-07");
    assertThat(CycleCalendar.dates(CycleCalendar.ROUNDTABLE_DATES, List.of("2030-02-20", "2030-01-24")))
        .containsExactly(LocalDate.of(2030, 1, 24), LocalDate.of(2030, 2, 20));
    assertThat(CycleCalendar.dates(CycleCalendar.ROUNDTABLE_DATES, "[\"2030-02-20\",\"2030-01-24\"]")).hasSize(2);
    assertThatThrownBy(() -> CycleCalendar.resolve(Map.of(CycleCalendar.ROUNDTABLE_DATES, "2030-01-24,next spring")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CycleCalendar.ROUNDTABLE_DATES)
        .hasMessageContaining("'next spring'");
  }

  @Test
  void theNewDatesHaveTheir2013DefaultsAndTheDgStatementFollowsTheHld() {
    Map<String, String> calendar = CycleCalendar.resolve(Map.of());
    assertThat(calendar).containsEntry(CycleCalendar.HLCP_SESSION_DATE, "2013-01-31")
        .containsEntry(CycleCalendar.CEB_PAPER_LAUNCH_DATE, "2013-09-27")
        .containsEntry(CycleCalendar.SG_REPORT_INPUT_DEADLINE, "2013-06-30")
        .containsEntry(CycleCalendar.ECA_MEETING_DATE, "2013-07-03")
        .containsEntry(CycleCalendar.DG_STATEMENT_DEADLINE, "2013-09-26");
    assertThat(CycleCalendar.resolve(Map.of(CycleCalendar.HLD_DATE, "2030-10-03")))
        .containsEntry(CycleCalendar.DG_STATEMENT_DEADLINE, "2030-09-26");
    assertThat(CycleCalendar.derivedKeys()).contains(CycleCalendar.DG_STATEMENT_DEADLINE)
        .doesNotContain(CycleCalendar.ROUNDTABLE_DATES);
  }

  @Test
  void aDateOutsideTheCalendarIsCheckedTheSameWay() {
    assertThat(CycleCalendar.date("eventDate", " 2013-01-24 ")).isEqualTo(LocalDate.of(2013, 1, 24));
    assertThatThrownBy(() -> CycleCalendar.date("eventDate", null)).hasMessageContaining("eventDate")
        .hasMessageContaining("got nothing");
  }
}
