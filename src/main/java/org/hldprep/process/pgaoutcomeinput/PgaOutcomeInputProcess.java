package org.hldprep.process.pgaoutcomeinput;

import java.util.List;
import org.hldprep.calendar.CycleCalendar;

/**
 * Keys, element ids, variables, messages and outcomes of {@code pga-outcome-input}: IOM's input to the
 * outcome of the HLD (MC/2353 §35), conditional on the modalities resolution, then the tracking of every
 * circulated draft until the outcome is adopted or the HLD has passed.
 */
public final class PgaOutcomeInputProcess {

  public static final String KEY = "pga-outcome-input";

  /** The calendar dates this process waits on and is due by (CycleCalendar keys), passed by the master. */
  public static final List<String> CALENDAR_KEYS = List.of(CycleCalendar.OUTCOME_FORMAT_DEADLINE,
      CycleCalendar.PGA_INPUT_DEADLINE, CycleCalendar.HLD_DATE, CycleCalendar.HLD_END_DATE);

  public static final String START = "StartEvent_ModalitiesAdopted";
  /** Interrupting: the preparation is cut off at the input deadline; the drafts are tracked with what exists. */
  public static final String TIMER_INPUT_CUT_OFF = "Timer_InputCutOff";
  public static final String TASK_FINALIZE_TECHNICAL_INPUT = "Task_FinalizeTechnicalInput";
  public static final String TASK_FINALIZE_KEY_MESSAGES = "Task_FinalizeKeyMessages";
  public static final String TASK_CONFIRM_OUTCOME_FORMAT = "Task_ConfirmOutcomeFormat";
  // PGA outcome document branch
  public static final String TASK_DRAFT_TECHNICAL_INPUT = "Task_DraftTechnicalInput";
  public static final String TASK_CLEAR_TECHNICAL_INPUT = "Task_ClearTechnicalInput";
  public static final String TASK_SHARE_INPUT_WITH_PGA = "Task_ShareInputWithPga";
  // Member-State negotiation branch
  public static final String TASK_PREPARE_KEY_MESSAGES = "Task_PrepareKeyMessages";
  public static final String TASK_CLEAR_KEY_MESSAGES = "Task_ClearKeyMessages";
  public static final String TASK_BRIEF_DELEGATIONS = "Task_BriefDelegations";
  // Draft tracking
  public static final String CATCH_OUTCOME_ADOPTED = "Catch_OutcomeAdopted";
  public static final String TASK_ANALYSE_DRAFT = "Task_AnalyseOutcomeDraft";
  public static final String TASK_SEND_DRAFT_COMMENTS = "Task_SendDraftComments";
  public static final String END_COMMENTS_SENT = "EndEvent_CommentsSent";
  public static final String END_DRAFT_ANALYSED = "EndEvent_DraftAnalysed";
  public static final String END_TRACKING_CLOSED = "EndEvent_TrackingClosed";
  public static final String TIMER_HLD_PASSED = "Timer_HldPassed";
  public static final String END_OUTCOME_ADOPTED = "EndEvent_OutcomeAdopted";
  public static final String END_HLD_PASSED = "EndEvent_HldPassed";

  /** Message: a draft of the outcome was circulated (repeatable); carries {@link #DRAFT_LABEL}, {@link #DRAFT_LINK}. */
  public static final String MESSAGE_DRAFT_CIRCULATED = "OutcomeDraftCirculated";
  /** Message: the outcome was adopted; carries {@link #OUTCOME_SYMBOL}. */
  public static final String MESSAGE_OUTCOME_ADOPTED = "OutcomeAdopted";

  /** Business key of the instance of a cycle: {@code <cycle>-pga-outcome-input}, e.g. HLD2013-pga-outcome-input. */
  public static final String BUSINESS_KEY_SUFFIX = "-" + KEY;

  // Start variables (optional)
  /** Symbol of the modalities resolution; default {@value #DEFAULT_MODALITIES_RESOLUTION}. */
  public static final String MODALITIES_RESOLUTION = "modalitiesResolution";
  public static final String DEFAULT_MODALITIES_RESOLUTION = "A/RES/67/219";

  // Form fields the gateways decide on
  public static final String OUTCOME_FORMAT = "outcomeFormat";
  public static final String FORMAT_PGA_DOCUMENT = "pga-document";
  public static final String FORMAT_MEMBER_STATE_NEGOTIATION = "member-state-negotiation";
  public static final String CLEARANCE_DECISION = "clearanceDecision";
  public static final String CLEARED = "cleared";
  public static final String RETURNED = "returned";
  public static final String CLEARANCE_COMMENTS = "clearanceComments";
  public static final String COMMENTS_REQUESTED = "commentsRequested";

  // Counters
  /** Times the Director General returned the input or key messages. */
  public static final String CLEARANCE_RETURNS = "clearanceReturns";
  /** Returns after which the Director General finalizes the text instead (start variable, default 2). */
  public static final String MAX_CLEARANCE_RETURNS = "maxClearanceReturns";
  public static final int DEFAULT_MAX_CLEARANCE_RETURNS = 2;
  /** Drafts circulated so far (process level). */
  public static final String DRAFTS_CIRCULATED = "draftsCirculated";

  // Variables of one circulated draft, local to its analysis (so that drafts in parallel stay apart)
  public static final String DRAFT_LABEL = "draftLabel";
  public static final String DRAFT_LINK = "draftLink";
  public static final String DRAFT_NUMBER = "draftNumber";
  public static final String RECOMMENDATIONS_REFLECTED = "recommendationsReflected";
  public static final String GAPS_FOUND = "gapsFound";
  public static final String COMMENTS_REQUESTED_BY = "commentsRequestedBy";
  public static final String COMMENTS_DUE_BY = "commentsDueBy";
  public static final String COMMENTS_LINK = "commentsLink";
  public static final String COMMENTS_SENT_ON = "commentsSentOn";
  /** What the analysis of one draft records, kept in the draft's own scope. */
  public static final List<String> DRAFT_ANALYSIS_FIELDS = List.of(RECOMMENDATIONS_REFLECTED, GAPS_FOUND,
      COMMENTS_REQUESTED, COMMENTS_REQUESTED_BY, COMMENTS_DUE_BY, COMMENTS_LINK, COMMENTS_SENT_ON);

  /** Symbol of the adopted outcome, e.g. A/RES/68/4 (from the message {@value #MESSAGE_OUTCOME_ADOPTED}). */
  public static final String OUTCOME_SYMBOL = "outcomeSymbol";

  public static final String OUTCOME_ADOPTED = "outcome-adopted";
  public static final String OUTCOME_HLD_PASSED = "hld-passed";

  private PgaOutcomeInputProcess() {
  }
}
