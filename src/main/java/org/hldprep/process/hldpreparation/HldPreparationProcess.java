package org.hldprep.process.hldpreparation;

/** Keys, element ids, variables and messages of the master process {@code hld-preparation}. */
public final class HldPreparationProcess {

  public static final String KEY = "hld-preparation";

  public static final String CALL_NATIONAL_CONSULTATIONS = "CallActivity_NationalConsultations";
  public static final String CALL_RCP_CONTRIBUTIONS = "CallActivity_RcpContributions";
  public static final String CALL_GLOBAL_RCP_MEETING = "CallActivity_GlobalRcpMeeting";
  public static final String CALL_COUNCIL_JOINT_STATEMENT = "CallActivity_CouncilJointStatement";
  public static final String CALL_PGA_OUTCOME_INPUT = "CallActivity_PgaOutcomeInput";
  public static final String TASK_TALLY_CONSULTATIONS = "Task_TallyConsultations";
  public static final String TASK_TALLY_RCP_CONTRIBUTIONS = "Task_TallyRcpContributions";
  public static final String TASK_TALLY_TRACKS = "Task_TallyTracks";
  public static final String TASK_WRITE_REGIONAL_SYNTHESIS = "Task_WriteRegionalSynthesis";
  public static final String TASK_WRITE_GLOBAL_SYNTHESIS = "Task_WriteGlobalSynthesis";
  public static final String TASK_PREPARE_BRIEFING_PACK = "Task_PrepareBriefingPack";
  public static final String TASK_APPROVE_BRIEFING_PACK = "Task_ApproveBriefingPack";
  public static final String TASK_REPORT_TO_COUNCIL = "Task_ReportToCouncil";
  public static final String TIMER_BRIEFING_PACK_DUE = "Timer_BriefingPackDue";
  public static final String TIMER_HLD_PASSED = "Timer_HldPassed";
  public static final String END_CYCLE_CLOSED = "EndEvent_CycleClosed";
  public static final String TASK_MOVE_DEADLINES = "Task_MoveDeadlines";

  public static final String MESSAGE_CALENDAR_CHANGED = "CalendarChanged";

  /** Business key and name of the cycle, e.g. HLD2013; prefixes the children's business keys. */
  public static final String CYCLE = "cycle";
  /** Participating Member States: JSON list of ISO alpha-3 codes (default: all of the reference list). */
  public static final String MEMBER_STATES = "memberStates";
  /** Participating RCPs: JSON list of RCP codes (default: all). */
  public static final String RCPS = "rcps";
  /** Regional Offices covering the participating Member States: one regional synthesis each. */
  public static final String REGIONAL_OFFICES = "regionalOffices";
  /** Changed dates sent with the CalendarChanged message (JSON object of calendar key to ISO date). */
  public static final String CALENDAR_CHANGES = "calendarChanges";
  public static final String BRIEFING_DECISION = "briefingDecision";

  /** Per-child outcomes, JSON objects: country code, RCP code or track key to outcome. */
  public static final String CONSULTATION_OUTCOMES = "consultationOutcomes";
  public static final String RCP_OUTCOMES = "rcpOutcomes";
  public static final String TRACK_OUTCOMES = "trackOutcomes";

  private HldPreparationProcess() {}
}
