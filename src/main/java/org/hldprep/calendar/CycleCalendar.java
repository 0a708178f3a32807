package org.hldprep.calendar;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hldprep.calendar.CycleCalendarDefinitions.Definition;
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
 * the dates that follow it move with it. The 2013 dates and their sources are in
 * {@link CycleCalendarDefinitions}; "inferred" marks a design proposal.
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

  private CycleCalendar() {
  }

  /** Every date of the calendar, bases before the dates that follow them. */
  public static Set<String> keys() {
    return CycleCalendarDefinitions.keys();
  }

  /** Whether a variable name belongs to the calendar. */
  public static boolean isCalendarKey(String name) {
    return CycleCalendarDefinitions.contains(name);
  }

  /** The date a date follows (null for the HLD). */
  public static String base(String key) {
    return CycleCalendarDefinitions.of(key).base();
  }

  /** Days from its base date, as in 2013 (e.g. -47 for the arrangements before the national summaries). */
  public static long offsetDays(String key) {
    Definition definition = CycleCalendarDefinitions.of(key);
    return DAYS.between(CycleCalendarDefinitions.baseIn2013(definition), definition.in2013().get(0));
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
    for (Definition definition : CycleCalendarDefinitions.all()) {
      Object value = given.get(definition.key());
      if (!InputParser.blank(value)) {
        dates.put(definition.key(), normalize(definition, value));
        continue;
      }
      LocalDate base = definition.base() == null ? HLD_2013 : first(dates.get(definition.base()));
      LocalDate baseIn2013 = CycleCalendarDefinitions.baseIn2013(definition);
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
    CycleCalendarOrder.check(calendar);
  }

  /**
   * No date of these keys may be past (before {@code today} in the cycle's zone: a deadline of today
   * runs to the end of the day).
   *
   * @throws InvalidInputException naming every past date
   */
  public static void checkNotPast(Map<String, String> calendar, Set<String> keys, LocalDate today) {
    CycleCalendarPastDates.checkNotPast(calendar, keys, today);
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
    return CycleCalendarPastDates.newlyPast(before, after, today);
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
}
