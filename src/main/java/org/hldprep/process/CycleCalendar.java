package org.hldprep.process;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deadlines of one HLD cycle, as ISO dates (yyyy-MM-dd) kept in process variables so that a
 * changed calendar moves them: timers and due dates in the models refer to these variables only.
 *
 * <p>Defaults are the real 2012–2013 dates where a source gives them (domain.md §3: HLD 3–4 Oct 2013,
 * Lima RCP meeting 22–23 May 2013, special Council 14 Jun 2013, 103rd Council 26 Nov 2013) and the
 * inferred deadlines of domain.md §2 otherwise (national summaries 15 May, syntheses 15 Jun, RCP inputs
 * 30 Apr, zero draft 15 Mar 2013). Derived dates (reminders, the briefing pack ten days before the
 * HLD, the Global RCP Meeting's concept note and invitations before the meeting) follow their base
 * date unless given explicitly.
 */
public final class CycleCalendar {

  public static final String HLD_DATE = "hldDate";
  public static final String HLD_END_DATE = "hldEndDate";
  public static final String GOVERNMENT_RESPONSE_DEADLINE = "governmentResponseDeadline";
  public static final String GOVERNMENT_FINAL_DEADLINE = "governmentFinalDeadline";
  public static final String ARRANGEMENTS_DEADLINE = "arrangementsDeadline";
  public static final String SUMMARY_REMINDER_DATE = "summaryReminderDate";
  public static final String NATIONAL_SUMMARY_DEADLINE = "nationalSummaryDeadline";
  public static final String REVIEW_DEADLINE = "reviewDeadline";
  public static final String REGIONAL_SYNTHESIS_DEADLINE = "regionalSynthesisDeadline";
  public static final String GLOBAL_SYNTHESIS_DEADLINE = "globalSynthesisDeadline";
  public static final String RCP_CONTACT_DEADLINE = "rcpContactDeadline";
  public static final String RCP_INPUT_REMINDER_DATE = "rcpInputReminderDate";
  public static final String RCP_INPUT_DEADLINE = "rcpInputDeadline";
  public static final String RCP_MEETING_DATE = "rcpMeetingDate";
  public static final String RCP_CONCEPT_NOTE_DEADLINE = "rcpConceptNoteDeadline";
  public static final String RCP_INVITATION_DEADLINE = "rcpInvitationDeadline";
  public static final String RCP_MEETING_SUMMARY_DEADLINE = "rcpMeetingSummaryDeadline";
  public static final String RCP_COMMENT_DEADLINE = "rcpCommentDeadline";
  public static final String FOTC_CONSTITUTION_DEADLINE = "fotcConstitutionDeadline";
  public static final String ZERO_DRAFT_DEADLINE = "zeroDraftDeadline";
  public static final String FINAL_TEXT_DEADLINE = "finalTextDeadline";
  public static final String SPECIAL_SESSION_DATE = "specialSessionDate";
  /**
   * Last day to choose and run the Council's endorsement of the joint statement. Inferred (domain.md §2
   * WF-3): an intersessional procedure closing by 6 Sep 2013 leaves a week for the transmittal.
   */
  public static final String ENDORSEMENT_DEADLINE = "endorsementDeadline";
  public static final String TRANSMITTAL_DEADLINE = "transmittalDeadline";
  public static final String PGA_INPUT_DEADLINE = "pgaInputDeadline";
  /** When HLD coordination confirms the outcome format of the modalities resolution (inferred). */
  public static final String OUTCOME_FORMAT_DEADLINE = "outcomeFormatDeadline";
  public static final String BRIEFING_PACK_DATE = "briefingPackDate";
  public static final String BRIEFING_APPROVAL_DEADLINE = "briefingApprovalDeadline";
  public static final String COUNCIL_REPORT_DEADLINE = "councilReportDeadline";

  // ---- new-tracks (issue 9 §1): dates of ceb-hlcp-paper, ny-roundtable, regional-commission-input and
  // the Dialogue week, 2013 defaults from domain.md §§0, 3 (the calendar branch derives them from the HLD).
  /** End of the GMG comment round on the CEB/HLCP paper (inferred). */
  public static final String HLCP_COMMENT_DEADLINE = "hlcpCommentDeadline";
  /** Submission of the cleared paper to HLCP (inferred, before the planned January session). */
  public static final String HLCP_SUBMISSION_DEADLINE = "hlcpSubmissionDeadline";
  /** The HLCP session expected to take up the paper: planned January 2013, held March 2013 (move it when it slips). */
  public static final String HLCP_SESSION_DATE = "hlcpSessionDate";
  /** The CEB's first regular session of 2013 (April 2013), expected to endorse the paper. */
  public static final String CEB_SESSION_DATE = "cebSessionDate";
  /** Launch of the joint publication (27 Sep 2013). */
  public static final String CEB_PAPER_LAUNCH_DATE = "cebPaperLaunchDate";
  /** The New York round tables, comma-separated ISO dates (seed footnote 5 and the HLD series page). */
  public static final String ROUNDTABLE_DATES = "roundtableDates";
  /** The round-table series report (17 Sep 2013). */
  public static final String ROUNDTABLE_SERIES_REPORT_DATE = "roundtableSeriesReportDate";
  /** Cut-off for inputs to the Secretary-General's report (inferred: A/68/190 is dated 25 Jul 2013). */
  public static final String SG_REPORT_INPUT_DEADLINE = "sgReportInputDeadline";
  public static final String ECA_MEETING_DATE = "ecaMeetingDate";
  /** No ECE meeting date was found (domain.md §6): inferred. */
  public static final String ECE_MEETING_DATE = "eceMeetingDate";
  /** No ECLAC meeting date was found (domain.md §6): inferred. */
  public static final String ECLAC_MEETING_DATE = "eclacMeetingDate";
  public static final String ESCAP_MEETING_DATE = "escapMeetingDate";
  public static final String ESCWA_MEETING_DATE = "escwaMeetingDate";
  /** The Director General's statement to the Dialogue, a week before it. */
  public static final String DG_STATEMENT_DEADLINE = "dgStatementDeadline";
  /** Calendar values that are lists of dates rather than one date. */
  private static final Set<String> DATE_LISTS = Set.of(ROUNDTABLE_DATES);
  // ---- end new-tracks

  private static final Map<String, String> BASE = base();

  private CycleCalendar() {}

  private static Map<String, String> base() {
    Map<String, String> dates = new LinkedHashMap<>();
    dates.put(HLD_DATE, "2013-10-03");
    dates.put(GOVERNMENT_RESPONSE_DEADLINE, "2013-02-15");
    dates.put(GOVERNMENT_FINAL_DEADLINE, "2013-03-01");
    dates.put(ARRANGEMENTS_DEADLINE, "2013-03-29");
    dates.put(NATIONAL_SUMMARY_DEADLINE, "2013-05-15");
    dates.put(REVIEW_DEADLINE, "2013-05-31");
    dates.put(REGIONAL_SYNTHESIS_DEADLINE, "2013-06-15");
    dates.put(GLOBAL_SYNTHESIS_DEADLINE, "2013-06-28");
    dates.put(RCP_CONTACT_DEADLINE, "2013-02-28");
    dates.put(RCP_INPUT_DEADLINE, "2013-04-30");
    dates.put(RCP_MEETING_DATE, "2013-05-22");
    dates.put(RCP_MEETING_SUMMARY_DEADLINE, "2013-06-14");
    dates.put(RCP_COMMENT_DEADLINE, "2013-06-28");
    dates.put(FOTC_CONSTITUTION_DEADLINE, "2013-01-31");
    dates.put(ZERO_DRAFT_DEADLINE, "2013-03-15");
    dates.put(FINAL_TEXT_DEADLINE, "2013-05-30");
    dates.put(SPECIAL_SESSION_DATE, "2013-06-14");
    dates.put(ENDORSEMENT_DEADLINE, "2013-09-06");
    dates.put(TRANSMITTAL_DEADLINE, "2013-09-13");
    dates.put(PGA_INPUT_DEADLINE, "2013-06-28");
    // inferred: about a month after the modalities resolution A/RES/67/219 (Dec 2012, domain.md §0)
    dates.put(OUTCOME_FORMAT_DEADLINE, "2013-01-31");
    dates.put(COUNCIL_REPORT_DEADLINE, "2013-11-26");
    // ---- new-tracks (issue 9 §1)
    dates.put(HLCP_COMMENT_DEADLINE, "2012-12-14");
    dates.put(HLCP_SUBMISSION_DEADLINE, "2013-01-11");
    dates.put(HLCP_SESSION_DATE, "2013-01-31");
    dates.put(CEB_SESSION_DATE, "2013-04-12");
    dates.put(CEB_PAPER_LAUNCH_DATE, "2013-09-27");
    dates.put(ROUNDTABLE_DATES, "2012-10-12,2013-01-24,2013-02-20,2013-04-23,2013-06-07");
    dates.put(ROUNDTABLE_SERIES_REPORT_DATE, "2013-09-17");
    dates.put(SG_REPORT_INPUT_DEADLINE, "2013-06-30");
    dates.put(ECA_MEETING_DATE, "2013-07-03");
    dates.put(ECE_MEETING_DATE, "2013-06-20");
    dates.put(ECLAC_MEETING_DATE, "2013-06-12");
    dates.put(ESCAP_MEETING_DATE, "2013-05-29");
    dates.put(ESCWA_MEETING_DATE, "2013-06-04");
    // ---- end new-tracks
    return Collections.unmodifiableMap(dates);
  }

  /** Every calendar variable name, base and derived. */
  public static Set<String> keys() {
    return resolve(Map.of()).keySet();
  }

  /**
   * The full calendar: the given dates (any subset, e.g. start variables or a CalendarChanged
   * message) over the defaults, with derived dates following their base unless given.
   *
   * @throws IllegalArgumentException naming the variable whose value is not an ISO date
   */
  public static Map<String, String> resolve(Map<String, ?> given) {
    Map<String, String> dates = new LinkedHashMap<>(BASE);
    for (String key : BASE.keySet()) {
      copyIfGiven(given, key, dates);
    }
    derive(dates, given, HLD_END_DATE, parse(HLD_DATE, dates.get(HLD_DATE)).plusDays(1));
    derive(dates, given, SUMMARY_REMINDER_DATE, parse(NATIONAL_SUMMARY_DEADLINE, dates.get(NATIONAL_SUMMARY_DEADLINE)).minusDays(7));
    derive(dates, given, RCP_INPUT_REMINDER_DATE, parse(RCP_INPUT_DEADLINE, dates.get(RCP_INPUT_DEADLINE)).minusDays(14));
    // Global RCP Meeting (inferred): concept note twelve weeks and invitations six weeks before the meeting.
    derive(dates, given, RCP_CONCEPT_NOTE_DEADLINE, parse(RCP_MEETING_DATE, dates.get(RCP_MEETING_DATE)).minusWeeks(12));
    derive(dates, given, RCP_INVITATION_DEADLINE, parse(RCP_MEETING_DATE, dates.get(RCP_MEETING_DATE)).minusWeeks(6));
    derive(dates, given, BRIEFING_PACK_DATE, parse(HLD_DATE, dates.get(HLD_DATE)).minusDays(10));
    derive(dates, given, BRIEFING_APPROVAL_DEADLINE, parse(HLD_DATE, dates.get(HLD_DATE)).minusDays(3));
    derive(dates, given, DG_STATEMENT_DEADLINE, parse(HLD_DATE, dates.get(HLD_DATE)).minusDays(7)); // new-tracks
    return dates;
  }

  /** The dates computed from another unless given: they move with their base when it moves. */
  public static Set<String> derivedKeys() {
    Set<String> derived = new java.util.LinkedHashSet<>(keys());
    derived.removeAll(BASE.keySet());
    return derived;
  }

  /** Whether a variable name belongs to the calendar. */
  public static boolean isCalendarKey(String name) {
    return keys().contains(name);
  }

  private static void copyIfGiven(Map<String, ?> given, String key, Map<String, String> dates) {
    Object value = given.get(key);
    if (value != null && !value.toString().isBlank()) {
      dates.put(key, DATE_LISTS.contains(key) ? String.join(",", dates(key, value).stream().map(LocalDate::toString)
          .toList()) : parse(key, value.toString()).toString());
    }
  }

  private static void derive(Map<String, String> dates, Map<String, ?> given, String key, LocalDate fallback) {
    dates.put(key, fallback.toString());
    copyIfGiven(given, key, dates);
  }

  // ---- new-tracks (issue 9 §1): the same checks for dates that live outside the calendar map
  /**
   * A date a process holds for itself (an event's or a meeting's own date), read as the calendar reads
   * its dates: one parser for all of them.
   *
   * @throws IllegalArgumentException naming the variable whose value is not an ISO date
   */
  public static LocalDate date(String key, Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException(key + " must be an ISO date (yyyy-MM-dd), got nothing");
    }
    return parse(key, value.toString().trim());
  }

  /**
   * A list of dates (text separated by commas or semicolons, a JSON array text or a collection), in
   * order and without repeats, e.g. {@value #ROUNDTABLE_DATES}.
   *
   * @throws IllegalArgumentException naming the variable and the value that is not an ISO date
   */
  public static List<LocalDate> dates(String key, Object value) {
    String text = value instanceof java.util.Collection<?> items
        ? items.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(value);
    return Arrays.stream(text.replaceAll("[\\[\\]\"]", "").split("[,;]")).map(String::trim)
        .filter(part -> !part.isEmpty()).map(part -> parse(key, part)).distinct().sorted().toList();
  }
  // ---- end new-tracks

  private static LocalDate parse(String key, String value) {
    try {
      // Camunda Forms date fields send yyyy-MM-dd; tolerate a full timestamp from REST clients.
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " must be an ISO date (yyyy-MM-dd), got '" + value + "'");
    }
  }
}
