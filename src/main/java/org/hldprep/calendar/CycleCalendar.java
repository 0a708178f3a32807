package org.hldprep.calendar;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hldprep.platform.input.InputParser;
import org.hldprep.platform.input.InvalidInputException;

/**
 * The dates of one HLD cycle, every one of them an offset from the date of the Dialogue.
 *
 * <p><b>Offsets.</b> Each date follows a base date (the HLD itself, or an earlier link of its own track,
 * e.g. the government's answer follows the arrangements, which follow the national summaries, which
 * follow the HLD). Its offset is the distance between the two in the real 2013 calendar (domain.md §3:
 * HLD 3 Oct 2013), so a cycle with {@code hldDate} 2013-10-03 reproduces the 2013 dates exactly, and a
 * cycle with any other HLD gets the same calendar moved. A date given explicitly overrides its default;
 * the dates that follow it move with it. Sources are noted per date; "inferred" marks a design proposal.
 *
 * <p><b>Checks.</b> {@link #check} enforces the order of each track's dates and that every date but the
 * HLD's own end and the Council report comes before the Dialogue, naming both dates of a broken pair;
 * {@link #checkNotPast} refuses dates already past unless the cycle replays a past year (but for round
 * tables, which may have been held before the cycle starts: they are recorded, not prepared).
 *
 * <p>Dates are ISO dates (yyyy-MM-dd) in process variables; {@link Deadlines} turns them into instants
 * in the cycle's {@value #TIME_ZONE}. {@value #ROUNDTABLE_DATES} holds a comma-separated list of dates.
 */
public final class CycleCalendar {

  public static final String HLD_DATE = "hldDate";
  /** Last day of the Dialogue (3–4 Oct 2013); "the HLD has passed" at its end. */
  public static final String HLD_END_DATE = "hldEndDate";
  public static final String GOVERNMENT_RESPONSE_DEADLINE = "governmentResponseDeadline";
  public static final String GOVERNMENT_FINAL_DEADLINE = "governmentFinalDeadline";
  public static final String ARRANGEMENTS_DEADLINE = "arrangementsDeadline";
  public static final String SUMMARY_REMINDER_DATE = "summaryReminderDate";
  public static final String NATIONAL_SUMMARY_DEADLINE = "nationalSummaryDeadline";
  public static final String REVIEW_DEADLINE = "reviewDeadline";
  /** The Regional Offices start their syntheses (earlier if all of a region's consultations ended). */
  public static final String REGIONAL_SYNTHESIS_START_DATE = "regionalSynthesisStartDate";
  /** Regional syntheses due; also the hard cut-off of the national consultations. */
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
  /** Last day to choose and run the Council's endorsement of the joint statement. */
  public static final String ENDORSEMENT_DEADLINE = "endorsementDeadline";
  public static final String TRANSMITTAL_DEADLINE = "transmittalDeadline";
  public static final String PGA_INPUT_DEADLINE = "pgaInputDeadline";
  /** When HLD coordination confirms the outcome format of the modalities resolution. */
  public static final String OUTCOME_FORMAT_DEADLINE = "outcomeFormatDeadline";
  public static final String BRIEFING_PACK_DATE = "briefingPackDate";
  public static final String BRIEFING_APPROVAL_DEADLINE = "briefingApprovalDeadline";
  /** The report to the Council is started on this date at the latest, whatever is still open. */
  public static final String COUNCIL_REPORT_START_DATE = "councilReportStartDate";
  public static final String COUNCIL_REPORT_DEADLINE = "councilReportDeadline";
  // The three tracks of MC/2353 §§11–12 and the Dialogue week (issue 9): dates held here for their models.
  public static final String HLCP_COMMENT_DEADLINE = "hlcpCommentDeadline";
  public static final String HLCP_SUBMISSION_DEADLINE = "hlcpSubmissionDeadline";
  public static final String HLCP_SESSION_DATE = "hlcpSessionDate";
  public static final String CEB_SESSION_DATE = "cebSessionDate";
  public static final String CEB_PAPER_LAUNCH_DATE = "cebPaperLaunchDate";
  /** The New York round tables: a comma-separated list of ISO dates. */
  public static final String ROUNDTABLE_DATES = "roundtableDates";
  /** The series report starts on this date at the latest, or earlier once every round table has ended. */
  public static final String ROUNDTABLE_SERIES_REPORT_START_DATE = "roundtableSeriesReportStartDate";
  public static final String ROUNDTABLE_SERIES_REPORT_DATE = "roundtableSeriesReportDate";
  public static final String SG_REPORT_INPUT_DEADLINE = "sgReportInputDeadline";
  public static final String ECA_MEETING_DATE = "ecaMeetingDate";
  public static final String ECE_MEETING_DATE = "eceMeetingDate";
  public static final String ECLAC_MEETING_DATE = "eclacMeetingDate";
  public static final String ESCAP_MEETING_DATE = "escapMeetingDate";
  public static final String ESCWA_MEETING_DATE = "escwaMeetingDate";
  /** The Director General's statement to the Dialogue: drafting starts, and the draft is due. */
  public static final String DG_STATEMENT_START_DATE = "dgStatementStartDate";
  public static final String DG_STATEMENT_DEADLINE = "dgStatementDeadline";

  /**
   * The cycle's time zone (IANA id): a date means that day there. Start variable, default {@value
   * #DEFAULT_TIME_ZONE}, the zone of Geneva (IANA has no "Europe/Geneva"; given, it is read as Zurich's).
   */
  public static final String TIME_ZONE = "timeZone";
  public static final String DEFAULT_TIME_ZONE = InputParser.GENEVA_ZONE;
  /** The cycle replays a past year: dates already past are accepted (and their timers fire at once). */
  public static final String REPLAY = "replay";
  /** The calendar keys given explicitly (JSON list): they keep their value when their base date moves. */
  public static final String GIVEN_DATES = "calendarGiven";

  /** The date of the Dialogue in 2013, the origin of every offset. */
  static final LocalDate HLD_2013 = LocalDate.of(2013, 10, 3);

  /** A date of the calendar: the date(s) it had in 2013 and the date it follows. */
  private record Definition(String key, String base, List<LocalDate> in2013) {
  }

  /** In dependency order: every base is defined before the dates that follow it. */
  private static final Map<String, Definition> DEFINITIONS = new LinkedHashMap<>();

  /** Pairs that must come in this order: (earlier, later, may they fall on the same day). */
  private record Order(String earlier, String later, boolean sameDayAllowed) {
  }

  private static final List<Order> ORDER = new ArrayList<>();

  /** The dates that come after the start of the Dialogue; every other date must come before it. */
  private static final Set<String> AFTER_THE_HLD = Set.of(HLD_END_DATE, COUNCIL_REPORT_START_DATE,
      COUNCIL_REPORT_DEADLINE);

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

    // Within each track (issue 8 §2).
    chain(GOVERNMENT_RESPONSE_DEADLINE, GOVERNMENT_FINAL_DEADLINE, ARRANGEMENTS_DEADLINE, NATIONAL_SUMMARY_DEADLINE,
        REVIEW_DEADLINE, REGIONAL_SYNTHESIS_DEADLINE, GLOBAL_SYNTHESIS_DEADLINE);
    chain(SUMMARY_REMINDER_DATE, NATIONAL_SUMMARY_DEADLINE);
    chain(REVIEW_DEADLINE, REGIONAL_SYNTHESIS_START_DATE);
    ORDER.add(new Order(REGIONAL_SYNTHESIS_START_DATE, REGIONAL_SYNTHESIS_DEADLINE, true));
    chain(RCP_CONTACT_DEADLINE, RCP_INPUT_DEADLINE, RCP_MEETING_DATE, RCP_MEETING_SUMMARY_DEADLINE,
        RCP_COMMENT_DEADLINE);
    chain(RCP_INPUT_REMINDER_DATE, RCP_INPUT_DEADLINE);
    chain(RCP_CONCEPT_NOTE_DEADLINE, RCP_INVITATION_DEADLINE, RCP_MEETING_DATE);
    chain(FOTC_CONSTITUTION_DEADLINE, ZERO_DRAFT_DEADLINE, FINAL_TEXT_DEADLINE, ENDORSEMENT_DEADLINE,
        TRANSMITTAL_DEADLINE);
    chain(FINAL_TEXT_DEADLINE, SPECIAL_SESSION_DATE);
    ORDER.add(new Order(SPECIAL_SESSION_DATE, ENDORSEMENT_DEADLINE, true));
    chain(OUTCOME_FORMAT_DEADLINE, PGA_INPUT_DEADLINE);
    chain(BRIEFING_PACK_DATE, BRIEFING_APPROVAL_DEADLINE, HLD_DATE);
    ORDER.add(new Order(HLD_DATE, HLD_END_DATE, true));
    chain(HLD_END_DATE, COUNCIL_REPORT_START_DATE);
    ORDER.add(new Order(COUNCIL_REPORT_START_DATE, COUNCIL_REPORT_DEADLINE, true));
    chain(HLCP_COMMENT_DEADLINE, HLCP_SUBMISSION_DEADLINE, HLCP_SESSION_DATE, CEB_SESSION_DATE, CEB_PAPER_LAUNCH_DATE);
    ORDER.add(new Order(CEB_PAPER_LAUNCH_DATE, HLD_DATE, true));
    chain(ROUNDTABLE_DATES, ROUNDTABLE_SERIES_REPORT_START_DATE);
    ORDER.add(new Order(ROUNDTABLE_SERIES_REPORT_START_DATE, ROUNDTABLE_SERIES_REPORT_DATE, true));
    chain(DG_STATEMENT_START_DATE, DG_STATEMENT_DEADLINE);
    // Against the Dialogue: everything before it but its own end and the report to the Council.
    for (String key : DEFINITIONS.keySet()) {
      if (!key.equals(HLD_DATE) && !AFTER_THE_HLD.contains(key) && !key.equals(CEB_PAPER_LAUNCH_DATE)
          && !key.equals(BRIEFING_APPROVAL_DEADLINE)) {
        ORDER.add(new Order(key, HLD_DATE, false));
      }
    }
  }

  private CycleCalendar() {
  }

  private static void define(String key, String base, String... datesIn2013) {
    if (base != null && !DEFINITIONS.containsKey(base)) {
      throw new IllegalStateException("Define " + base + " before " + key);
    }
    List<LocalDate> dates = java.util.Arrays.stream(datesIn2013).map(LocalDate::parse).toList();
    DEFINITIONS.put(key, new Definition(key, base, dates));
  }

  private static void chain(String... keys) {
    for (int i = 1; i < keys.length; i++) {
      ORDER.add(new Order(keys[i - 1], keys[i], false));
    }
  }

  /** Every date of the calendar, bases before the dates that follow them. */
  public static Set<String> keys() {
    return Collections.unmodifiableSet(DEFINITIONS.keySet());
  }

  /** Whether a variable name belongs to the calendar. */
  public static boolean isCalendarKey(String name) {
    return DEFINITIONS.containsKey(name);
  }

  /** The date a date follows (null for the HLD). */
  public static String base(String key) {
    return definition(key).base();
  }

  /** Days from its base date, as in 2013 (e.g. -47 for the arrangements before the national summaries). */
  public static long offsetDays(String key) {
    Definition definition = definition(key);
    LocalDate base = definition.base() == null ? HLD_2013 : DEFINITIONS.get(definition.base()).in2013().get(0);
    return DAYS.between(base, definition.in2013().get(0));
  }

  /** The calendar keys among these names whose value is given (not blank). */
  public static Set<String> givenKeys(Map<String, ?> values) {
    return values.entrySet().stream().filter(e -> isCalendarKey(e.getKey()) && !InputParser.blank(e.getValue()))
        .map(Map.Entry::getKey).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * The full calendar: the given dates (any subset of the keys; other names are ignored) over the
   * defaults, each default its base date plus its 2013 offset.
   *
   * @throws InvalidInputException naming the date that is not an ISO date
   */
  public static Map<String, String> resolve(Map<String, ?> given) {
    Map<String, String> dates = new LinkedHashMap<>();
    for (Definition definition : DEFINITIONS.values()) {
      Object value = given.get(definition.key());
      if (!InputParser.blank(value)) {
        dates.put(definition.key(), normalize(definition, value));
        continue;
      }
      LocalDate base = definition.base() == null ? HLD_2013 : first(dates.get(definition.base()));
      LocalDate baseIn2013 = definition.base() == null ? HLD_2013 : DEFINITIONS.get(definition.base()).in2013().get(0);
      dates.put(definition.key(), definition.in2013().stream()
          .map(d -> base.plusDays(DAYS.between(baseIn2013, d)).toString()).collect(Collectors.joining(",")));
    }
    return dates;
  }

  /**
   * The calendar after a change (CalendarChanged): the dates given so far and the changed ones keep
   * their value, every other date follows its base again.
   */
  public static Map<String, String> change(Map<String, ?> current, Set<String> givenBefore, Map<String, ?> changes) {
    Map<String, Object> given = new LinkedHashMap<>();
    for (String key : givenBefore) {
      if (current.get(key) != null) {
        given.put(key, current.get(key));
      }
    }
    given.putAll(changes);
    return resolve(given);
  }

  /**
   * A checked change: {@link #change}, then the order, then (unless it replays a past year) no date
   * that was still ahead moved into the past.
   *
   * @throws InvalidInputException naming the dates at fault
   */
  public static Map<String, String> changeChecked(Map<String, ?> current, Set<String> givenBefore,
      Map<String, ?> changes, boolean replay, LocalDate today) {
    for (String key : changes.keySet()) {
      if (!isCalendarKey(key)) {
        throw new InvalidInputException("Unknown calendar date '" + key + "': expected one of "
            + String.join(", ", keys()));
      }
    }
    Map<String, String> changed = change(current, givenBefore, changes);
    check(changed);
    Object roundtablesBefore = current.get(ROUNDTABLE_DATES);
    if (changes.containsKey(ROUNDTABLE_DATES) && !InputParser.blank(roundtablesBefore)) {
      int before = roundtablesBefore.toString().split(",").length;
      int after = changed.get(ROUNDTABLE_DATES).split(",").length;
      if (before != after) {
        throw new InvalidInputException(
            ROUNDTABLE_DATES + " lists " + before + " round tables in this cycle, the change "
                + after + ": a running cycle keeps its events, one child each; give " + before + " dates (the n-th date"
                + " moves the n-th round table)");
      }
    }
    if (!replay) {
      Set<String> past = newlyPast(current, changed, today);
      if (!past.isEmpty()) {
        throw new InvalidInputException("The change would put dates that are still ahead in the past: "
            + past.stream().map(k -> k + " (" + changed.get(k) + ")").collect(Collectors.joining(", "))
            + " (today is " + today + "). Give later dates, or \"replay\": true to replay a past cycle");
      }
    }
    return changed;
  }

  /**
   * The order of the dates: within each track, and against the HLD (all before it but its own end and
   * the report to the Council).
   *
   * @throws InvalidInputException naming both dates of every broken pair
   */
  public static void check(Map<String, String> calendar) {
    List<String> problems = new ArrayList<>();
    for (Order order : ORDER) {
      String earlierValue = calendar.get(order.earlier());
      String laterValue = calendar.get(order.later());
      if (earlierValue == null || laterValue == null) {
        continue;
      }
      LocalDate earlier = last(earlierValue);
      LocalDate later = first(laterValue);
      boolean ok = order.sameDayAllowed() ? !earlier.isAfter(later) : earlier.isBefore(later);
      if (!ok) {
        problems.add(order.later() + " (" + laterValue + ") must come " + (order.sameDayAllowed() ? "on or " : "")
            + "after " + order.earlier() + " (" + earlierValue + ")");
      }
    }
    String roundtables = calendar.get(ROUNDTABLE_DATES);
    if (roundtables != null) {
      List<LocalDate> dates = InputParser.dates(ROUNDTABLE_DATES, roundtables);
      for (int i = 1; i < dates.size(); i++) {
        if (!dates.get(i - 1).isBefore(dates.get(i))) {
          problems.add(ROUNDTABLE_DATES + " must list the round tables in order: " + dates.get(i) + " comes after "
              + dates.get(i - 1));
        }
      }
    }
    refuse(problems);
  }

  /**
   * No date of these keys may be past (before {@code today} in the cycle's zone: a deadline of today
   * runs to the end of the day).
   *
   * @throws InvalidInputException naming every past date
   */
  public static void checkNotPast(Map<String, String> calendar, Set<String> keys, LocalDate today) {
    List<String> problems = new ArrayList<>();
    for (String key : keys) {
      if (key.equals(ROUNDTABLE_DATES)) {
        // A round table whose day is over was held before the cycle: its summary is recorded, nothing is
        // prepared (ny-roundtable's held-before-cycle), so a past event is accepted, replay or not.
        continue;
      }
      String value = calendar.get(key);
      if (value != null && first(value).isBefore(today)) {
        problems.add(key + " (" + value + ") is already past (today is " + today + ")");
      }
    }
    refuse(problems, ". Give later dates (hldDate alone will do, far enough ahead), or \"replay\": true to replay"
        + " a past cycle");
  }

  /** The keys whose dates differ between two calendars. */
  public static Set<String> moved(Map<String, ?> before, Map<String, String> after) {
    Set<String> moved = new LinkedHashSet<>();
    after.forEach((key, value) -> {
      if (!Objects.equals(value, before.get(key) == null ? null : before.get(key).toString())) {
        moved.add(key);
      }
    });
    return moved;
  }

  /**
   * The moved dates that a change would newly put in the past: a date that was still ahead and is now
   * before today. (A date already past may be corrected: its deadline has fallen due anyway.)
   */
  public static Set<String> newlyPast(Map<String, ?> before, Map<String, String> after, LocalDate today) {
    Set<String> past = new LinkedHashSet<>();
    for (String key : moved(before, after)) {
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

  private static void refuse(List<String> problems) {
    refuse(problems, "");
  }

  private static void refuse(List<String> problems, String advice) {
    if (problems.isEmpty()) {
      return;
    }
    int shown = Math.min(problems.size(), 6);
    String message = "The calendar does not hold together: " + String.join("; ", problems.subList(0, shown))
        + (problems.size() > shown ? "; and " + (problems.size() - shown) + " more" : "") + advice;
    throw new InvalidInputException(message);
  }

  private static String normalize(Definition definition, Object value) {
    if (definition.in2013().size() > 1) {
      return InputParser.dates(definition.key(), value).stream().map(LocalDate::toString)
          .collect(Collectors.joining(","));
    }
    return InputParser.date(definition.key(), value).toString();
  }

  /** The first date of a value (the value itself, or the first of a list). */
  static LocalDate first(String value) {
    return LocalDate.parse(value.split(",")[0].trim());
  }

  /** The last date of a value. */
  static LocalDate last(String value) {
    String[] dates = value.split(",");
    return LocalDate.parse(dates[dates.length - 1].trim());
  }

  private static Definition definition(String key) {
    Definition definition = DEFINITIONS.get(key);
    if (definition == null) {
      throw new IllegalArgumentException("Not a calendar date: " + key);
    }
    return definition;
  }
}
