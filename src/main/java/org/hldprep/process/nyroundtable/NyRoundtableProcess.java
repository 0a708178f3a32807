package org.hldprep.process.nyroundtable;

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

  /** Date of the event (start variable, required, ISO date); the co-host form may move it. */
  public static final String EVENT_DATE = "eventDate";
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

  private NyRoundtableProcess() {}
}
