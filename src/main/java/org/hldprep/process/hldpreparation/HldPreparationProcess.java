package org.hldprep.process.hldpreparation;

/** Keys, element ids, variables, messages and outcomes of the master process {@code hld-preparation}. */
public final class HldPreparationProcess {

  public static final String KEY = "hld-preparation";

  public static final String START = "StartEvent_CycleRequested";
  // The New York round-table series report
  public static final String TIMER_SERIES_REPORT_DATE = "Timer_SeriesReportDate";
  public static final String TASK_WRITE_SERIES_REPORT = "Task_WriteSeriesReport";
  public static final String TIMER_SERIES_REPORT_CUT_OFF = "Timer_SeriesReportCutOff";
  public static final String END_SERIES_REPORT_OPEN = "EndEvent_SeriesReportOpen";
  // Syntheses
  public static final String TIMER_REGIONAL_SYNTHESIS_DATE = "Timer_RegionalSynthesisDate";
  public static final String TASK_WRITE_REGIONAL_SYNTHESIS = "Task_WriteRegionalSynthesis";
  public static final String TIMER_REGIONAL_SYNTHESIS_CUT_OFF = "Timer_RegionalSynthesisCutOff";
  public static final String TASK_WRITE_GLOBAL_SYNTHESIS = "Task_WriteGlobalSynthesis";
  public static final String TIMER_GLOBAL_SYNTHESIS_CUT_OFF = "Timer_GlobalSynthesisCutOff";
  // Briefing of the Director General
  public static final String TIMER_BRIEFING_PACK_DUE = "Timer_BriefingPackDue";
  public static final String TASK_PREPARE_BRIEFING_PACK = "Task_PrepareBriefingPack";
  public static final String TASK_APPROVE_BRIEFING_PACK = "Task_ApproveBriefingPack";
  public static final String TASK_FINALIZE_BRIEFING_PACK = "Task_FinalizeBriefingPack";
  public static final String TIMER_BRIEFING_CUT_OFF = "Timer_BriefingCutOff";
  public static final String END_BRIEFING_APPROVED = "EndEvent_BriefingApproved";
  public static final String END_BRIEFING_FINALIZED = "EndEvent_BriefingFinalized";
  // The Director General's statement to the Dialogue
  public static final String TIMER_DG_STATEMENT_START = "Timer_DgStatementStart";
  public static final String TASK_DRAFT_DG_STATEMENT = "Task_DraftDgStatement";
  public static final String TASK_CLEAR_DG_STATEMENT = "Task_ClearDgStatement";
  public static final String TASK_FINALIZE_DG_STATEMENT = "Task_FinalizeDgStatement";
  public static final String TIMER_DG_STATEMENT_CUT_OFF = "Timer_DgStatementCutOff";
  public static final String END_DG_STATEMENT_CLEARED = "EndEvent_DgStatementCleared";
  public static final String END_DG_STATEMENT_FINALIZED = "EndEvent_DgStatementFinalized";
  public static final String END_DG_STATEMENT_OPEN = "EndEvent_DgStatementOpen";
  // The Dialogue week: the delegation, and the outcome of the Dialogue before the report
  public static final String TIMER_HLD_OPENS = "Timer_HldOpens";
  public static final String TASK_RECORD_DELEGATION = "Task_RecordDelegation";
  public static final String TIMER_DELEGATION_CUT_OFF = "Timer_DelegationCutOff";
  public static final String TIMER_HLD_OUTCOME_FALLBACK = "Timer_HldOutcomeFallback";
  public static final String TASK_RECORD_HLD_OUTCOME = "Task_RecordHldOutcome";
  // Report to the Council
  public static final String TIMER_HLD_PASSED = "Timer_HldPassed";
  public static final String CONDITIONAL_ALL_TRACKS_ENDED = "Conditional_AllTracksEnded";
  public static final String TIMER_COUNCIL_REPORT_DATE = "Timer_CouncilReportDate";
  public static final String TASK_REPORT_TO_COUNCIL = "Task_ReportToCouncil";
  public static final String TIMER_COUNCIL_REPORT_CUT_OFF = "Timer_CouncilReportCutOff";
  public static final String END_CYCLE_CLOSED = "EndEvent_CycleClosed";
  public static final String END_REPORT_OPEN_AT_CUT_OFF = "EndEvent_ReportOpenAtCutOff";

  public static final String MESSAGE_CALENDAR_CHANGED = "CalendarChanged";
  /** A Member State or RCP joins the running cycle, or a consultation is reopened; carries the participant. */
  public static final String MESSAGE_PARTICIPANT_ADDED = "ParticipantAdded";
  /**
   * The Dialogue is over and its outcome known, with {@value #HLD_OUTCOME_SYMBOL} (A/RES/68/4 in 2013) and
   * optionally {@value #HLD_OUTCOME_TITLE} and {@value #HLD_OUTCOME_LINK}: awaited from the opening of the
   * HLD until the report to the Council is due to start.
   */
  public static final String MESSAGE_HLD_CONCLUDED = "HldConcluded";
  /** Sent to a child (national consultation or RCP contribution): its participant left the cycle. */
  public static final String MESSAGE_PARTICIPANT_WITHDRAWN = "ParticipantWithdrawn";
  /** The outcome of a withdrawn participant's track. */
  public static final String OUTCOME_WITHDRAWN = "withdrawn";

  /** Business key and name of the cycle, e.g. HLD2013; prefixes the children's business keys. */
  public static final String CYCLE = "cycle";
  /** Participating Member States: JSON list of ISO alpha-3 codes (default: all of the reference list). */
  public static final String MEMBER_STATES = "memberStates";
  /** Participating RCPs: JSON list of RCP codes (default: all). */
  public static final String RCPS = "rcps";
  /** The New York round tables: JSON list of their codes (roundtable-2013-01-24, ...), one child each. */
  public static final String ROUNDTABLES = "roundtables";
  /** The UN Regional Commissions (reference data codes eca, ece, ...), one child each. */
  public static final String REGIONAL_COMMISSIONS = "regionalCommissions";
  /** Regional Offices covering the participating Member States: one regional synthesis each. */
  public static final String REGIONAL_OFFICES = "regionalOffices";
  /** The Regional Office of one regional synthesis (loop variable). */
  public static final String REGIONAL_OFFICE = "regionalOffice";
  /** Changed dates sent with the CalendarChanged message (JSON object of calendar key to ISO date). */
  public static final String CALENDAR_CHANGES = "calendarChanges";
  /** Sent with CalendarChanged: the change replays a past year, so dates already past are accepted. */
  public static final String CALENDAR_CHANGE_REPLAY = "calendarChangeReplay";

  // What a track's sub-process holds for "Record the outcome" (set by TrackVariableMapping when the child ends)
  public static final String CHILD_PROCESS_KEY = "childProcessKey";
  public static final String CHILD_BUSINESS_KEY = "childBusinessKey";
  public static final String CHILD_OUTCOME = "childOutcome";
  // ParticipantAdded (local to its event sub-process)
  /** Process key of the added participant's track: national-consultation or rcp-contribution. */
  public static final String PARTICIPANT_PROCESS = "participantProcess";
  /** ISO alpha-3 code or RCP code of the added participant. */
  public static final String PARTICIPANT_CODE = "participantCode";

  /** Per-child outcomes, JSON objects: country code, RCP code or track key to outcome. */
  public static final String CONSULTATION_OUTCOMES = "consultationOutcomes";
  public static final String RCP_OUTCOMES = "rcpOutcomes";
  public static final String TRACK_OUTCOMES = "trackOutcomes";
  public static final String ROUNDTABLE_OUTCOMES = "roundtableOutcomes";
  public static final String COMMISSION_OUTCOMES = "commissionOutcomes";
  /** Number of round tables still running: the series report starts early when it reaches 0. */
  public static final String OPEN_ROUNDTABLES = "openRoundtables";
  /** Number of the cycle's children still running; the report starts early when it reaches 0 after the HLD. */
  public static final String OPEN_CHILDREN = "openChildren";
  /** JSON object: Regional Office → national consultations of its region still running. */
  public static final String OPEN_CONSULTATIONS_BY_REGION = "openConsultationsByRegion";
  /** The consultations of a region still open when its synthesis started (local to the synthesis). */
  public static final String OPEN_CONSULTATIONS = "openConsultations";
  /** What was open when the report to the Council started: children and the master's own steps. */
  public static final String OPEN_AT_REPORT = "openAtReport";
  public static final String OPEN_AT_REPORT_COUNT = "openAtReportCount";

  public static final String BRIEFING_DECISION = "briefingDecision";
  public static final String BRIEFING_RETURNS = "briefingReturns";
  /** Returns of the briefing pack after which the Director General finalizes it (start variable, default 2). */
  public static final String MAX_BRIEFING_RETURNS = "maxBriefingReturns";
  public static final int DEFAULT_MAX_BRIEFING_RETURNS = 2;

  public static final String DG_STATEMENT_DECISION = "dgStatementDecision";
  public static final String DG_STATEMENT_RETURNS = "dgStatementReturns";
  /** Returns of the statement after which the Director General finalizes it (start variable, default 2). */
  public static final String MAX_STATEMENT_RETURNS = "maxStatementReturns";
  public static final int DEFAULT_MAX_STATEMENT_RETURNS = 2;

  // HldConcluded and the outcome of the Dialogue, shown on the report to the Council
  /** The UN document symbol of the outcome, e.g. A/RES/68/4 (sent with HldConcluded). */
  public static final String HLD_OUTCOME_SYMBOL = "hldOutcomeSymbol";
  public static final String HLD_OUTCOME_TITLE = "hldOutcomeTitle";
  public static final String HLD_OUTCOME_LINK = "hldOutcomeLink";
  /** {@value #HLD_CONCLUDED} when HldConcluded arrived, {@value #HLD_OUTCOME_NOT_RECEIVED} at the fallback. */
  public static final String HLD_OUTCOME = "hldOutcome";
  public static final String HLD_CONCLUDED = "concluded";
  public static final String HLD_OUTCOME_NOT_RECEIVED = "not-received";
  /** One line for the report to the Council: the symbol and title, or why there is none. */
  public static final String HLD_OUTCOME_SUMMARY = "hldOutcomeSummary";

  public static final String OUTCOME_CLOSED = "closed";

  private HldPreparationProcess() {
  }

  /** The business key of a cycle's child: {@code <cycle>-<code>}, e.g. HLD2013-PHL or HLD2013-pga-outcome-input. */
  public static String childBusinessKey(String cycle, String code) {
    return cycle + "-" + code;
  }
}
