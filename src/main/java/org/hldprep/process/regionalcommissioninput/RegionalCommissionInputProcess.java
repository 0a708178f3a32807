package org.hldprep.process.regionalcommissioninput;

import java.util.List;
import java.util.Map;
import org.hldprep.calendar.CycleCalendar;

/**
 * Keys, element ids, variables and outcomes of {@code regional-commission-input}: one UN Regional
 * Commission's preparatory meeting for the HLD, co-organized by the IOM offices that cover it, and the
 * way its outcome reaches the Secretary-General's report or the Dialogue (MC/2353 §12).
 */
public final class RegionalCommissionInputProcess {

  public static final String KEY = "regional-commission-input";

  public static final String START = "StartEvent_CommissionInputRequested";
  public static final String TASK_AGREE_CO_ORGANIZATION = "Task_AgreeCoOrganization";
  public static final String TASK_WRITE_INPUT_PAPER = "Task_WriteInputPaper";
  public static final String TIMER_MEETING_DAY = "Timer_MeetingDay";
  public static final String TASK_REVIEW_CHAIR_SUMMARY = "Task_ReviewChairSummary";
  public static final String TASK_FORWARD_INPUT_TO_DESA = "Task_ForwardInputToDesa";
  public static final String TIMER_SG_REPORT_CUT_OFF_PASSED = "Timer_SgReportCutOffPassed";
  public static final String TASK_FORWARD_INPUT_TO_DIALOGUE = "Task_ForwardInputToDialogue";
  public static final String END_FORWARDED_TO_DESA = "EndEvent_ForwardedToDesa";
  public static final String END_FORWARDED_TO_DIALOGUE = "EndEvent_ForwardedToDialogue";
  public static final String END_NOT_CO_ORGANIZED = "EndEvent_NotCoOrganized";
  /**
   * The cut-off of the whole instance, on a branch of its own from the start: when the Dialogue is over, whatever is still
   * open ends {@code open-at-cutoff} (every end event terminates the instance, so the branch ends with it).
   */
  public static final String TIMER_DIALOGUE_OVER = "Timer_DialogueOver";
  public static final String END_OPEN_AT_CUT_OFF = "EndEvent_OpenAtCutOff";

  /** The dates of the cycle calendar the process uses, its own meeting date aside (see {@link #meetingDate}). */
  public static final List<String> CALENDAR_KEYS = List.of(CycleCalendar.SG_REPORT_INPUT_DEADLINE,
      CycleCalendar.HLD_DATE, CycleCalendar.HLD_END_DATE);

  /** Code of the commission in reference/regional-commissions.csv: eca, ece, eclac, escap, escwa (required). */
  public static final String COMMISSION_CODE = "commissionCode";
  public static final String COMMISSION_NAME = "commissionName";
  /**
   * Day the meeting opens: the commission's date of the cycle calendar at the start (see
   * {@link #MEETING_DATE_KEYS}); the co-organization form confirms or moves it.
   */
  public static final String MEETING_DATE = "meetingDate";
  /** Set when the chair's summary is reviewed: whether the meeting opened on or before the SG report cut-off. */
  public static final String MEETING_BEFORE_CUT_OFF = "meetingBeforeCutOff";

  /** The one place that says which calendar date is which commission's meeting. */
  public static final Map<String, String> MEETING_DATE_KEYS = Map.of(
      "eca", CycleCalendar.ECA_MEETING_DATE,
      "ece", CycleCalendar.ECE_MEETING_DATE,
      "eclac", CycleCalendar.ECLAC_MEETING_DATE,
      "escap", CycleCalendar.ESCAP_MEETING_DATE,
      "escwa", CycleCalendar.ESCWA_MEETING_DATE);

  // Form fields the gateways decide on
  /** {@code agreed} or {@code declined}. */
  public static final String CO_ORGANIZATION = "coOrganization";
  public static final String CHAIR_SUMMARY_LINK = "chairSummaryLink";

  public static final String OUTCOME_FORWARDED_TO_DESA = "forwarded-to-desa";
  public static final String OUTCOME_FORWARDED_TO_DIALOGUE = "forwarded-to-dialogue";
  public static final String OUTCOME_NOT_CO_ORGANIZED = "not-co-organized";
  public static final String OUTCOME_OPEN_AT_CUT_OFF = "open-at-cutoff";

  private RegionalCommissionInputProcess() {
  }

  /** A commission's meeting date in the cycle calendar (by {@link #MEETING_DATE_KEYS}), or null. */
  public static String meetingDate(Map<String, ?> calendar, Object commissionCode) {
    String key = commissionCode == null ? null : MEETING_DATE_KEYS.get(commissionCode.toString());
    Object date = key == null ? null : calendar.get(key);
    return date == null ? null : date.toString();
  }
}
