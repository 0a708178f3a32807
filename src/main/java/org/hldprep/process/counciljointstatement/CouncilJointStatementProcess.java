package org.hldprep.process.counciljointstatement;

import java.util.List;
import org.hldprep.calendar.CycleCalendar;

/**
 * Keys, element ids, variables, messages and outcomes of {@code council-joint-statement}: the IOM
 * Council's joint statement to the HLD (MC/2353 §35), from the Friends of the Chair to the transmittal,
 * by the Council's Rules of Procedure (the route and its variables: {@link AdoptionRoute}).
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
  /** One reading task per delegation of the Friends of the Chair (multi-instance over {@value #FOTC_DELEGATIONS}). */
  public static final String TASK_COMMENT_IN_READING = "Task_CommentOnStatementDraft";
  public static final String TIMER_READING_DEADLINE = "Timer_ReadingDeadline";
  public static final String TASK_CLOSE_READING_AT_DEADLINE = "Task_CloseReadingAtDeadline";
  public static final String TASK_RECORD_READING_ROUND = "Task_RecordReadingRound";
  /** The Office of Legal Affairs advises the Chair; it does not send the Member States' text back. */
  public static final String TASK_ADVISE_CHAIR = "Task_AdviseChairOnText";
  public static final String TASK_JUDGE_READY = "Task_JudgeStatementReady";
  public static final String TASK_REVISE_DRAFT = "Task_ReviseStatementDraft";
  public static final String TASK_DECIDE_AT_REVISION_LIMIT = "Task_DecideAtRevisionLimit";
  /** The Chair or the Director General decides how the Council adopts the statement (Rules 1-2). */
  public static final String TASK_DECIDE_ROUTE = "Task_DecideAdoptionRoute";
  public static final String TASK_CHECK_ROUTE = "Task_CheckAdoptionRoute";
  public static final String TIMER_ROUTE_CUT_OFF = "Timer_RouteCutOff";
  public static final String END_ROUTE_CUT_OFF = "EndEvent_RouteCutOff";
  public static final String TASK_CIRCULATE_UNDER_SILENCE = "Task_CirculateUnderSilence";
  public static final String GATEWAY_SILENCE = "Gateway_SilenceBrokenOrKept";
  public static final String TIMER_SILENCE_WINDOW = "Timer_SilenceWindow";
  public static final String END_SILENCE_KEPT = "EndEvent_SilenceKept";
  /** In the silence: an objection to the text under silence is pending, so the silence is broken. */
  public static final String CONDITIONAL_OBJECTION_PENDING = "Conditional_ObjectionPending";
  public static final String TASK_RECORD_OBJECTION = "Task_RecordObjection";
  public static final String TASK_DECIDE_AFTER_BROKEN_SILENCE = "Task_DecideAfterBrokenSilence";
  public static final String TASK_REVISE_AFTER_OBJECTION = "Task_ReviseTextAfterObjection";
  public static final String SUB_PROCESS_SILENCE = "SubProcess_AdoptUnderSilence";
  /** The secretariat convenes the session the Chair or the DG decided on; it does not choose it. */
  public static final String TASK_CONVENE_SESSION = "Task_ConveneSession";
  public static final String TASK_CHECK_SESSION_NOTICE = "Task_CheckSessionNotice";
  public static final String TIMER_SESSION_DAY = "Timer_SessionDay";
  public static final String TASK_RECORD_ENDORSEMENT = "Task_RecordCouncilEndorsement";
  public static final String END_SESSION_NOT_HELD = "EndEvent_SessionNotHeld";
  public static final String END_ADOPTED_IN_SESSION = "EndEvent_AdoptedInSession";
  /** The Chairperson transmits the adopted statement on behalf of the Council. */
  public static final String TASK_TRANSMIT = "Task_TransmitStatement";
  public static final String END_NOT_PURSUED = "EndEvent_NotPursued";
  public static final String END_NO_CONSENSUS_IN_FRIENDS = "EndEvent_NoConsensusInFriends";
  // Phases and their cut-offs
  public static final String TIMER_CONSTITUTION_CUT_OFF = "Timer_ConstitutionCutOff";
  public static final String END_CONSTITUTION_CUT_OFF = "EndEvent_ConstitutionCutOff";
  public static final String TIMER_NEGOTIATION_CUT_OFF = "Timer_NegotiationCutOff";
  public static final String END_NEGOTIATION_CUT_OFF = "EndEvent_NegotiationCutOff";
  public static final String TIMER_SILENCE_CUT_OFF = "Timer_SilenceCutOff";
  public static final String END_SILENCE_CUT_OFF = "EndEvent_SilenceCutOff";
  public static final String SUB_PROCESS_ADOPT_IN_SESSION = "SubProcess_AdoptInSession";
  public static final String TIMER_ENDORSEMENT_CUT_OFF = "Timer_EndorsementCutOff";
  public static final String END_ENDORSEMENT_CUT_OFF = "EndEvent_EndorsementCutOff";
  public static final String END_NOT_ENDORSED = "EndEvent_NotEndorsed";
  public static final String TIMER_TRANSMITTAL_CUT_OFF = "Timer_TransmittalCutOff";
  public static final String END_TRANSMITTAL_OPEN_AT_CUT_OFF = "EndEvent_TransmittalOpenAtCutOff";
  public static final String END_NO_CONSENSUS = "EndEvent_NoConsensus";
  /** Error end inside the session phase, caught on its boundary and ended not-endorsed. */
  public static final String END_NOT_ENDORSED_BY_SESSION = "EndEvent_NotEndorsedBySession";
  public static final String END_TRANSMITTED = "EndEvent_Transmitted";

  /** Sent over REST by a Permanent Mission; correlate by business key. */
  public static final String MESSAGE_OBJECTION_RAISED = "ObjectionRaised";
  /** Message variable (local): ISO 3166-1 alpha-3 code of the objecting Member State (required). */
  public static final String OBJECTING_COUNTRY = "objectingCountry";
  /** Message variable (local): the text of the objection (required). */
  public static final String OBJECTION_TEXT = "objectionText";
  /**
   * Message variable (local): the number of the silence the objection concerns (see {@value #SILENCE_ROUND});
   * required while a text is under silence, so that an objection stays with the text it was raised on.
   */
  public static final String OBJECTED_SILENCE = "objectedSilence";
  /** Message variable (local): who recorded it (the mission's user, or the secretariat for a note verbale). */
  public static final String RECORDED_BY = "recordedBy";
  /** Message variable (local): {@value #CHANNEL_PERMANENT_MISSION} or {@value #CHANNEL_NOTE_VERBALE}. */
  public static final String OBJECTION_CHANNEL = "objectionChannel";
  public static final String CHANNEL_PERMANENT_MISSION = "permanent-mission";
  /** The secretariat (iom-icp-gb) records an objection received by note verbale, for the named mission. */
  public static final String CHANNEL_NOTE_VERBALE = "note-verbale";
  /** Message variable (local): the reference of the note verbale (required on that channel). */
  public static final String NOTE_VERBALE_REFERENCE = "noteVerbaleReference";
  /** JSON list of every objection received, with the silence and text it concerns and its status. */
  public static final String OBJECTIONS = "objections";
  public static final String OBJECTION_COUNT = "objectionCount";
  /** Objections to the text under silence not yet put before the Chair: the silence breaks while there is one. */
  public static final String PENDING_OBJECTIONS = "pendingObjections";
  /** An objection to the running silence: it breaks it and goes before the Chair, who decides on it. */
  public static final String STATUS_PENDING = "pending";
  public static final String STATUS_CONSIDERED = "considered";
  /** Raised while no text was under silence: a comment on the draft for the Chair; it breaks no silence. */
  public static final String STATUS_COMMENT_ON_DRAFT = "comment-on-draft";
  /** A comment on the draft the Chair has had before them. */
  public static final String STATUS_NOTED = "noted";
  /** Raised once the text was settled under silence for a session: for the Council, it reopens nothing. */
  public static final String STATUS_BEFORE_SESSION = "before-session";
  /** Raised once the text was adopted: recorded, it reopens nothing. */
  public static final String STATUS_AFTER_ADOPTION = "after-adoption";
  /** Task variables of the Chair's decisions: the objections before the Chair (text, and their ids). */
  public static final String OBJECTIONS_BEFORE_THE_CHAIR = "objectionsBeforeTheChair";
  public static final String OBJECTION_IDS_BEFORE_THE_CHAIR = "objectionIdsBeforeTheChair";
  /** Task variables of the Chair's decisions: the comments on the draft not yet before the Chair. */
  public static final String COMMENTS_ON_THE_DRAFT = "commentsOnTheDraft";
  public static final String COMMENT_IDS_ON_THE_DRAFT = "commentIdsOnTheDraft";

  /** Revisions of the draft (another reading) after which the Chair decides instead. */
  public static final String MAX_REVISIONS = "maxRevisions";
  public static final int DEFAULT_MAX_REVISIONS = 3;
  /** Revisions so far (counted when the secretariat revises the draft). */
  public static final String REVISIONS = "revisions";

  /** ISO 8601 duration of the silence window (start variable, optional; the circulation form may change it). */
  public static final String SILENCE_WINDOW = "silenceWindow";
  public static final String DEFAULT_SILENCE_WINDOW = "PT72H";
  /** The number of the latest silence (1 = the first circulation): the number an objection names. */
  public static final String SILENCE_ROUND = "silenceRound";
  /** The state of the latest silence: {@value #SILENCE_NONE}, running, broken, decided or kept. */
  public static final String SILENCE_STATUS = "silenceStatus";
  public static final String SILENCE_NONE = "none";
  public static final String SILENCE_RUNNING = "running";
  public static final String SILENCE_BROKEN = "broken";
  public static final String SILENCE_DECIDED = "decided";
  public static final String SILENCE_KEPT = "kept";
  /** JSON list of the silences: round, text, route, circulated at, ends at, status. */
  public static final String SILENCES = "silences";
  /** The instant the running silence ends without objection (ISO instant). */
  public static final String SILENCE_ENDS_AT = "silenceEndsAt";

  /** Settings a cycle may give for this track (passed by the master when set). */
  public static final List<String> SETTINGS = List.of(SILENCE_WINDOW, MAX_REVISIONS);

  /** The members of the Friends of the Chair as the Chair named them (ISO 3166-1 alpha-3 codes, form field). */
  public static final String FOTC_MEMBERS = "fotcMembers";
  /** The delegations that read each draft (JSON list of ISO codes): one reading task each. */
  public static final String FOTC_DELEGATIONS = "fotcDelegations";
  public static final String FOTC_CONSTITUTED_ON = "fotcConstitutedOn";
  /** The delegation of one reading task (its element variable, which routes it to pm-iso3). */
  public static final String DELEGATION = "countryCode";
  /** The comments of one delegation on the draft (local to its reading task). */
  public static final String DELEGATION_COMMENTS = "delegationComments";
  /** JSON list of the delegations' answers: round, delegation, comments, answered by and at. */
  public static final String READING_ANSWERS = "readingAnswers";
  /** The reading under way (1 = the zero draft); incremented when the secretariat revises the draft. */
  public static final String READING_ROUND = "readingRound";
  /** ISO date the current reading closes; set per round by the secretariat. */
  public static final String READING_DEADLINE = "readingDeadline";
  /** The round's comments, delegation by delegation, as the Chair and Legal read them. */
  public static final String READING_COMMENTS = "readingComments";
  public static final String DELEGATIONS_COMMENTING = "delegationsCommenting";
  public static final String DELEGATIONS_SILENT = "delegationsSilent";
  /** JSON list of the reading rounds: round, deadline, closedBy, answered and silent delegations, comments. */
  public static final String READING_ROUNDS = "readingRounds";
  /** How the last round closed: {@value #CLOSED_BY_COMMENTS} or {@value #CLOSED_BY_DEADLINE}. */
  public static final String ROUND_CLOSED_BY = "roundClosedBy";
  /** Input parameter of the round-recording service tasks. */
  public static final String CLOSED_BY = "closedBy";
  /** Every delegation answered. */
  public static final String CLOSED_BY_COMMENTS = "comments";
  /** The round's date came first: it closed with the answers received. */
  public static final String CLOSED_BY_DEADLINE = "deadline";

  public static final String DRAFT_LINK = "draftLink";
  /** The Office of Legal Affairs' advice to the Chair on the text of the round. */
  public static final String LEGAL_ADVICE = "legalAdvice";

  // Form fields the gateways decide on
  public static final String PURSUE_STATEMENT = "pursueStatement";
  public static final String READINESS_DECISION = "readinessDecision";
  public static final String SILENCE_DECISION = "silenceDecision";
  public static final String SESSION_STATUS = "sessionStatus";
  public static final String ENDORSEMENT_DECISION = "endorsementDecision";
  /** The Chair's decision at the revision limit: {@code go-ahead} or {@code stop}. */
  public static final String LIMIT_DECISION = "limitDecision";

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
