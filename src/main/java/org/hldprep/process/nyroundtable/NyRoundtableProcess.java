package org.hldprep.process.nyroundtable;

import java.util.List;
import java.util.Map;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.platform.input.InputParser;

/**
 * Keys, element ids, variables and outcomes of {@code ny-roundtable}: one of the round-table events on
 * migration and development that IOM's New York office ran with UN DESA, UNFPA and co-hosting
 * governments before the HLD (MC/2353 §11, footnote 5). One instance per event.
 */
public final class NyRoundtableProcess {

  public static final String KEY = "ny-roundtable";

  public static final String START = "StartEvent_RoundtablePlanned";
  public static final String TASK_RECORD_PAST_ROUNDTABLE = "Task_RecordPastRoundtable";
  public static final String TASK_CONFIRM_CO_HOSTS = "Task_ConfirmCoHosts";
  public static final String TASK_PREPARE_BACKGROUND_NOTE = "Task_PrepareBackgroundNote";
  public static final String TASK_INVITE_DELEGATIONS = "Task_InviteDelegations";
  public static final String TIMER_ROUNDTABLE_DAY = "Timer_RoundtableDay";
  public static final String TASK_WRITE_ROUNDTABLE_SUMMARY = "Task_WriteRoundtableSummary";
  public static final String TASK_CLEAR_ROUNDTABLE_SUMMARY = "Task_ClearRoundtableSummary";
  public static final String END_HELD = "EndEvent_RoundtableHeld";
  public static final String END_HELD_BEFORE_CYCLE = "EndEvent_HeldBeforeCycle";
  public static final String END_CALLED_OFF = "EndEvent_CalledOff";
  /**
   * The cut-off of the whole instance, on a branch of its own from the start: when the series report is due, whatever is still
   * open ends {@code open-at-cutoff} (every end event terminates the instance, so the branch ends with it).
   */
  public static final String TIMER_SERIES_REPORT_DUE = "Timer_SeriesReportDue";
  public static final String END_OPEN_AT_CUT_OFF = "EndEvent_OpenAtCutOff";

  /** The dates of the cycle calendar the process uses (its own event date aside, see {@link #eventDate}). */
  public static final List<String> CALENDAR_KEYS = List.of(CycleCalendar.ROUNDTABLE_SERIES_REPORT_DATE);

  /** Date of the event (start variable, required, ISO date); the co-host form may move it. */
  public static final String EVENT_DATE = "eventDate";
  /**
   * Which of the cycle's round tables this is (1 for the first date of {@code roundtableDates}), set by the
   * master: a changed {@code roundtableDates} moves the n-th event (see {@link #eventDate}).
   */
  public static final String ROUNDTABLE_NUMBER = "roundtableNumber";
  /** The event's code in its cycle, e.g. roundtable-2013-01-24 (its planned date): the suffix of its business key. */
  public static final String ROUNDTABLE = "roundtable";
  /**
   * Whether the event's date had passed when the instance started (set by the start listener): such an
   * event is not prepared again, its summary is only recorded (the first 2013 round table, 12 Oct 2012,
   * was held before MC/2353 was issued).
   */
  public static final String HELD_BEFORE_CYCLE = "heldBeforeCycle";

  // Form fields the gateways decide on
  /** {@code confirmed} or {@code called-off}. */
  public static final String CO_HOST_DECISION = "coHostDecision";
  public static final String CO_HOSTS = "coHosts";
  public static final String SUMMARY_LINK = "summaryLink";

  public static final String OUTCOME_HELD = "held";
  public static final String OUTCOME_HELD_BEFORE_CYCLE = "held-before-cycle";
  public static final String OUTCOME_CALLED_OFF = "called-off";
  public static final String OUTCOME_OPEN_AT_CUT_OFF = "open-at-cutoff";

  private NyRoundtableProcess() {
  }

  /** The code of the round table planned on this date: {@code roundtable-2013-01-24}. */
  public static String code(String plannedDate) {
    return "roundtable-" + plannedDate;
  }

  /**
   * The one place that says which date of the cycle calendar is a round table's: the n-th of
   * {@code roundtableDates}. Null when the calendar holds no such event.
   */
  public static String eventDate(Map<String, ?> calendar, Object roundtableNumber) {
    Object dates = calendar.get(CycleCalendar.ROUNDTABLE_DATES);
    if (InputParser.blank(dates) || InputParser.blank(roundtableNumber)) {
      return null;
    }
    String[] list = dates.toString().split(",");
    int number = Integer.parseInt(roundtableNumber.toString().trim());
    return number >= 1 && number <= list.length ? list[number - 1].trim() : null;
  }
}
