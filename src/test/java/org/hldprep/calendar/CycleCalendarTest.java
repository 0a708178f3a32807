package org.hldprep.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hldprep.calendar.CycleCalendar.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hldprep.platform.input.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The calendar of a cycle: every date pinned for the 2013 HLD (so that moving one default fails here),
 * the same calendar moved with another HLD, explicit dates overriding with their followers, and the
 * checks of order and of dates already past.
 */
class CycleCalendarTest {

  /** The 2013 calendar (domain.md §3 and the inferred dates of §2), as a cycle with only hldDate 2013-10-03 gets it. */
  static final Map<String, String> CALENDAR_2013 = new LinkedHashMap<>();

  static {
    CALENDAR_2013.put(HLD_DATE, "2013-10-03");
    CALENDAR_2013.put(HLD_END_DATE, "2013-10-04");
    CALENDAR_2013.put(NATIONAL_SUMMARY_DEADLINE, "2013-05-15");
    CALENDAR_2013.put(SUMMARY_REMINDER_DATE, "2013-05-08");
    CALENDAR_2013.put(ARRANGEMENTS_DEADLINE, "2013-03-29");
    CALENDAR_2013.put(GOVERNMENT_FINAL_DEADLINE, "2013-03-01");
    CALENDAR_2013.put(GOVERNMENT_RESPONSE_DEADLINE, "2013-02-15");
    CALENDAR_2013.put(REVIEW_DEADLINE, "2013-05-31");
    CALENDAR_2013.put(REGIONAL_SYNTHESIS_START_DATE, "2013-06-01");
    CALENDAR_2013.put(REGIONAL_SYNTHESIS_DEADLINE, "2013-06-15");
    CALENDAR_2013.put(GLOBAL_SYNTHESIS_DEADLINE, "2013-06-28");
    CALENDAR_2013.put(RCP_MEETING_DATE, "2013-05-22");
    CALENDAR_2013.put(RCP_INPUT_DEADLINE, "2013-04-30");
    CALENDAR_2013.put(RCP_INPUT_REMINDER_DATE, "2013-04-16");
    CALENDAR_2013.put(RCP_CONTACT_DEADLINE, "2013-02-28");
    CALENDAR_2013.put(RCP_CONCEPT_NOTE_DEADLINE, "2013-02-27");
    CALENDAR_2013.put(RCP_INVITATION_DEADLINE, "2013-04-10");
    CALENDAR_2013.put(RCP_MEETING_SUMMARY_DEADLINE, "2013-06-14");
    CALENDAR_2013.put(RCP_COMMENT_DEADLINE, "2013-06-28");
    CALENDAR_2013.put(SPECIAL_SESSION_DATE, "2013-06-14");
    CALENDAR_2013.put(FINAL_TEXT_DEADLINE, "2013-05-30");
    CALENDAR_2013.put(ZERO_DRAFT_DEADLINE, "2013-03-15");
    CALENDAR_2013.put(FOTC_CONSTITUTION_DEADLINE, "2013-01-31");
    CALENDAR_2013.put(TRANSMITTAL_DEADLINE, "2013-09-13");
    CALENDAR_2013.put(ENDORSEMENT_DEADLINE, "2013-09-06");
    CALENDAR_2013.put(OUTCOME_FORMAT_DEADLINE, "2013-01-31");
    CALENDAR_2013.put(PGA_INPUT_DEADLINE, "2013-06-28");
    CALENDAR_2013.put(BRIEFING_PACK_DATE, "2013-09-23");
    CALENDAR_2013.put(BRIEFING_APPROVAL_DEADLINE, "2013-09-30");
    CALENDAR_2013.put(COUNCIL_REPORT_DEADLINE, "2013-11-26");
    CALENDAR_2013.put(COUNCIL_REPORT_START_DATE, "2013-10-31");
    CALENDAR_2013.put(HLCP_SESSION_DATE, "2013-01-31");
    CALENDAR_2013.put(HLCP_SUBMISSION_DEADLINE, "2013-01-11");
    CALENDAR_2013.put(HLCP_COMMENT_DEADLINE, "2012-12-14");
    CALENDAR_2013.put(CEB_SESSION_DATE, "2013-04-12");
    CALENDAR_2013.put(CEB_PAPER_LAUNCH_DATE, "2013-09-27");
    CALENDAR_2013.put(ROUNDTABLE_DATES, "2012-10-12,2013-01-24,2013-02-20,2013-04-23,2013-06-07");
    CALENDAR_2013.put(ROUNDTABLE_SERIES_REPORT_START_DATE, "2013-08-20");
    CALENDAR_2013.put(ROUNDTABLE_SERIES_REPORT_DATE, "2013-09-17");
    CALENDAR_2013.put(SG_REPORT_INPUT_DEADLINE, "2013-06-30");
    CALENDAR_2013.put(ECA_MEETING_DATE, "2013-07-03");
    CALENDAR_2013.put(ECE_MEETING_DATE, "2013-06-20");
    CALENDAR_2013.put(ECLAC_MEETING_DATE, "2013-06-12");
    CALENDAR_2013.put(ESCAP_MEETING_DATE, "2013-05-29");
    CALENDAR_2013.put(ESCWA_MEETING_DATE, "2013-06-04");
    CALENDAR_2013.put(DG_STATEMENT_START_DATE, "2013-08-29");
    CALENDAR_2013.put(DG_STATEMENT_DEADLINE, "2013-09-26");
  }

  @Test
  void theHldOf2013_reproducesEveryDateOf2013() {
    assertThat(resolve(Map.of(HLD_DATE, "2013-10-03"))).isEqualTo(CALENDAR_2013);
    assertThat(resolve(Map.of())).as("the default HLD is 2013's").isEqualTo(CALENDAR_2013);
    assertThat(keys()).containsExactlyInAnyOrderElementsOf(CALENDAR_2013.keySet());
  }

  @Test
  void anotherHld_movesEveryDateByTheSameOffset() {
    Map<String, String> calendar = resolve(Map.of(HLD_DATE, "2030-10-03"));
    long shift = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse("2013-10-03"),
        LocalDate.parse("2030-10-03"));
    CALENDAR_2013.forEach((key, date) -> {
      String moved = java.util.Arrays.stream(date.split(",")).map(d -> LocalDate.parse(d).plusDays(shift).toString())
          .collect(java.util.stream.Collectors.joining(","));
      assertThat(calendar.get(key)).as(key).isEqualTo(moved);
    });
    check(calendar);
  }

  @Test
  void anExplicitDate_overridesItsDefault_andTheDatesThatFollowItMoveWithIt() {
    Map<String, String> calendar = resolve(Map.of(HLD_DATE, "2013-10-03", NATIONAL_SUMMARY_DEADLINE, "2013-05-31"));
    assertThat(calendar).containsEntry(NATIONAL_SUMMARY_DEADLINE, "2013-05-31")
        .containsEntry(SUMMARY_REMINDER_DATE, "2013-05-24").containsEntry(ARRANGEMENTS_DEADLINE, "2013-04-14")
        .containsEntry(GOVERNMENT_FINAL_DEADLINE, "2013-03-17")
        .containsEntry(GOVERNMENT_RESPONSE_DEADLINE, "2013-03-03")
        .containsEntry(REVIEW_DEADLINE, "2013-06-16").containsEntry(GLOBAL_SYNTHESIS_DEADLINE, "2013-07-14")
        .as("other tracks keep following the HLD").containsEntry(RCP_MEETING_DATE, "2013-05-22");
    assertThat(base(GOVERNMENT_RESPONSE_DEADLINE)).isEqualTo(GOVERNMENT_FINAL_DEADLINE);
    assertThat(offsetDays(GOVERNMENT_RESPONSE_DEADLINE)).isEqualTo(-14);
    assertThat(offsetDays(NATIONAL_SUMMARY_DEADLINE)).isEqualTo(-141);
    assertThat(resolve(Map.of(HLD_DATE, "2013-10-03T00:00:00Z"))).as("a timestamp counts by its date")
        .containsEntry(HLD_DATE, "2013-10-03");
  }

  @Test
  void theRoundTables_areAListOfDatesThatMovesWithTheHld() {
    assertThat(resolve(Map.of(HLD_DATE, "2014-10-03")).get(ROUNDTABLE_DATES))
        .isEqualTo("2013-10-12,2014-01-24,2014-02-20,2014-04-23,2014-06-07");
    assertThat(resolve(Map.of(ROUNDTABLE_DATES, "2013-01-24, 2012-10-12")).get(ROUNDTABLE_DATES))
        .isEqualTo("2013-01-24,2012-10-12");
    assertThatThrownBy(() -> check(resolve(Map.of(ROUNDTABLE_DATES, "2013-01-24, 2012-10-12"))))
        .hasMessageContaining("in order");
    assertThatThrownBy(() -> resolve(Map.of(ROUNDTABLE_DATES, "2013-01-24, soon")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("roundtableDates")
        .hasMessageContaining("'soon'");
  }

  @Test
  void aBrokenPair_isRefusedNamingBothDates() {
    assertThatThrownBy(() -> check(resolve(Map.of(GOVERNMENT_RESPONSE_DEADLINE, "2013-03-05"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "governmentFinalDeadline (2013-03-01) must come after governmentResponseDeadline (2013-03-05)");
    check(resolve(Map.of(GOVERNMENT_FINAL_DEADLINE, "2013-02-10"))); // the answer moves with it
    assertThatThrownBy(() -> check(resolve(Map.of(HLD_DATE, "2013-10-03", TRANSMITTAL_DEADLINE, "2013-10-10"))))
        .hasMessageContaining("hldDate (2013-10-03) must come after transmittalDeadline (2013-10-10)");
    assertThatThrownBy(() -> check(resolve(Map.of(FOTC_CONSTITUTION_DEADLINE, "2013-04-01"))))
        .hasMessageContaining("zeroDraftDeadline (2013-03-15) must come after fotcConstitutionDeadline (2013-04-01)");
    assertThatThrownBy(() -> check(resolve(Map.of(RCP_INPUT_DEADLINE, "2013-05-23"))))
        .hasMessageContaining("rcpMeetingDate (2013-05-22) must come after rcpInputDeadline (2013-05-23)");
    assertThatThrownBy(() -> check(resolve(Map.of(HLCP_SESSION_DATE, "2013-04-20"))))
        .hasMessageContaining("cebSessionDate (2013-04-12) must come after hlcpSessionDate (2013-04-20)");
    assertThatThrownBy(() -> check(resolve(Map.of(ECA_MEETING_DATE, "2013-10-05"))))
        .hasMessageContaining("hldDate (2013-10-03) must come after ecaMeetingDate (2013-10-05)");
    assertThatThrownBy(() -> check(resolve(Map.of(COUNCIL_REPORT_START_DATE, "2013-10-02"))))
        .hasMessageContaining("councilReportStartDate (2013-10-02) must come after hldEndDate (2013-10-04)");
    // The launch may fall on the day of the HLD; the Council report comes after it.
    check(resolve(Map.of(CEB_PAPER_LAUNCH_DATE, "2013-10-03")));
    check(CALENDAR_2013);
  }

  @Test
  void datesAlreadyPast_areRefusedUnlessReplayed() {
    Map<String, String> calendar = resolve(Map.of(HLD_DATE, "2030-10-03"));
    LocalDate today = LocalDate.parse("2030-01-01");
    assertThatThrownBy(() -> checkNotPast(calendar, calendar.keySet(), today))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("hlcpCommentDeadline (2029-12-14)")
        .hasMessageContaining("is already past (today is 2030-01-01)");
    checkNotPast(resolve(Map.of(HLD_DATE, "2031-10-03")), calendar.keySet(), today);
  }

  @Test
  void aDeadlineOfToday_isNotPast_butYesterdaysIs() {
    Map<String, String> calendar = resolve(Map.of(HLD_DATE, "2030-10-03"));
    LocalDate firstDate = LocalDate.parse(calendar.get(HLCP_COMMENT_DEADLINE));
    checkNotPast(calendar, calendar.keySet(), firstDate);
    assertThatThrownBy(() -> checkNotPast(calendar, calendar.keySet(), firstDate.plusDays(1)))
        .hasMessageContaining("hlcpCommentDeadline (" + firstDate + ") is already past")
        .hasMessageContaining("\"replay\": true");
  }

  @Test
  void roundTablesAlreadyHeld_areAccepted_asEventsHeldBeforeTheCycle() {
    Map<String, String> calendar = resolve(Map.of(HLD_DATE, "2030-10-03"));
    assertThat(calendar.get(ROUNDTABLE_DATES)).startsWith("2029-10-12,2030-01-24");
    LocalDate afterTheSecond = LocalDate.parse("2030-01-25");
    // Every other date is ahead of today: only the round tables lie in the past, and they were held.
    Map<String, String> later = resolve(Map.of(HLD_DATE, "2030-10-03", HLCP_SESSION_DATE, "2030-03-01",
        HLCP_SUBMISSION_DEADLINE, "2030-02-10", HLCP_COMMENT_DEADLINE, "2030-02-01"));
    checkNotPast(later, later.keySet(), afterTheSecond);
    assertThatThrownBy(() -> checkNotPast(later, later.keySet(), LocalDate.parse("2030-02-02")))
        .as("but no other date").hasMessageContaining("hlcpCommentDeadline (2030-02-01) is already past")
        .hasMessageNotContaining("roundtableDates");
  }

  @Test
  void aChange_keepsTheNumberOfRoundTables_theNthDateMovesTheNthEvent() {
    Map<String, String> start = resolve(Map.of(HLD_DATE, "2030-10-03"));
    LocalDate today = LocalDate.parse("2029-09-01");
    String moved = "2029-10-12,2030-01-31,2030-02-20,2030-04-23,2030-06-07";
    assertThat(changeChecked(start, Set.of(HLD_DATE), Map.of(ROUNDTABLE_DATES, moved), false, today))
        .containsEntry(ROUNDTABLE_DATES, moved);
    assertThatThrownBy(() -> changeChecked(start, Set.of(HLD_DATE),
        Map.of(ROUNDTABLE_DATES, "2029-10-12,2030-01-31"), false, today))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("roundtableDates lists 5 round tables in this cycle, the change 2");
    assertThatThrownBy(() -> changeChecked(start, Set.of(HLD_DATE),
        Map.of(ROUNDTABLE_DATES, "2029-08-12,2030-01-31,2030-02-20,2030-04-23,2030-06-07"), false, today))
        .as("an event still ahead is not moved into the past").hasMessageContaining("still ahead in the past");
  }

  @Test
  void aChange_movesTheDatesNeverGiven_keepsTheGivenOnes_andRefusesNewlyPastDates() {
    Map<String, String> start = resolve(Map.of(HLD_DATE, "2030-10-03", NATIONAL_SUMMARY_DEADLINE, "2030-05-20"));
    Set<String> given = Set.of(HLD_DATE, NATIONAL_SUMMARY_DEADLINE);
    LocalDate today = LocalDate.parse("2030-04-01");
    Map<String, String> moved = changeChecked(start, given, Map.of(HLD_DATE, "2030-10-13"), false, today);
    assertThat(moved).containsEntry(HLD_DATE, "2030-10-13").containsEntry(BRIEFING_PACK_DATE, "2030-10-03")
        .as("given at the start: stays").containsEntry(NATIONAL_SUMMARY_DEADLINE, "2030-05-20")
        .as("a past default may move within the past").containsEntry(GOVERNMENT_RESPONSE_DEADLINE,
            start.get(GOVERNMENT_RESPONSE_DEADLINE));
    assertThat(moved(start, moved)).contains(HLD_DATE, BRIEFING_PACK_DATE, HLD_CHANGE_CHECK_SAMPLE)
        .doesNotContain(NATIONAL_SUMMARY_DEADLINE);
    assertThatThrownBy(() -> changeChecked(start, given, Map.of(NATIONAL_SUMMARY_DEADLINE, "2030-03-20"), false, today))
        .hasMessageContaining("nationalSummaryDeadline (2030-03-20)").hasMessageContaining("still ahead in the past");
    assertThat(changeChecked(start, given, Map.of(NATIONAL_SUMMARY_DEADLINE, "2030-03-20"), true, today))
        .as("a replay may").containsEntry(NATIONAL_SUMMARY_DEADLINE, "2030-03-20");
    assertThatThrownBy(() -> changeChecked(start, given, Map.of("lunchDate", "2030-03-20"), false, today))
        .hasMessageContaining("Unknown calendar date 'lunchDate'");
  }

  private static final String HLD_CHANGE_CHECK_SAMPLE = COUNCIL_REPORT_DEADLINE;

  @Test
  void deadlines_endAtTheEndOfTheDayInTheCycleZone_awaitedDaysBeginAtMidnight() {
    ZoneId geneva = ZoneId.of("Europe/Zurich");
    assertThat(Deadlines.endOfDay("2013-05-15", "Europe/Geneva").toInstant().toString())
        .isEqualTo("2013-05-15T21:59:59Z");
    assertThat(Deadlines.endOfDay("2013-12-15", null).toInstant().toString()).isEqualTo("2013-12-15T22:59:59Z");
    assertThat(Deadlines.startOfDay("2013-05-22", "America/Lima").toInstant().toString())
        .isEqualTo("2013-05-22T05:00:00Z");
    assertThat(Deadlines.endOfDay(LocalDate.parse("2013-05-15"), geneva))
        .isEqualTo(Deadlines.endOfDay("2013-05-15", ""));
    assertThat(Deadlines.zone("Europe/Geneva")).as("Geneva lies in Zurich's zone")
        .isEqualTo(ZoneId.of("Europe/Zurich"));
    assertThatThrownBy(() -> Deadlines.endOfDay("2013-05-15", "Mars/Olympus"))
        .hasMessageContaining("timeZone must be an IANA time zone id");
    assertThatThrownBy(() -> Deadlines.endOfDay(null, "Europe/Geneva")).hasMessageContaining("not set");
  }

  @Test
  void everyDateButTheHldsEndAndTheCouncilReport_comesBeforeTheHld() {
    List<String> after = List.of(HLD_END_DATE, COUNCIL_REPORT_START_DATE, COUNCIL_REPORT_DEADLINE);
    CALENDAR_2013.forEach((key, value) -> {
      LocalDate date = LocalDate.parse(value.split(",")[value.split(",").length - 1]);
      if (after.contains(key)) {
        assertThat(date).as(key).isAfter(LocalDate.parse("2013-10-03"));
      } else if (!key.equals(HLD_DATE)) {
        assertThat(date).as(key).isBefore(LocalDate.parse("2013-10-03"));
      }
    });
  }
}
