package org.hldprep.process.rcpcontribution;

import java.util.List;
import org.hldprep.calendar.CycleCalendar;

/** Keys, element ids, variables, message and outcomes of {@code rcp-contribution} (one RCP's input to the HLD). */
public final class RcpContributionProcess {

  public static final String KEY = "rcp-contribution";

  public static final String START = "StartEvent_RcpContributionRequested";
  public static final String TASK_CONTACT_RCP_CHAIR = "Task_ContactRcpChair";
  public static final String TASK_FIND_RCP_CONTACT = "Task_FindRcpContact";
  public static final String TASK_DRAFT_RCP_INPUT = "Task_DraftRcpInput";
  public static final String TASK_CHASE_RCP_INPUT = "Task_ChaseRcpInput";
  public static final String TASK_LOG_RCP_INPUT = "Task_LogRcpInput";
  public static final String TASK_MARK_RCP_INPUT_LATE = "Task_MarkRcpInputLate";
  public static final String TASK_MARK_DRAFT_RCP_INPUT_LATE = "Task_MarkDraftRcpInputLate";
  public static final String SUB_PROCESS_AWAIT_RCP_INPUT = "SubProcess_AwaitRcpInput";
  /** Intermediate message catch inside {@link #SUB_PROCESS_AWAIT_RCP_INPUT}: where the instance waits for the RCP. */
  public static final String EVENT_RCP_INPUT_RECEIVED = "Event_RcpInputReceived";
  public static final String TIMER_RCP_INPUT_REMINDER = "Timer_RcpInputReminder";
  public static final String TIMER_RCP_INPUT_OVERDUE = "Timer_RcpInputOverdue";
  public static final String TIMER_RCP_INPUT_FINAL_CUT_OFF = "Timer_RcpInputFinalCutOff";
  public static final String TIMER_DRAFT_RCP_INPUT_OVERDUE = "Timer_DraftRcpInputOverdue";
  // Cut-offs (interrupting): no contact by the input deadline, no input by the meeting, not logged by its summary
  public static final String TIMER_CONTACT_CUT_OFF = "Timer_ContactCutOff";
  public static final String TIMER_FIND_CONTACT_CUT_OFF = "Timer_FindContactCutOff";
  public static final String TIMER_DRAFT_RCP_INPUT_CUT_OFF = "Timer_DraftRcpInputCutOff";
  public static final String TIMER_LOG_RCP_INPUT_CUT_OFF = "Timer_LogRcpInputCutOff";
  public static final String END_NO_CONTACT_AT_CUT_OFF = "EndEvent_NoContactAtCutOff";
  public static final String END_NO_CONTACT_FOUND_AT_CUT_OFF = "EndEvent_NoContactFoundAtCutOff";
  public static final String END_DRAFT_NO_INPUT = "EndEvent_DraftNoInput";
  public static final String END_LOG_OPEN_AT_CUT_OFF = "EndEvent_LogOpenAtCutOff";
  public static final String END_INPUT_LOGGED = "EndEvent_InputLogged";
  public static final String END_INPUT_LOGGED_LATE = "EndEvent_InputLoggedLate";
  public static final String END_NOT_INTERESTED = "EndEvent_NotInterested";
  public static final String END_NO_CONTACT = "EndEvent_NoContact";
  public static final String END_NO_INPUT = "EndEvent_NoInput";

  /** The RCP's input arrived (correlate by business key or by process variable {@link #RCP_CODE}). */
  public static final String MESSAGE_RCP_INPUT_RECEIVED = "RcpInputReceived";

  /** The calendar dates this process waits on and is due by (CycleCalendar keys), passed by the master. */
  public static final List<String> CALENDAR_KEYS = List.of(CycleCalendar.RCP_CONTACT_DEADLINE,
      CycleCalendar.RCP_INPUT_REMINDER_DATE, CycleCalendar.RCP_INPUT_DEADLINE, CycleCalendar.RCP_MEETING_DATE,
      CycleCalendar.RCP_MEETING_SUMMARY_DEADLINE);

  /** Code of the RCP in reference/rcps.csv, e.g. colombo-process (start variable, required, lower-cased). */
  public static final String RCP_CODE = "rcpCode";
  /** Name of the RCP, set from the reference data for the forms. */
  public static final String RCP_NAME = "rcpName";
  /** Whether IOM is the RCP's secretariat: from the reference data unless given at the start; the contact form may correct it. */
  public static final String IOM_IS_SECRETARIAT = "iomIsSecretariat";

  // Form fields the gateways decide on, and the input carried by the message
  /** {@code interested}, {@code not-interested} or {@code no-contact}. */
  public static final String RCP_INTEREST = "rcpInterest";
  public static final String NOT_INTERESTED_REASON = "notInterestedReason";
  /** {@code found} or {@code none}. */
  public static final String CONTACT_SEARCH = "contactSearch";
  public static final String RCP_INPUT_LINK = "rcpInputLink";
  public static final String RCP_INPUT_SUMMARY = "rcpInputSummary";

  public static final String OUTCOME_INPUT_LOGGED = "input-logged";
  public static final String OUTCOME_INPUT_LOGGED_LATE = "input-logged-late";
  public static final String OUTCOME_NOT_INTERESTED = "not-interested";
  public static final String OUTCOME_NO_CONTACT = "no-contact";
  public static final String OUTCOME_NO_INPUT = "no-input";
  public static final String OUTCOME_OPEN_AT_CUT_OFF = "open-at-cutoff";

  private RcpContributionProcess() {
  }
}
