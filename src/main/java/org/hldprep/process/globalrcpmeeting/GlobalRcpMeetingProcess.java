package org.hldprep.process.globalrcpmeeting;

import java.util.List;
import org.hldprep.calendar.CycleCalendar;

/**
 * Keys, element ids, variables and outcomes of {@code global-rcp-meeting}: the Global Meeting of Chairs
 * and Secretariats of RCPs (Lima, 22–23 May 2013) and its joint contribution to the HLD.
 */
public final class GlobalRcpMeetingProcess {

  /** The calendar dates this process waits on and is due by (CycleCalendar keys), passed by the master. */
  public static final List<String> CALENDAR_KEYS = List.of(CycleCalendar.RCP_CONCEPT_NOTE_DEADLINE,
      CycleCalendar.RCP_INVITATION_DEADLINE, CycleCalendar.RCP_MEETING_DATE, CycleCalendar.RCP_MEETING_SUMMARY_DEADLINE,
      CycleCalendar.RCP_COMMENT_DEADLINE, CycleCalendar.TRANSMITTAL_DEADLINE);

  public static final String KEY = "global-rcp-meeting";

  public static final String START = "StartEvent_RcpMeetingPlanned";
  /** Interrupting: the meeting day comes whatever the preparation reached. */
  public static final String TIMER_PREPARATION_CUT_OFF = "Timer_PreparationCutOff";
  public static final String TASK_TAKE_IN_RCP_INPUTS = "Task_TakeInRcpInputs";
  public static final String TIMER_SUMMARY_CUT_OFF = "Timer_SummaryCutOff";
  public static final String TIMER_COMMENTS_CUT_OFF = "Timer_CommentsCutOff";
  public static final String TIMER_TRANSMIT_CUT_OFF = "Timer_TransmitCutOff";
  public static final String END_SUMMARY_OPEN_AT_CUT_OFF = "EndEvent_SummaryOpenAtCutOff";
  public static final String END_TRANSMIT_OPEN_AT_CUT_OFF = "EndEvent_TransmitOpenAtCutOff";
  public static final String TASK_PREPARE_CONCEPT_NOTE = "Task_PrepareRcpMeetingConceptNote";
  public static final String TASK_SEND_INVITATIONS = "Task_SendRcpMeetingInvitations";
  public static final String TIMER_MEETING_DATE = "Timer_RcpMeetingDate";
  public static final String TASK_DRAFT_SUMMARY = "Task_DraftRcpMeetingSummary";
  public static final String TASK_COLLECT_COMMENTS = "Task_CollectRcpMeetingComments";
  public static final String TASK_TRANSMIT_JOINT_CONTRIBUTION = "Task_TransmitRcpJointContribution";
  public static final String END_TRANSMITTED = "EndEvent_Transmitted";
  public static final String END_SUMMARY_ONLY = "EndEvent_SummaryOnly";

  /** Comment rounds after which the text goes to the HLD as it stands (start variable, default 2). */
  public static final String MAX_COMMENT_ROUNDS = "maxCommentRounds";
  public static final int DEFAULT_MAX_COMMENT_ROUNDS = 2;
  /** Comment rounds held so far, counted when the comment task completes. */
  public static final String COMMENT_ROUNDS = "commentRounds";
  public static final String MEETING_HOST = "meetingHost";
  public static final String MEETING_VENUE = "meetingVenue";
  public static final String MEETING_THEME = "meetingTheme";
  public static final String DEFAULT_MEETING_HOST = "Government of Peru";
  public static final String DEFAULT_MEETING_VENUE = "Lima, Peru";
  public static final String DEFAULT_MEETING_THEME = "Defining the Place of RCPs in a Changing International Migration Landscape";

  // Form fields the gateways decide on
  /** {@code agreed} or {@code declined} (draft form). */
  public static final String JOINT_CONTRIBUTION = "jointContribution";
  /** {@code final}, {@code another-round} or {@code declined} (comment form). */
  public static final String COMMENT_DECISION = "commentDecision";

  public static final String OUTCOME_TRANSMITTED = "transmitted";
  public static final String OUTCOME_SUMMARY_ONLY = "summary-only";
  public static final String OUTCOME_OPEN_AT_CUT_OFF = "open-at-cutoff";

  /** The RCPs whose input had arrived by the meeting day (codes, comma-separated; "none"). */
  public static final String RCP_INPUTS_RECEIVED = "rcpInputsReceived";
  public static final String RCP_INPUTS_RECEIVED_COUNT = "rcpInputsReceivedCount";

  private GlobalRcpMeetingProcess() {
  }
}
