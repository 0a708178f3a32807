package org.hldprep.process.counciljointstatement;

import java.util.List;
import org.hldprep.calendar.CycleCalendar;

/**
 * Keys, element ids, variables, messages and outcomes of {@code council-joint-statement}: the IOM
 * Council's joint statement to the HLD (MC/2353 §35), from the Friends of the Chair to the transmittal.
 */
public final class CouncilJointStatementProcess {

  public static final String KEY = "council-joint-statement";

  /** The calendar dates this process waits on and is due by (CycleCalendar keys), passed by the master. */
  public static final List<String> CALENDAR_KEYS = List.of(CycleCalendar.FOTC_CONSTITUTION_DEADLINE,
      CycleCalendar.ZERO_DRAFT_DEADLINE, CycleCalendar.FINAL_TEXT_DEADLINE, CycleCalendar.SPECIAL_SESSION_DATE,
      CycleCalendar.ENDORSEMENT_DEADLINE, CycleCalendar.TRANSMITTAL_DEADLINE);
  /** Business key the REST layer and the master use, so that a Permanent Mission's objection finds the instance. */
  public static final String BUSINESS_KEY_SUFFIX = "council-joint-statement";

  public static final String START = "StartEvent_JointStatementRequested";
  public static final String TASK_CONSTITUTE_FOTC = "Task_ConstituteFriendsOfTheChair";
  public static final String TASK_PREPARE_ZERO_DRAFT = "Task_PrepareStatementZeroDraft";
  public static final String TASK_COMMENT_IN_READING = "Task_CommentOnStatementDraft";
  public static final String TIMER_READING_DEADLINE = "Timer_ReadingDeadline";
  public static final String TASK_CLOSE_READING_AT_DEADLINE = "Task_CloseReadingAtDeadline";
  public static final String TASK_JUDGE_READY = "Task_JudgeStatementReady";
  public static final String TASK_REVISE_DRAFT = "Task_ReviseStatementDraft";
  public static final String TASK_CLEAR_TEXT = "Task_ClearStatementText";
  public static final String TASK_CIRCULATE_UNDER_SILENCE = "Task_CirculateUnderSilence";
  public static final String GATEWAY_SILENCE = "Gateway_SilenceBrokenOrKept";
  public static final String TIMER_SILENCE_WINDOW = "Timer_SilenceWindow";
  /** In the silence: an objection is pending (recorded before or during the silence), so the silence is broken. */
  public static final String CONDITIONAL_OBJECTION_PENDING = "Conditional_ObjectionPending";
  public static final String TASK_RECORD_OBJECTION = "Task_RecordObjection";
  public static final String TASK_DECIDE_AFTER_BROKEN_SILENCE = "Task_DecideAfterBrokenSilence";
  public static final String TASK_REVISE_AFTER_OBJECTION = "Task_ReviseTextAfterObjection";
  public static final String TASK_CHOOSE_ROUTE = "Task_ChooseEndorsementRoute";
  public static final String TASK_CHECK_SESSION_NOTICE = "Task_CheckSessionNotice";
  public static final String TASK_CONVENE_SPECIAL_SESSION = "Task_ConveneSpecialSession";
  public static final String TIMER_SPECIAL_SESSION_DATE = "Timer_SpecialSessionDate";
  public static final String TASK_RECORD_ENDORSEMENT = "Task_RecordCouncilEndorsement";
  public static final String TASK_RUN_INTERSESSIONAL = "Task_RunIntersessionalEndorsement";
  public static final String TASK_TRANSMIT = "Task_TransmitStatement";
  public static final String END_NOT_PURSUED = "EndEvent_NotPursued";
  public static final String END_NO_CONSENSUS_IN_FRIENDS = "EndEvent_NoConsensusInFriends";
  // Phases and their cut-offs
  public static final String TIMER_CONSTITUTION_CUT_OFF = "Timer_ConstitutionCutOff";
  public static final String END_CONSTITUTION_CUT_OFF = "EndEvent_ConstitutionCutOff";
  public static final String TIMER_NEGOTIATION_CUT_OFF = "Timer_NegotiationCutOff";
  public static final String END_NEGOTIATION_CUT_OFF = "EndEvent_NegotiationCutOff";
  public static final String TASK_DECIDE_AT_REVISION_LIMIT = "Task_DecideAtRevisionLimit";
  public static final String TIMER_SILENCE_CUT_OFF = "Timer_SilenceCutOff";
  public static final String END_SILENCE_CUT_OFF = "EndEvent_SilenceCutOff";
  public static final String SUB_PROCESS_ENDORSE_TEXT = "SubProcess_EndorseText";
  public static final String TIMER_ENDORSEMENT_CUT_OFF = "Timer_EndorsementCutOff";
  public static final String END_ENDORSEMENT_CUT_OFF = "EndEvent_EndorsementCutOff";
  public static final String END_NOT_ENDORSED = "EndEvent_NotEndorsed";
  public static final String TIMER_TRANSMITTAL_CUT_OFF = "Timer_TransmittalCutOff";
  public static final String END_TRANSMITTAL_OPEN_AT_CUT_OFF = "EndEvent_TransmittalOpenAtCutOff";
  public static final String END_NO_CONSENSUS = "EndEvent_NoConsensus";
  /** Error ends inside the endorsement phase, caught on its boundary and ended not-endorsed. */
  public static final String END_NOT_ENDORSED_BY_SESSION = "EndEvent_NotEndorsedBySession";
  public static final String END_NOT_ENDORSED_INTERSESSIONALLY = "EndEvent_NotEndorsedIntersessionally";
  public static final String END_TRANSMITTED = "EndEvent_Transmitted";

  /** Sent over REST by a Permanent Mission while silence runs; correlate by business key. */
  public static final String MESSAGE_OBJECTION_RAISED = "ObjectionRaised";
  /** Message variable (local): ISO 3166-1 alpha-3 code of the objecting Member State (required). */
  public static final String OBJECTING_COUNTRY = "objectingCountry";
  /** Message variable (local): the text of the objection (required). */
  public static final String OBJECTION_TEXT = "objectionText";
  /** Message variable (local): who recorded it (the mission's user, or the secretariat for a note verbale). */
  public static final String RECORDED_BY = "recordedBy";
  /** Message variable (local): {@value #CHANNEL_PERMANENT_MISSION} or {@value #CHANNEL_NOTE_VERBALE}. */
  public static final String OBJECTION_CHANNEL = "objectionChannel";
  public static final String CHANNEL_PERMANENT_MISSION = "permanent-mission";
  /** The secretariat (iom-icp-gb) records an objection received by note verbale, for the named mission. */
  public static final String CHANNEL_NOTE_VERBALE = "note-verbale";
  /** Message variable (local): the reference of the note verbale (required on that channel). */
  public static final String NOTE_VERBALE_REFERENCE = "noteVerbaleReference";
  /** JSON list of every objection received, over all silence rounds, with its status. */
  public static final String OBJECTIONS = "objections";
  public static final String OBJECTION_COUNT = "objectionCount";
  /** Objections recorded and not yet put before the Chair: the silence breaks while there is one. */
  public static final String PENDING_OBJECTIONS = "pendingObjections";
  /** An objection's status: awaiting the Chair, decided on, or received once the text was adopted. */
  public static final String STATUS_PENDING = "pending";
  public static final String STATUS_CONSIDERED = "considered";
  public static final String STATUS_AFTER_ADOPTION = "after-adoption";
  /** Task variables of the Chair's decision: the objections put before the Chair (text, and their ids). */
  public static final String OBJECTIONS_BEFORE_THE_CHAIR = "objectionsBeforeTheChair";
  public static final String OBJECTION_IDS_BEFORE_THE_CHAIR = "objectionIdsBeforeTheChair";

  /** Revisions of the draft (another reading, or returned by legal) after which the Chair decides instead. */
  public static final String MAX_REVISIONS = "maxRevisions";
  public static final int DEFAULT_MAX_REVISIONS = 3;
  /** Revisions so far (counted when the secretariat revises the draft). */
  public static final String REVISIONS = "revisions";

  /** ISO 8601 duration of the silence window (start variable, optional; the circulation form may change it). */
  public static final String SILENCE_WINDOW = "silenceWindow";
  public static final String DEFAULT_SILENCE_WINDOW = "PT72H";
  /** Silence procedures run so far (incremented when the text is circulated). */
  public static final String SILENCE_ROUND = "silenceRound";

  /** Settings a cycle may give for this track (passed by the master when set). */
  public static final List<String> SETTINGS = List.of(SILENCE_WINDOW, MAX_REVISIONS);

  /** The reading under way (1 = the zero draft); incremented when the secretariat revises the draft. */
  public static final String READING_ROUND = "readingRound";
  /** ISO date the current reading closes; set per round by the secretariat. */
  public static final String READING_DEADLINE = "readingDeadline";
  public static final String READING_COMMENTS = "readingComments";
  public static final String DELEGATIONS_COMMENTING = "delegationsCommenting";
  /** JSON list of the reading rounds: round, deadline, closedBy, comments. */
  public static final String READING_ROUNDS = "readingRounds";
  /** How the last round closed: {@value #CLOSED_BY_COMMENTS} or {@value #CLOSED_BY_DEADLINE}. */
  public static final String ROUND_CLOSED_BY = "roundClosedBy";
  /** Input parameter of the round-recording service tasks. */
  public static final String CLOSED_BY = "closedBy";
  public static final String CLOSED_BY_COMMENTS = "comments";
  public static final String CLOSED_BY_DEADLINE = "deadline";

  public static final String DRAFT_LINK = "draftLink";
  public static final String REVISION_REASON = "revisionReason";

  // Form fields the gateways decide on
  public static final String PURSUE_STATEMENT = "pursueStatement";
  public static final String READINESS_DECISION = "readinessDecision";
  public static final String CLEARANCE_DECISION = "clearanceDecision";
  public static final String SILENCE_DECISION = "silenceDecision";
  public static final String ENDORSEMENT_ROUTE = "endorsementRoute";
  public static final String SESSION_STATUS = "sessionStatus";
  public static final String ENDORSEMENT_DECISION = "endorsementDecision";
  /** The Chair's decision at the revision limit: {@code clearance} or {@code stop}. */
  public static final String LIMIT_DECISION = "limitDecision";

  /** ISO date the notice of the special session goes out (form of the route choice). */
  public static final String NOTICE_DATE = "noticeDate";
  /** ISO date of the special session (calendar key, set by the route choice; the timer waits for it). */
  public static final String SPECIAL_SESSION_DATE = "specialSessionDate";
  public static final String SESSION_NOTICE_DAYS = "sessionNoticeDays";
  public static final String SESSION_NOTICE_SUFFICIENT = "sessionNoticeSufficient";
  /** Why the notice is too short, shown when the route is chosen again; null once it suffices. */
  public static final String SESSION_NOTICE_PROBLEM = "sessionNoticeProblem";
  /** IOM Council rules of procedure: a special session is convened at least 15 days ahead (domain.md §0 [R26]). */
  public static final int MINIMUM_NOTICE_DAYS = 15;

  public static final String OUTCOME_TRANSMITTED = "transmitted";
  public static final String OUTCOME_NOT_PURSUED = "not-pursued";
  public static final String OUTCOME_NO_CONSENSUS = "no-consensus";
  public static final String OUTCOME_NOT_ENDORSED = "not-endorsed";
  public static final String OUTCOME_OPEN_AT_CUT_OFF = "open-at-cutoff";

  private CouncilJointStatementProcess() {
  }

  /** The business key of the statement of a cycle, e.g. {@code HLD2013-council-joint-statement}. */
  public static String businessKey(String cycle) {
    return cycle + "-" + BUSINESS_KEY_SUFFIX;
  }
}
