package org.hldprep.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hldprep.calendar.CycleCalendar.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hldprep.platform.input.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * What CycleCalendarTest does not pin: how each date derives from its base (the base and the offset in
 * days, so that a date following the wrong base, or a reminder six days instead of seven before its
 * deadline, fails here even where the 2013 values would still agree), that each date follows its base
 * and only its base when that moves, and every pair of the order check (which pairs are checked, and
 * whether the two may fall on the same day).
 */
class CycleCalendarOffsetsTest {

  /** Each date: its base ("-" for the HLD itself) and its distance from it in days. */
  private static final Map<String, String> DERIVATION = new LinkedHashMap<>();

  static {
    derive(HLD_DATE, "-", 0);
    derive(HLD_END_DATE, HLD_DATE, 1);
    derive(NATIONAL_SUMMARY_DEADLINE, HLD_DATE, -141);
    derive(SUMMARY_REMINDER_DATE, NATIONAL_SUMMARY_DEADLINE, -7); // a week before
    derive(ARRANGEMENTS_DEADLINE, NATIONAL_SUMMARY_DEADLINE, -47);
    derive(GOVERNMENT_FINAL_DEADLINE, ARRANGEMENTS_DEADLINE, -28);
    derive(GOVERNMENT_RESPONSE_DEADLINE, GOVERNMENT_FINAL_DEADLINE, -14);
    derive(REVIEW_DEADLINE, NATIONAL_SUMMARY_DEADLINE, 16);
    derive(REGIONAL_SYNTHESIS_START_DATE, REVIEW_DEADLINE, 1);
    derive(REGIONAL_SYNTHESIS_DEADLINE, REGIONAL_SYNTHESIS_START_DATE, 14);
    derive(GLOBAL_SYNTHESIS_DEADLINE, REGIONAL_SYNTHESIS_DEADLINE, 13);
    derive(RCP_MEETING_DATE, HLD_DATE, -134);
    derive(RCP_INPUT_DEADLINE, RCP_MEETING_DATE, -22);
    derive(RCP_INPUT_REMINDER_DATE, RCP_INPUT_DEADLINE, -14); // two weeks before
    derive(RCP_CONTACT_DEADLINE, RCP_INPUT_DEADLINE, -61);
    derive(RCP_CONCEPT_NOTE_DEADLINE, RCP_MEETING_DATE, -84); // twelve weeks before
    derive(RCP_INVITATION_DEADLINE, RCP_MEETING_DATE, -42); // six weeks before
    derive(RCP_MEETING_SUMMARY_DEADLINE, RCP_MEETING_DATE, 23);
    derive(RCP_COMMENT_DEADLINE, RCP_MEETING_SUMMARY_DEADLINE, 14);
    derive(SPECIAL_SESSION_DATE, HLD_DATE, -111);
    derive(FINAL_TEXT_DEADLINE, SPECIAL_SESSION_DATE, -18); // a special session's notice and the silence
    derive(ZERO_DRAFT_DEADLINE, FINAL_TEXT_DEADLINE, -73);
    derive(FOTC_CONSTITUTION_DEADLINE, ZERO_DRAFT_DEADLINE, -43);
    derive(TRANSMITTAL_DEADLINE, HLD_DATE, -20);
    derive(ENDORSEMENT_DEADLINE, TRANSMITTAL_DEADLINE, -7);
    derive(OUTCOME_FORMAT_DEADLINE, HLD_DATE, -245);
    derive(PGA_INPUT_DEADLINE, HLD_DATE, -97);
    derive(BRIEFING_PACK_DATE, HLD_DATE, -10); // ten days before
    derive(BRIEFING_APPROVAL_DEADLINE, HLD_DATE, -3); // three days before
    derive(COUNCIL_REPORT_DEADLINE, HLD_DATE, 54);
    derive(COUNCIL_REPORT_START_DATE, COUNCIL_REPORT_DEADLINE, -26);
    derive(HLCP_SESSION_DATE, HLD_DATE, -245);
    derive(HLCP_SUBMISSION_DEADLINE, HLCP_SESSION_DATE, -20);
    derive(HLCP_COMMENT_DEADLINE, HLCP_SUBMISSION_DEADLINE, -28);
    derive(CEB_SESSION_DATE, HLD_DATE, -174);
    derive(CEB_PAPER_LAUNCH_DATE, HLD_DATE, -6);
    derive(ROUNDTABLE_DATES, HLD_DATE, -356); // the first of the list
    derive(ROUNDTABLE_SERIES_REPORT_DATE, HLD_DATE, -16);
    derive(ROUNDTABLE_SERIES_REPORT_START_DATE, ROUNDTABLE_SERIES_REPORT_DATE, -28); // four weeks before
    derive(SG_REPORT_INPUT_DEADLINE, HLD_DATE, -95);
    derive(ECA_MEETING_DATE, HLD_DATE, -92);
    derive(ECE_MEETING_DATE, HLD_DATE, -105);
    derive(ECLAC_MEETING_DATE, HLD_DATE, -113);
    derive(ESCAP_MEETING_DATE, HLD_DATE, -127);
    derive(ESCWA_MEETING_DATE, HLD_DATE, -121);
    derive(DG_STATEMENT_DEADLINE, HLD_DATE, -7); // a week before
    derive(DG_STATEMENT_START_DATE, DG_STATEMENT_DEADLINE, -28); // four weeks before
  }

  private static void derive(String key, String base, long days) {
    DERIVATION.put(key, base + " " + days);
  }

  @Test
  void everyDateHasItsBaseAndItsOffset() {
    Map<String, String> actual = new LinkedHashMap<>();
    for (String key : keys()) {
      actual.put(key, (base(key) == null ? "-" : base(key)) + " " + offsetDays(key));
    }
    assertThat(actual).isEqualTo(DERIVATION);
    assertThat(new ArrayList<>(keys())).as("bases first, in the order of the definitions")
        .containsExactlyElementsOf(DERIVATION.keySet());
    assertThatThrownBy(() -> base("lunchDate")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a calendar date: lunchDate");
    assertThat(isCalendarKey(SUMMARY_REMINDER_DATE)).isTrue();
    assertThat(isCalendarKey("countryCode")).isFalse();
  }

  @Test
  void eachDateFollowsItsBaseAndOnlyItsBase() {
    Map<String, String> defaults = resolve(Map.of());
    for (String key : keys()) {
      if (key.equals(HLD_DATE)) {
        continue;
      }
      String base = base(key);
      String movedBase = shift(defaults.get(base), 10);
      Map<String, String> calendar = resolve(Map.of(base, movedBase));
      assertThat(calendar.get(key)).as("%s follows %s moved by 10 days", key, base)
          .isEqualTo(shift(defaults.get(key), 10));
      // Given explicitly, a date stays where it was put whatever its base does.
      Map<String, String> pinned = resolve(Map.of(base, movedBase, key, defaults.get(key)));
      assertThat(pinned.get(key)).as("%s given", key).isEqualTo(defaults.get(key));
    }
    // The dates of another track do not move with the national summaries.
    Map<String, String> moved = resolve(Map.of(NATIONAL_SUMMARY_DEADLINE, "2013-05-25"));
    Set<String> changed = moved(defaults, moved);
    assertThat(changed).containsExactlyInAnyOrder(NATIONAL_SUMMARY_DEADLINE, SUMMARY_REMINDER_DATE,
        ARRANGEMENTS_DEADLINE, GOVERNMENT_FINAL_DEADLINE, GOVERNMENT_RESPONSE_DEADLINE, REVIEW_DEADLINE,
        REGIONAL_SYNTHESIS_START_DATE, REGIONAL_SYNTHESIS_DEADLINE, GLOBAL_SYNTHESIS_DEADLINE);
  }

  @Test
  void aListOfDatesIsNormalizedAndFollowsItsBaseAsAWhole() {
    assertThat(resolve(Map.of(ROUNDTABLE_DATES, " 2013-01-24 ;2013-02-20T00:00:00Z")).get(ROUNDTABLE_DATES))
        .isEqualTo("2013-01-24,2013-02-20");
    assertThat(resolve(Map.of(HLD_DATE, "2013-10-13")).get(ROUNDTABLE_DATES))
        .isEqualTo("2012-10-22,2013-02-03,2013-03-02,2013-05-03,2013-06-17");
    assertThat(resolve(Map.of(HLD_DATE, "2013-10-03 ")).get(HLD_DATE)).isEqualTo("2013-10-03");
    assertThat(resolve(Map.of(HLD_DATE, "", REVIEW_DEADLINE, " ")).get(REVIEW_DEADLINE))
        .as("blank is not given").isEqualTo("2013-05-31");
    assertThatThrownBy(() -> resolve(Map.of(REVIEW_DEADLINE, "31 May"))).isInstanceOf(InvalidInputException.class)
        .hasMessage("reviewDeadline must be a date (yyyy-MM-dd), got '31 May'");
  }

  /** Every ordered pair: earlier, later, and whether they may fall on the same day. */
  private static final List<String> STRICT = new ArrayList<>();
  private static final List<String> SAME_DAY_ALLOWED = new ArrayList<>();

  static {
    chain(GOVERNMENT_RESPONSE_DEADLINE, GOVERNMENT_FINAL_DEADLINE, ARRANGEMENTS_DEADLINE, NATIONAL_SUMMARY_DEADLINE,
        REVIEW_DEADLINE, REGIONAL_SYNTHESIS_DEADLINE, GLOBAL_SYNTHESIS_DEADLINE);
    chain(SUMMARY_REMINDER_DATE, NATIONAL_SUMMARY_DEADLINE);
    chain(REVIEW_DEADLINE, REGIONAL_SYNTHESIS_START_DATE);
    SAME_DAY_ALLOWED.add(REGIONAL_SYNTHESIS_START_DATE + " " + REGIONAL_SYNTHESIS_DEADLINE);
    chain(RCP_CONTACT_DEADLINE, RCP_INPUT_DEADLINE, RCP_MEETING_DATE, RCP_MEETING_SUMMARY_DEADLINE,
        RCP_COMMENT_DEADLINE);
    chain(RCP_INPUT_REMINDER_DATE, RCP_INPUT_DEADLINE);
    chain(RCP_CONCEPT_NOTE_DEADLINE, RCP_INVITATION_DEADLINE, RCP_MEETING_DATE);
    chain(FOTC_CONSTITUTION_DEADLINE, ZERO_DRAFT_DEADLINE, FINAL_TEXT_DEADLINE, ENDORSEMENT_DEADLINE,
        TRANSMITTAL_DEADLINE);
    chain(FINAL_TEXT_DEADLINE, SPECIAL_SESSION_DATE);
    SAME_DAY_ALLOWED.add(SPECIAL_SESSION_DATE + " " + ENDORSEMENT_DEADLINE);
    chain(OUTCOME_FORMAT_DEADLINE, PGA_INPUT_DEADLINE);
    chain(BRIEFING_PACK_DATE, BRIEFING_APPROVAL_DEADLINE, HLD_DATE);
    SAME_DAY_ALLOWED.add(HLD_DATE + " " + HLD_END_DATE);
    chain(HLD_END_DATE, COUNCIL_REPORT_START_DATE);
    SAME_DAY_ALLOWED.add(COUNCIL_REPORT_START_DATE + " " + COUNCIL_REPORT_DEADLINE);
    chain(HLCP_COMMENT_DEADLINE, HLCP_SUBMISSION_DEADLINE, HLCP_SESSION_DATE, CEB_SESSION_DATE, CEB_PAPER_LAUNCH_DATE);
    SAME_DAY_ALLOWED.add(CEB_PAPER_LAUNCH_DATE + " " + HLD_DATE);
    chain(ROUNDTABLE_DATES, ROUNDTABLE_SERIES_REPORT_START_DATE);
    SAME_DAY_ALLOWED.add(ROUNDTABLE_SERIES_REPORT_START_DATE + " " + ROUNDTABLE_SERIES_REPORT_DATE);
    chain(DG_STATEMENT_START_DATE, DG_STATEMENT_DEADLINE);
    // Every date before the HLD but its own end, the report to the Council, the launch and the approval.
    for (String key : DERIVATION.keySet()) {
      if (!Set.of(HLD_DATE, HLD_END_DATE, COUNCIL_REPORT_START_DATE, COUNCIL_REPORT_DEADLINE, CEB_PAPER_LAUNCH_DATE,
          BRIEFING_APPROVAL_DEADLINE).contains(key)) {
        STRICT.add(key + " " + HLD_DATE);
      }
    }
  }

  private static void chain(String... keys) {
    for (int i = 1; i < keys.length; i++) {
      STRICT.add(keys[i - 1] + " " + keys[i]);
    }
  }

  @Test
  void theOrderCheckComparesExactlyThesePairs() {
    Set<String> refusedOnTheSameDay = new TreeSet<>();
    Set<String> refusedTheDayBefore = new TreeSet<>();
    Set<String> refusedTheDayAfter = new TreeSet<>();
    for (String earlier : keys()) {
      for (String later : keys()) {
        if (earlier.equals(later)) {
          continue;
        }
        if (refused(Map.of(earlier, "2013-06-10", later, "2013-06-10"))) {
          refusedOnTheSameDay.add(earlier + " " + later);
        }
        if (refused(Map.of(earlier, "2013-06-10", later, "2013-06-09"))) {
          refusedTheDayBefore.add(earlier + " " + later);
        }
        if (refused(Map.of(earlier, "2013-06-10", later, "2013-06-11"))) {
          refusedTheDayAfter.add(earlier + " " + later);
        }
      }
    }
    Set<String> all = new TreeSet<>(STRICT);
    all.addAll(SAME_DAY_ALLOWED);
    // On the same day, a strict pair is refused whichever of its two dates is called the earlier here.
    Set<String> sameDayEitherWay = new TreeSet<>();
    for (String pair : STRICT) {
      sameDayEitherWay.add(pair);
      String[] keys = pair.split(" ");
      sameDayEitherWay.add(keys[1] + " " + keys[0]);
    }
    assertThat(refusedOnTheSameDay).isEqualTo(sameDayEitherWay);
    // The later date a day before the earlier one: refused for exactly the pairs checked in that direction.
    assertThat(refusedTheDayBefore).isEqualTo(all);
    Set<String> reversed = new TreeSet<>();
    all.forEach(pair -> reversed.add(pair.split(" ")[1] + " " + pair.split(" ")[0]));
    assertThat(refusedTheDayAfter).as("in order: refused only when read the other way round").isEqualTo(reversed);
  }

  @Test
  void aListOfDatesIsCheckedByItsLastDateBeforeAndItsFirstDateAfter() {
    // The round tables before the HLD: the last one counts.
    assertThatThrownBy(() -> check(Map.of(ROUNDTABLE_DATES, "2013-01-24,2013-10-04", HLD_DATE, "2013-10-03")))
        .hasMessageContaining("hldDate (2013-10-03) must come after roundtableDates (2013-01-24,2013-10-04)");
    check(Map.of(ROUNDTABLE_DATES, "2013-01-24,2013-10-02", HLD_DATE, "2013-10-03"));
    assertThatThrownBy(() -> check(Map.of(ROUNDTABLE_DATES, "2013-02-20,2013-01-24")))
        .hasMessage("The calendar does not hold together: roundtableDates must list the round tables in order:"
            + " 2013-01-24 comes after 2013-02-20");
  }

  @Test
  void aRefusalNamesAtMostSixProblemsAndCountsTheRest() {
    Map<String, String> calendar = new LinkedHashMap<>(resolve(Map.of()));
    calendar.put(HLD_DATE, "2012-01-01");
    assertThatThrownBy(() -> check(calendar)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("The calendar does not hold together: ")
        .hasMessageMatching("(?s).*; and \\d+ more$")
        .satisfies(e -> assertThat(e.getMessage().split("; ").length).isEqualTo(7));
    Map<String, String> two = Map.of(GOVERNMENT_RESPONSE_DEADLINE, "2013-03-02", GOVERNMENT_FINAL_DEADLINE,
        "2013-03-01",
        REVIEW_DEADLINE, "2013-05-01", NATIONAL_SUMMARY_DEADLINE, "2013-05-15");
    assertThatThrownBy(() -> check(two)).hasMessage("The calendar does not hold together: "
        + "governmentFinalDeadline (2013-03-01) must come after governmentResponseDeadline (2013-03-02); "
        + "reviewDeadline (2013-05-01) must come after nationalSummaryDeadline (2013-05-15)");
    assertThatThrownBy(() -> check(Map.of(HLD_DATE, "2013-10-03", HLD_END_DATE, "2013-10-02")))
        .hasMessage("The calendar does not hold together: hldEndDate (2013-10-02) must come on or after hldDate"
            + " (2013-10-03)");
  }

  @Test
  void datesAlreadyPast_onlyTheKeysAsked_andTheMessageSaysHowToGoOn() {
    Map<String, String> calendar = resolve(Map.of(HLD_DATE, "2030-10-03"));
    LocalDate today = LocalDate.parse("2030-05-10");
    checkNotPast(calendar, Set.of(HLD_DATE, REVIEW_DEADLINE), today);
    assertThatThrownBy(() -> checkNotPast(calendar, new LinkedHashSet<>(List.of(HLD_DATE, SUMMARY_REMINDER_DATE,
        RCP_INPUT_DEADLINE)), today)).hasMessage("The calendar does not hold together: summaryReminderDate"
            + " (2030-05-08) is already past (today is 2030-05-10); rcpInputDeadline (2030-04-30) is already past"
            + " (today is 2030-05-10). Give later dates (hldDate alone will do, far enough ahead), or \"replay\":"
            + " true to replay a past cycle");
    checkNotPast(calendar, Set.of(SUMMARY_REMINDER_DATE), LocalDate.parse("2030-05-08"));
    checkNotPast(Map.of(), Set.of(SUMMARY_REMINDER_DATE), today);
    // Round tables already held are recorded, not prepared: past, and still accepted.
    checkNotPast(Map.of(ROUNDTABLE_DATES, "2030-01-10,2030-03-10"), Set.of(ROUNDTABLE_DATES), today);
  }

  @Test
  void aChangeKnowsWhichDatesMovedAndWhichWouldNewlyBePast() {
    Map<String, String> before = resolve(Map.of(HLD_DATE, "2030-10-03"));
    Map<String, String> after = resolve(Map.of(HLD_DATE, "2030-10-03", REVIEW_DEADLINE, "2030-05-20"));
    assertThat(moved(before, after)).containsExactly(REVIEW_DEADLINE, REGIONAL_SYNTHESIS_START_DATE,
        REGIONAL_SYNTHESIS_DEADLINE, GLOBAL_SYNTHESIS_DEADLINE);
    assertThat(moved(before, before)).isEmpty();
    Map<String, Object> withNull = new LinkedHashMap<>(before);
    withNull.put(REVIEW_DEADLINE, null);
    assertThat(moved(withNull, before)).containsExactly(REVIEW_DEADLINE);
    assertThat(newlyPast(before, after, LocalDate.parse("2030-05-25"))).containsExactly(REVIEW_DEADLINE,
        REGIONAL_SYNTHESIS_START_DATE);
    assertThat(newlyPast(before, after, LocalDate.parse("2030-05-20"))).as("a deadline of today is not past").isEmpty();
    // Already past before the change: it may move within the past.
    assertThat(newlyPast(before, after, LocalDate.parse("2030-06-03"))).isEmpty();
    // The round tables, date by date: one of them newly in the past.
    Map<String, Object> tables = Map.of(ROUNDTABLE_DATES, "2030-01-10,2030-03-10");
    assertThat(newlyPast(tables, Map.of(ROUNDTABLE_DATES, "2030-01-05,2030-02-01"), LocalDate.parse("2030-02-15")))
        .containsExactly(ROUNDTABLE_DATES);
    assertThat(newlyPast(tables, Map.of(ROUNDTABLE_DATES, "2030-01-05,2030-03-01"), LocalDate.parse("2030-02-15")))
        .isEmpty();
    // A list that changes length is a list of its own, not a move of the cycle's round tables: as at the
    // start, a round table already held is accepted.
    assertThat(newlyPast(tables, Map.of(ROUNDTABLE_DATES, "2030-01-10,2030-02-01,2030-03-10"),
        LocalDate.parse("2030-02-15"))).isEmpty();
    assertThat(newlyPast(tables, Map.of(ROUNDTABLE_DATES, "2030-01-10,2030-03-10,2030-04-01"),
        LocalDate.parse("2030-02-15"))).isEmpty();
    assertThat(newlyPast(Map.of(), Map.of(REVIEW_DEADLINE, "2030-01-01"), LocalDate.parse("2030-02-15")))
        .as("a date set for the first time").containsExactly(REVIEW_DEADLINE);
  }

  @Test
  void givenKeysAreTheCalendarDatesWithAValue() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(HLD_DATE, "2030-10-03");
    values.put(REVIEW_DEADLINE, " ");
    values.put(RCP_MEETING_DATE, null);
    values.put("countryCode", "PHL");
    values.put(SUMMARY_REMINDER_DATE, "2030-05-01");
    assertThat(givenKeys(values)).containsExactly(HLD_DATE, SUMMARY_REMINDER_DATE);
  }

  @Test
  void aChangeKeepsTheDatesGivenBeforeUnlessChangedAgain() {
    Map<String, String> current = resolve(Map.of(HLD_DATE, "2030-10-03", REVIEW_DEADLINE, "2030-06-01"));
    Map<String, String> changed = change(current, Set.of(HLD_DATE, REVIEW_DEADLINE),
        Map.of(REVIEW_DEADLINE, "2030-06-05"));
    assertThat(changed).containsEntry(REVIEW_DEADLINE, "2030-06-05").containsEntry(HLD_DATE, "2030-10-03")
        .containsEntry(REGIONAL_SYNTHESIS_START_DATE, "2030-06-06");
    Map<String, String> hldMoved = change(current, Set.of(REVIEW_DEADLINE), Map.of(HLD_DATE, "2030-10-13"));
    assertThat(hldMoved).containsEntry(REVIEW_DEADLINE, "2030-06-01").containsEntry(NATIONAL_SUMMARY_DEADLINE,
        "2030-05-25");
    // given before but no longer in the calendar: its default again
    Map<String, String> partial = new LinkedHashMap<>(current);
    partial.remove(REVIEW_DEADLINE);
    assertThat(change(partial, Set.of(HLD_DATE, REVIEW_DEADLINE), Map.of())).containsEntry(REVIEW_DEADLINE,
        "2030-05-31");
  }

  private static boolean refused(Map<String, String> calendar) {
    try {
      check(calendar);
      return false;
    } catch (InvalidInputException e) {
      return true;
    }
  }

  private static String shift(String dates, int days) {
    return java.util.Arrays.stream(dates.split(",")).map(d -> LocalDate.parse(d).plusDays(days).toString())
        .collect(java.util.stream.Collectors.joining(","));
  }
}
