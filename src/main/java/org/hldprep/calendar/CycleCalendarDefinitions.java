package org.hldprep.calendar;

import static org.hldprep.calendar.CycleCalendar.*;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every date of the calendar: the date (or dates) it had in 2013 and the date it follows, with the
 * source of each beside it; "inferred" marks a design proposal ({@link CycleCalendar} turns them into
 * offsets).
 */
final class CycleCalendarDefinitions {

  /** A date of the calendar: the date(s) it had in 2013 and the date it follows (null for the HLD). */
  record Definition(String key, String base, List<LocalDate> in2013) {
  }

  /** In dependency order: every base is defined before the dates that follow it. */
  private static final Map<String, Definition> DEFINITIONS = new LinkedHashMap<>();

  static {
    define(HLD_DATE, null, "2013-10-03"); // A/RES/67/219; HLD 3–4 Oct 2013 [R1]
    define(HLD_END_DATE, HLD_DATE, "2013-10-04"); // [R1]
    // National consultations (domain.md WF-1, inferred): summaries by 15 May 2013, before Lima and the
    // regional commission meetings; the government's answer and the arrangements in the months before.
    define(NATIONAL_SUMMARY_DEADLINE, HLD_DATE, "2013-05-15");
    define(SUMMARY_REMINDER_DATE, NATIONAL_SUMMARY_DEADLINE, "2013-05-08"); // a week before
    define(ARRANGEMENTS_DEADLINE, NATIONAL_SUMMARY_DEADLINE, "2013-03-29");
    define(GOVERNMENT_FINAL_DEADLINE, ARRANGEMENTS_DEADLINE, "2013-03-01");
    define(GOVERNMENT_RESPONSE_DEADLINE, GOVERNMENT_FINAL_DEADLINE, "2013-02-15");
    define(REVIEW_DEADLINE, NATIONAL_SUMMARY_DEADLINE, "2013-05-31");
    define(REGIONAL_SYNTHESIS_START_DATE, REVIEW_DEADLINE, "2013-06-01"); // the day after the reviews
    define(REGIONAL_SYNTHESIS_DEADLINE, REGIONAL_SYNTHESIS_START_DATE, "2013-06-15"); // WF-1: syntheses by 15 Jun
    define(GLOBAL_SYNTHESIS_DEADLINE, REGIONAL_SYNTHESIS_DEADLINE, "2013-06-28");
    // RCPs: 4th Global RCP Meeting, Lima, 22–23 May 2013 [R15]; inputs by 30 Apr (WF-2, inferred);
    // concept note twelve and invitations six weeks before the meeting (inferred).
    define(RCP_MEETING_DATE, HLD_DATE, "2013-05-22");
    define(RCP_INPUT_DEADLINE, RCP_MEETING_DATE, "2013-04-30");
    define(RCP_INPUT_REMINDER_DATE, RCP_INPUT_DEADLINE, "2013-04-16"); // two weeks before
    define(RCP_CONTACT_DEADLINE, RCP_INPUT_DEADLINE, "2013-02-28");
    define(RCP_CONCEPT_NOTE_DEADLINE, RCP_MEETING_DATE, "2013-02-27");
    define(RCP_INVITATION_DEADLINE, RCP_MEETING_DATE, "2013-04-10");
    define(RCP_MEETING_SUMMARY_DEADLINE, RCP_MEETING_DATE, "2013-06-14");
    define(RCP_COMMENT_DEADLINE, RCP_MEETING_SUMMARY_DEADLINE, "2013-06-28");
    // Council joint statement (WF-3, inferred): the 102nd (Special) Session of 14 Jun 2013 [R28]; its notice
    // at least 15 days before (Rule 4(b) [R26]) goes out once a 72-hour silence on the final text has ended,
    // so a text final on 27 May still makes the session; transmittal three weeks before the HLD.
    define(SPECIAL_SESSION_DATE, HLD_DATE, "2013-06-14");
    define(FINAL_TEXT_DEADLINE, SPECIAL_SESSION_DATE, "2013-05-27");
    define(ZERO_DRAFT_DEADLINE, FINAL_TEXT_DEADLINE, "2013-03-15");
    define(FOTC_CONSTITUTION_DEADLINE, ZERO_DRAFT_DEADLINE, "2013-01-31");
    define(TRANSMITTAL_DEADLINE, HLD_DATE, "2013-09-13");
    define(ENDORSEMENT_DEADLINE, TRANSMITTAL_DEADLINE, "2013-09-06");
    // Outcome of the HLD (WF-4, inferred): format known about a month after A/RES/67/219 (Dec 2012).
    define(OUTCOME_FORMAT_DEADLINE, HLD_DATE, "2013-01-31");
    define(PGA_INPUT_DEADLINE, HLD_DATE, "2013-06-28");
    // The Director General's briefing (WF-0, inferred): ten days before the HLD, approved three days before.
    define(BRIEFING_PACK_DATE, HLD_DATE, "2013-09-23");
    define(BRIEFING_APPROVAL_DEADLINE, HLD_DATE, "2013-09-30");
    // Report to the 103rd Council, 26–29 Nov 2013 [R31]; drafting starts four weeks before (inferred).
    define(COUNCIL_REPORT_DEADLINE, HLD_DATE, "2013-11-26");
    define(COUNCIL_REPORT_START_DATE, COUNCIL_REPORT_DEADLINE, "2013-10-31");
    // CEB/HLCP paper (WF-5): GMG comment round and submission inferred; HLCP session planned for
    // January 2013 (MC/2353 §11; really held in March 2013 [R11][R12], which a replay expresses with
    // CalendarChanged); CEB first regular session April 2013 [R13] (day inferred); launch 27 Sep 2013 [R14].
    define(HLCP_SESSION_DATE, HLD_DATE, "2013-01-31");
    define(HLCP_SUBMISSION_DEADLINE, HLCP_SESSION_DATE, "2013-01-11");
    define(HLCP_COMMENT_DEADLINE, HLCP_SUBMISSION_DEADLINE, "2012-12-14");
    define(CEB_SESSION_DATE, HLD_DATE, "2013-04-12");
    define(CEB_PAPER_LAUNCH_DATE, HLD_DATE, "2013-09-27");
    // New York round tables and the series report [R10].
    define(ROUNDTABLE_DATES, HLD_DATE, "2012-10-12", "2013-01-24", "2013-02-20", "2013-04-23", "2013-06-07");
    define(ROUNDTABLE_SERIES_REPORT_DATE, HLD_DATE, "2013-09-17");
    // The series report is written in the four weeks before it is due (inferred).
    define(ROUNDTABLE_SERIES_REPORT_START_DATE, ROUNDTABLE_SERIES_REPORT_DATE, "2013-08-20");
    // Regional Commissions (WF-7): inputs to the SG report A/68/190 of 25 Jul 2013 [R48] by 30 Jun
    // (inferred); ESCAP 29 May [R18], ESCWA 4 Jun [R19], ECA 3 Jul [R20]; ECE and ECLAC not found (inferred).
    define(SG_REPORT_INPUT_DEADLINE, HLD_DATE, "2013-06-30");
    define(ECA_MEETING_DATE, HLD_DATE, "2013-07-03");
    define(ECE_MEETING_DATE, HLD_DATE, "2013-06-20");
    define(ECLAC_MEETING_DATE, HLD_DATE, "2013-06-12");
    define(ESCAP_MEETING_DATE, HLD_DATE, "2013-05-29");
    define(ESCWA_MEETING_DATE, HLD_DATE, "2013-06-04");
    // The Director General's statement to the Dialogue: a week before it (inferred).
    define(DG_STATEMENT_DEADLINE, HLD_DATE, "2013-09-26");
    // ... drafted in the four weeks before (inferred).
    define(DG_STATEMENT_START_DATE, DG_STATEMENT_DEADLINE, "2013-08-29");

  }

  private CycleCalendarDefinitions() {
  }

  private static void define(String key, String base, String... datesIn2013) {
    if (base != null && !DEFINITIONS.containsKey(base)) {
      throw new IllegalStateException("Define " + base + " before " + key);
    }
    List<LocalDate> dates = Arrays.stream(datesIn2013).map(LocalDate::parse).toList();
    DEFINITIONS.put(key, new Definition(key, base, dates));
  }

  /** Every key, bases before the dates that follow them. */
  static Set<String> keys() {
    return Collections.unmodifiableSet(DEFINITIONS.keySet());
  }

  /** Every definition, bases before the dates that follow them. */
  static Iterable<Definition> all() {
    return DEFINITIONS.values();
  }

  static boolean contains(String key) {
    return DEFINITIONS.containsKey(key);
  }

  /** The definition of a key, or an IllegalArgumentException naming it. */
  static Definition of(String key) {
    Definition definition = DEFINITIONS.get(key);
    if (definition == null) {
      throw new IllegalArgumentException("Not a calendar date: " + key);
    }
    return definition;
  }

  /** The 2013 date of a base (the HLD's for none). */
  static LocalDate baseIn2013(Definition definition) {
    return definition.base() == null ? HLD_2013 : DEFINITIONS.get(definition.base()).in2013().get(0);
  }
}
