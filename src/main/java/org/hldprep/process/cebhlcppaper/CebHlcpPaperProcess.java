package org.hldprep.process.cebhlcppaper;

import java.util.List;
import java.util.Set;
import org.hldprep.calendar.CycleCalendar;

/**
 * Keys, element ids, variables, messages and outcomes of {@code ceb-hlcp-paper}: the UN system's
 * recommendations paper for the HLD that IOM drafts with UNFPA for the CEB through its High-Level
 * Committee on Programmes (MC/2353 §11).
 */
public final class CebHlcpPaperProcess {

  public static final String KEY = "ceb-hlcp-paper";

  public static final String START = "StartEvent_PaperRequested";
  public static final String TASK_DRAFT_IOM_RECOMMENDATIONS = "Task_DraftIomRecommendations";
  public static final String TASK_CONSOLIDATE_JOINT_DRAFT = "Task_ConsolidateJointDraft";
  public static final String TASK_CIRCULATE_DRAFT_TO_GMG = "Task_CirculateDraftToGmg";
  public static final String TASK_COLLECT_GMG_COMMENTS = "Task_CollectGmgComments";
  public static final String TIMER_GMG_COMMENT_DEADLINE = "Timer_GmgCommentDeadline";
  public static final String TASK_REVISE_DRAFT_WITH_GMG_COMMENTS = "Task_ReviseDraftWithGmgComments";
  public static final String TASK_CLEAR_PAPER = "Task_ClearPaper";
  public static final String TASK_REVISE_PAPER_FOR_DG = "Task_RevisePaperForDg";
  public static final String TASK_SUBMIT_PAPER_TO_HLCP = "Task_SubmitPaperToHlcp";
  public static final String SUB_PROCESS_AWAIT_HLCP_OUTCOME = "SubProcess_AwaitHlcpOutcome";
  /** Message catch inside {@link #SUB_PROCESS_AWAIT_HLCP_OUTCOME}: where the instance waits for HLCP. */
  public static final String EVENT_HLCP_OUTCOME_RECEIVED = "Event_HlcpOutcomeReceived";
  /** Timer start of the event sub-process that chases the outcome once the HLCP session day is over. */
  public static final String TIMER_HLCP_SESSION_PASSED = "StartEvent_HlcpSessionPassed";
  public static final String TASK_CHASE_HLCP_OUTCOME = "Task_ChaseHlcpOutcome";
  public static final String TIMER_HLCP_OUTCOME_CUT_OFF = "Timer_HlcpOutcomeCutOff";
  public static final String TASK_REVISE_PAPER_FOR_HLCP = "Task_RevisePaperForHlcp";
  public static final String EVENT_CEB_DECISION_RECEIVED = "Event_CebDecisionReceived";
  public static final String TIMER_CEB_SESSION_PASSED = "StartEvent_CebSessionPassed";
  public static final String TASK_CHASE_CEB_DECISION = "Task_ChaseCebDecision";
  public static final String TIMER_CEB_DECISION_CUT_OFF = "Timer_CebDecisionCutOff";
  public static final String TASK_SHARE_PAPER_IN_GENEVA = "Task_SharePaperInGeneva";
  public static final String TASK_SHARE_PAPER_IN_NEW_YORK = "Task_SharePaperInNewYork";
  public static final String TASK_LAUNCH_PUBLICATION = "Task_LaunchPublication";
  public static final String END_LAUNCHED = "EndEvent_PaperLaunched";
  public static final String END_NOT_CLEARED = "EndEvent_NotCleared";
  public static final String END_HLCP_NOT_WELCOMED = "EndEvent_HlcpNotWelcomed";
  public static final String END_NO_HLCP_OUTCOME = "EndEvent_NoHlcpOutcome";
  public static final String END_NOT_ENDORSED = "EndEvent_NotEndorsed";
  public static final String END_NO_CEB_DECISION = "EndEvent_NoCebDecision";
  /**
   * The cut-off of the whole instance, on a branch of its own from the start: when the Dialogue opens, whatever is still
   * open ends {@code open-at-cutoff} (every end event terminates the instance, so the branch ends with it).
   */
  public static final String TIMER_DIALOGUE_OPENS = "Timer_DialogueOpens";
  public static final String END_OPEN_AT_CUT_OFF = "EndEvent_OpenAtCutOff";

  /** The dates of the cycle calendar the process uses. */
  public static final List<String> CALENDAR_KEYS = List.of(CycleCalendar.HLCP_COMMENT_DEADLINE,
      CycleCalendar.HLCP_SUBMISSION_DEADLINE, CycleCalendar.HLCP_SESSION_DATE, CycleCalendar.CEB_SESSION_DATE,
      CycleCalendar.CEB_PAPER_LAUNCH_DATE, CycleCalendar.HLD_DATE);

  /**
   * HLCP took up the paper (correlate by business key or process instance), with {@link #HLCP_OUTCOME}
   * and optionally {@link #HLCP_COMMENTS} and {@link #HLCP_REPORT_LINK}.
   */
  public static final String MESSAGE_HLCP_OUTCOME_RECEIVED = "HlcpOutcomeReceived";
  /** The CEB decided on the paper, with {@link #CEB_DECISION} and optionally {@link #CEB_REPORT_LINK}. */
  public static final String MESSAGE_CEB_DECISION_RECEIVED = "CebDecisionReceived";

  /** Returns by the Director General the paper may take for revision (default 2); a further return ends the track. */
  public static final String MAX_CLEARANCE_RETURNS = "maxClearanceReturns";
  public static final String CLEARANCE_RETURNS = "clearanceReturns";
  public static final int DEFAULT_MAX_CLEARANCE_RETURNS = 2;
  /** Rounds of changes HLCP may ask for (default 2); a further request ends the track. */
  public static final String MAX_HLCP_REVISIONS = "maxHlcpRevisions";
  public static final String HLCP_REVISIONS = "hlcpRevisions";
  public static final int DEFAULT_MAX_HLCP_REVISIONS = 2;

  // Form fields and message variables the gateways decide on
  /** The current text of the joint paper (link), kept up to date by every drafting step. */
  public static final String PAPER_LINK = "paperLink";
  /** {@code cleared} or {@code returned}. */
  public static final String DG_DECISION = "dgDecision";
  public static final String DG_COMMENTS = "dgComments";
  /** {@code welcomed} or {@code changes-requested}, sent with {@link #MESSAGE_HLCP_OUTCOME_RECEIVED}. */
  public static final String HLCP_OUTCOME = "hlcpOutcome";
  public static final String HLCP_OUTCOME_WELCOMED = "welcomed";
  public static final String HLCP_OUTCOME_CHANGES_REQUESTED = "changes-requested";
  public static final Set<String> HLCP_OUTCOMES = Set.of(HLCP_OUTCOME_WELCOMED, HLCP_OUTCOME_CHANGES_REQUESTED);
  public static final String HLCP_COMMENTS = "hlcpComments";
  public static final String HLCP_REPORT_LINK = "hlcpReportLink";
  /** {@code endorsed} or {@code not-endorsed}, sent with {@link #MESSAGE_CEB_DECISION_RECEIVED}. */
  public static final String CEB_DECISION = "cebDecision";
  public static final String CEB_DECISION_ENDORSED = "endorsed";
  public static final String CEB_DECISION_NOT_ENDORSED = "not-endorsed";
  public static final Set<String> CEB_DECISIONS = Set.of(CEB_DECISION_ENDORSED, CEB_DECISION_NOT_ENDORSED);
  public static final String CEB_REPORT_LINK = "cebReportLink";

  public static final String OUTCOME_LAUNCHED = "launched";
  public static final String OUTCOME_NOT_CLEARED = "not-cleared";
  public static final String OUTCOME_HLCP_NOT_WELCOMED = "hlcp-not-welcomed";
  public static final String OUTCOME_NO_HLCP_OUTCOME = "no-hlcp-outcome";
  public static final String OUTCOME_NOT_ENDORSED = "not-endorsed";
  public static final String OUTCOME_NO_CEB_DECISION = "no-ceb-decision";
  public static final String OUTCOME_OPEN_AT_CUT_OFF = "open-at-cutoff";

  private CebHlcpPaperProcess() {
  }
}
