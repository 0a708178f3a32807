package org.hldprep.process.counciljointstatement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.hldprep.process.ProcessTestSupport.complete;
import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.hldprep.process.ProcessTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/council-joint-statement.bpmn", "processes/task-routing.dmn",
    "processes/forms/constitute-friends-of-the-chair.form", "processes/forms/prepare-statement-zero-draft.form",
    "processes/forms/comment-on-statement-draft.form", "processes/forms/judge-statement-ready.form",
    "processes/forms/revise-statement-draft.form", "processes/forms/clear-statement-text.form",
    "processes/forms/circulate-statement-under-silence.form", "processes/forms/decide-after-broken-silence.form",
    "processes/forms/revise-statement-after-objection.form", "processes/forms/choose-endorsement-route.form",
    "processes/forms/convene-special-session.form", "processes/forms/record-council-endorsement.form",
    "processes/forms/run-intersessional-endorsement.form", "processes/forms/transmit-joint-statement.form",
    "processes/forms/decide-at-revision-limit.form"})
class CouncilJointStatementProcessTest {

  private static final String BUSINESS_KEY = businessKey("HLD2013");

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestSupport.coverage();

  @BeforeEach
  void registerBeans() {
    // As of MC/2353 (2 Nov 2012): the 2013 calendar lies ahead.
    ProcessTestSupport.today(ProcessTestSupport.MC_2353_ISSUED);
    ProcessTestSupport.registerCommonBeans();
    Mocks.register("councilJointStatementStartListener", new CouncilJointStatementStartListener());
    Mocks.register("checkSilenceWindowListener", new CheckSilenceWindowListener());
    Mocks.register("recordReadingRoundDelegate", new RecordReadingRoundDelegate());
    Mocks.register("recordObjectionDelegate", new RecordObjectionDelegate(ProcessTestSupport.referenceData()));
    Mocks.register("checkSessionNoticeDelegate", new CheckSessionNoticeDelegate());
    Mocks.register("putObjectionsBeforeTheChairListener", new PutObjectionsBeforeTheChairListener());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  // ---------- steps ----------

  private static ProcessInstance start() {
    return start(Map.of());
  }

  private static ProcessInstance start(Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey(KEY, BUSINESS_KEY, variables);
  }

  private static void constitute(ProcessInstance pi) {
    complete(pi.getId(), TASK_CONSTITUTE_FOTC, Map.of(PURSUE_STATEMENT, "pursue",
        "fotcMembers", "Philippines\nKenya\nMexico", "fotcConstitutedOn", "2013-01-25"));
  }

  private static void prepareZeroDraft(ProcessInstance pi, String readingDeadline) {
    complete(pi.getId(), TASK_PREPARE_ZERO_DRAFT, Map.of(DRAFT_LINK, "https://docs.example/zero",
        "seedParagraphsCovered", "[\"29\",\"31\"]", READING_DEADLINE, readingDeadline));
  }

  private static void comment(ProcessInstance pi, String comments) {
    complete(pi.getId(), TASK_COMMENT_IN_READING, Map.of(READING_COMMENTS, comments,
        DELEGATIONS_COMMENTING, "PHL, KEN"));
  }

  private static void judge(ProcessInstance pi, String decision) {
    complete(pi.getId(), TASK_JUDGE_READY, Map.of(READINESS_DECISION, decision, "readinessNote", "tighten §3"));
  }

  private static void revise(ProcessInstance pi, String nextDeadline) {
    complete(pi.getId(), TASK_REVISE_DRAFT, Map.of(DRAFT_LINK, "https://docs.example/rev",
        "revisionNote", "merged proposals", READING_DEADLINE, nextDeadline));
  }

  private static void clear(ProcessInstance pi, String decision) {
    complete(pi.getId(), TASK_CLEAR_TEXT, Map.of(CLEARANCE_DECISION, decision, "legalComments", "Art. 1(1)(e)"));
  }

  private static void circulate(ProcessInstance pi) {
    complete(pi.getId(), TASK_CIRCULATE_UNDER_SILENCE, Map.of("circulatedOn", "2013-05-02",
        DRAFT_LINK, "https://docs.example/final"));
  }

  /** Constitution, zero draft, one reading, ready, cleared, circulated: silence runs. */
  private static ProcessInstance underSilence() {
    ProcessInstance pi = start();
    constitute(pi);
    prepareZeroDraft(pi, "2013-04-05");
    comment(pi, "Agreed with edits");
    judge(pi, "ready");
    clear(pi, "cleared");
    circulate(pi);
    assertThat(pi).isWaitingAt(GATEWAY_SILENCE);
    return pi;
  }

  private static void keepSilence(ProcessInstance pi) {
    execute(job(TIMER_SILENCE_WINDOW, pi));
  }

  /** A Permanent Mission objects, as CycleService correlates it: the details local to the objection. */
  private static void object(String country, String text) {
    runtimeService().createMessageCorrelation(MESSAGE_OBJECTION_RAISED).processInstanceBusinessKey(BUSINESS_KEY)
        .setVariablesLocal(Map.of(OBJECTING_COUNTRY, country, OBJECTION_TEXT, text,
            RECORDED_BY, "pm-" + country.toLowerCase(java.util.Locale.ROOT) + "-user",
            OBJECTION_CHANNEL, CHANNEL_PERMANENT_MISSION))
        .correlate();
  }

  /** The secretariat records an objection received by note verbale for a mission. */
  private static void objectByNoteVerbale(String country, String text, String reference) {
    Map<String, Object> variables = new HashMap<>(Map.of(OBJECTING_COUNTRY, country, OBJECTION_TEXT, text,
        RECORDED_BY, "council-secretary", OBJECTION_CHANNEL, CHANNEL_NOTE_VERBALE));
    if (reference != null) {
      variables.put(NOTE_VERBALE_REFERENCE, reference);
    }
    runtimeService().createMessageCorrelation(MESSAGE_OBJECTION_RAISED).processInstanceBusinessKey(BUSINESS_KEY)
        .setVariablesLocal(variables).correlate();
  }

  private static void chooseSpecialSession(ProcessInstance pi, String noticeDate, String sessionDate) {
    complete(pi.getId(), TASK_CHOOSE_ROUTE, Map.of(ENDORSEMENT_ROUTE, "special-session",
        NOTICE_DATE, noticeDate, SPECIAL_SESSION_DATE, sessionDate));
  }

  private static void endorse(ProcessInstance pi, String taskKey, String decision) {
    Map<String, Object> values = new HashMap<>(Map.of(ENDORSEMENT_DECISION, decision));
    if ("endorsed".equals(decision)) {
      values.put("endorsementReference", "MC/2360");
    }
    complete(pi.getId(), taskKey, values);
  }

  private static Object outcome(ProcessInstance pi) {
    return ProcessTestSupport.outcome(pi);
  }

  private static String json(ProcessInstance pi, String name) {
    return ((SerializableValue) runtimeService().getVariableTyped(pi.getId(), name, false)).getValueSerialized();
  }

  // ---------- tests ----------

  @Test
  void happyPath_specialSessionEndorsesAndTheDirectorGeneralTransmits() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt(TASK_CONSTITUTE_FOTC).variables().containsEntry(SILENCE_WINDOW, "PT72H")
        .containsEntry(READING_ROUND, 1L).containsEntry("endorsementDeadline", "2013-09-06");
    assertThat(task()).hasCandidateGroup("council-chair").hasDueDate(ProcessTestSupport.deadline("2013-01-31"));
    constitute(pi);

    assertThat(pi).isWaitingAt(TASK_PREPARE_ZERO_DRAFT);
    assertThat(task()).hasCandidateGroup("iom-icp-gb").hasCandidateGroup("iom-mpr")
        .hasDueDate(ProcessTestSupport.deadline("2013-03-15"));
    prepareZeroDraft(pi, "2013-04-05");

    assertThat(pi).isWaitingAt(TASK_COMMENT_IN_READING);
    assertThat(task()).hasCandidateGroup("fotc").hasDueDate(ProcessTestSupport.deadline("2013-04-05"));
    comment(pi, "Add a line on diaspora");

    assertThat(pi).isWaitingAt(TASK_JUDGE_READY).variables().containsEntry(ROUND_CLOSED_BY, CLOSED_BY_COMMENTS);
    assertThat(task()).hasCandidateGroup("council-chair").hasDueDate(ProcessTestSupport.deadline("2013-05-30"));
    judge(pi, "ready");

    assertThat(pi).isWaitingAt(TASK_CLEAR_TEXT);
    assertThat(task()).hasCandidateGroup("iom-legal");
    clear(pi, "cleared");

    assertThat(pi).isWaitingAt(TASK_CIRCULATE_UNDER_SILENCE);
    assertThat(task()).hasCandidateGroup("iom-icp-gb");
    circulate(pi);
    assertThat(pi).isWaitingAt(GATEWAY_SILENCE).variables().containsEntry(SILENCE_ROUND, 1L);
    keepSilence(pi);

    assertThat(pi).isWaitingAt(TASK_CHOOSE_ROUTE);
    assertThat(task()).hasCandidateGroup("iom-icp-gb").hasDueDate(ProcessTestSupport.deadline("2013-09-06"));
    chooseSpecialSession(pi, "2013-05-30", "2013-06-14");

    assertThat(pi).isWaitingAt(TASK_CONVENE_SPECIAL_SESSION).variables().containsEntry(SESSION_NOTICE_DAYS, 15L)
        .containsEntry(SESSION_NOTICE_SUFFICIENT, true).containsEntry(SESSION_NOTICE_PROBLEM, null);
    assertThat(task()).hasCandidateGroup("iom-icp-gb").hasDueDate(ProcessTestSupport.deadline("2013-05-30"));
    complete(pi.getId(), TASK_CONVENE_SPECIAL_SESSION, Map.of(SESSION_STATUS, "convened",
        "convocationReference", "C/102/1"));

    assertThat(pi).isWaitingAt(TIMER_SPECIAL_SESSION_DATE);
    Assertions.assertThat(job(TIMER_SPECIAL_SESSION_DATE, pi).getDuedate())
        .isEqualTo(ProcessTestSupport.dayStart("2013-06-14"));
    execute(job(TIMER_SPECIAL_SESSION_DATE, pi));

    assertThat(pi).isWaitingAt(TASK_RECORD_ENDORSEMENT);
    assertThat(task()).hasCandidateGroup("council-chair").hasDueDate(ProcessTestSupport.deadline("2013-06-14"));
    endorse(pi, TASK_RECORD_ENDORSEMENT, "endorsed");

    assertThat(pi).isWaitingAt(TASK_TRANSMIT);
    assertThat(task()).hasCandidateGroup("iom-dg").hasDueDate(ProcessTestSupport.deadline("2013-09-13"));
    complete(pi.getId(), TASK_TRANSMIT, Map.of("transmittedOn", "2013-06-20", "transmittalReference", "DG/2013/1"));

    assertThat(pi).isEnded().hasPassed(END_TRANSMITTED);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_TRANSMITTED);
  }

  @Test
  void intersessionalRoute_endorsedAndTransmitted() {
    ProcessInstance pi = underSilence();
    keepSilence(pi);
    complete(pi.getId(), TASK_CHOOSE_ROUTE, Map.of(ENDORSEMENT_ROUTE, "intersessional"));

    assertThat(pi).isWaitingAt(TASK_RUN_INTERSESSIONAL);
    assertThat(task()).hasCandidateGroup("iom-icp-gb").hasDueDate(ProcessTestSupport.deadline("2013-09-06"));
    Map<String, Object> values = new HashMap<>(Map.of("procedureClosedOn", "2013-09-02"));
    values.put(ENDORSEMENT_DECISION, "endorsed");
    values.put("endorsementReference", "written procedure 2013/1");
    complete(pi.getId(), TASK_RUN_INTERSESSIONAL, values);

    assertThat(pi).isWaitingAt(TASK_TRANSMIT);
    complete(pi.getId(), TASK_TRANSMIT, Map.of("transmittedOn", "2013-09-10", "transmittalReference", "DG/2013/2"));
    assertThat(pi).isEnded().hasPassed(END_TRANSMITTED).hasNotPassed(TASK_CONVENE_SPECIAL_SESSION);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_TRANSMITTED);
  }

  @Test
  void readingDeadlinePasses_roundClosesWithTheCommentsReceivedAndTheNextRoundHasItsOwnDeadline() {
    ProcessInstance pi = start();
    constitute(pi);
    prepareZeroDraft(pi, "2013-04-05");
    Job firstRound = job(TIMER_READING_DEADLINE, pi);
    Assertions.assertThat(firstRound.getDuedate()).isEqualTo(ProcessTestSupport.deadline("2013-04-05"));
    execute(firstRound);

    assertThat(pi).hasPassed(TASK_CLOSE_READING_AT_DEADLINE).isWaitingAt(TASK_JUDGE_READY).variables()
        .containsEntry(ROUND_CLOSED_BY, CLOSED_BY_DEADLINE)
        .hasEntrySatisfying(READING_COMMENTS, c -> Assertions.assertThat((String) c)
            .contains("No comments were received by the deadline of reading 1"));
    judge(pi, "another-reading");

    assertThat(pi).isWaitingAt(TASK_REVISE_DRAFT);
    assertThat(task()).hasCandidateGroup("iom-icp-gb").hasDueDate(ProcessTestSupport.deadline("2013-05-30"));
    revise(pi, "2013-04-26");

    assertThat(pi).isWaitingAt(TASK_COMMENT_IN_READING).variables().containsEntry(READING_ROUND, 2L)
        .containsEntry(REVISION_REASON, "another-reading");
    assertThat(task()).hasCandidateGroup("fotc").hasDueDate(ProcessTestSupport.deadline("2013-04-26"));
    Assertions.assertThat(job(TIMER_READING_DEADLINE, pi).getDuedate())
        .isEqualTo(ProcessTestSupport.deadline("2013-04-26"));
    comment(pi, "Fine now");

    assertThat(pi).isWaitingAt(TASK_JUDGE_READY).variables().containsEntry(ROUND_CLOSED_BY, CLOSED_BY_COMMENTS)
        .containsEntry(READING_COMMENTS, "Fine now");
    Assertions.assertThat(json(pi, READING_ROUNDS))
        .contains("\"round\":1", "\"closedBy\":\"deadline\"", "\"deadline\":\"2013-04-05\"")
        .contains("\"round\":2", "\"closedBy\":\"comments\"", "\"deadline\":\"2013-04-26\"", "Fine now");
    judge(pi, "ready");
    assertThat(pi).isWaitingAt(TASK_CLEAR_TEXT);
  }

  @Test
  void legalReturn_secretariatRevisesAndTheFriendsReadTheTextAgain() {
    ProcessInstance pi = start();
    constitute(pi);
    prepareZeroDraft(pi, "2013-04-05");
    comment(pi, "ok");
    judge(pi, "ready");
    clear(pi, "returned");

    assertThat(pi).isWaitingAt(TASK_REVISE_DRAFT).variables().containsEntry(REVISION_REASON, "legal-return")
        .containsEntry("legalComments", "Art. 1(1)(e)");
    revise(pi, "2013-05-10");
    assertThat(pi).isWaitingAt(TASK_COMMENT_IN_READING).variables().containsEntry(READING_ROUND, 2L);
    comment(pi, "ok with legal edits");
    judge(pi, "ready");
    clear(pi, "cleared");
    assertThat(pi).isWaitingAt(TASK_CIRCULATE_UNDER_SILENCE);
  }

  @Test
  void objectionBreaksSilence_chairRevisesAndSilenceRunsAgainAndIsKept() {
    ProcessInstance pi = underSilence();
    object("phl", "Paragraph 4 prejudges the outcome of the HLD");

    assertThat(pi).hasPassed(CONDITIONAL_OBJECTION_PENDING, TASK_RECORD_OBJECTION)
        .isWaitingAt(TASK_DECIDE_AFTER_BROKEN_SILENCE)
        .variables().containsEntry(OBJECTION_COUNT, 1L).containsEntry(PENDING_OBJECTIONS, 1L)
        .doesNotContainKey(OBJECTING_COUNTRY);
    Assertions.assertThat(taskService().getVariableLocal(task().getId(), OBJECTIONS_BEFORE_THE_CHAIR).toString())
        .contains("Philippines (PHL, permanent-mission): Paragraph 4 prejudges");
    assertThat(task()).hasCandidateGroup("council-chair").hasDueDate(ProcessTestSupport.deadline("2013-09-06"));
    Assertions.assertThat(job(TIMER_SILENCE_WINDOW, pi)).isNull();
    complete(pi.getId(), TASK_DECIDE_AFTER_BROKEN_SILENCE, Map.of(SILENCE_DECISION, "revise",
        "silenceDecisionNote", "Consult the Philippines"));

    assertThat(pi).isWaitingAt(TASK_REVISE_AFTER_OBJECTION);
    assertThat(task()).hasCandidateGroup("iom-icp-gb");
    complete(pi.getId(), TASK_REVISE_AFTER_OBJECTION, Map.of(DRAFT_LINK, "https://docs.example/rev-silence",
        "revisionNote", "Paragraph 4 reworded"));

    assertThat(pi).isWaitingAt(TASK_CIRCULATE_UNDER_SILENCE);
    circulate(pi);
    assertThat(pi).isWaitingAt(GATEWAY_SILENCE).variables().containsEntry(SILENCE_ROUND, 2L);
    object("KEN", "Paragraph 6 too");
    complete(pi.getId(), TASK_DECIDE_AFTER_BROKEN_SILENCE, Map.of(SILENCE_DECISION, "revise",
        "silenceDecisionNote", "Consult Kenya"));
    complete(pi.getId(), TASK_REVISE_AFTER_OBJECTION, Map.of("revisionNote", "Paragraph 6 reworded"));
    circulate(pi);
    keepSilence(pi);

    assertThat(pi).isWaitingAt(TASK_CHOOSE_ROUTE).variables().containsEntry(OBJECTION_COUNT, 2L)
        .containsEntry(SILENCE_ROUND, 3L);
    Assertions.assertThat(json(pi, OBJECTIONS))
        .contains("\"silenceRound\":1", "\"country\":\"PHL\"", "Paragraph 4 prejudges")
        .contains("\"silenceRound\":2", "\"country\":\"KEN\"", "Paragraph 6 too");
  }

  @Test
  void droppedParagraph_isRecirculatedUnderAFreshSilenceWindow() {
    ProcessInstance pi = underSilence();
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2013-05-02T08:00:00Z")));
    object("MEX", "Cannot accept paragraph 7");
    complete(pi.getId(), TASK_DECIDE_AFTER_BROKEN_SILENCE, Map.of(SILENCE_DECISION, "drop-paragraph",
        "contestedParagraph", "7", "silenceDecisionNote", "Paragraph 7 is not essential"));

    assertThat(pi).isWaitingAt(TASK_CIRCULATE_UNDER_SILENCE).hasNotPassed(TASK_REVISE_AFTER_OBJECTION);
    complete(pi.getId(), TASK_CIRCULATE_UNDER_SILENCE, Map.of("circulatedOn", "2013-05-02",
        DRAFT_LINK, "https://docs.example/without-7", SILENCE_WINDOW, "pt96h"));
    Assertions.assertThat(job(TIMER_SILENCE_WINDOW, pi).getDuedate())
        .isEqualTo(java.util.Date.from(Instant.parse("2013-05-02T08:00:00Z").plus(96, ChronoUnit.HOURS)));
    assertThat(pi).variables().containsEntry(SILENCE_WINDOW, "PT96H");
    keepSilence(pi);
    assertThat(pi).isWaitingAt(TASK_CHOOSE_ROUTE);
  }

  @Test
  void chairAbandonsAfterBrokenSilence_endsWithNoConsensus() {
    ProcessInstance pi = underSilence();
    object("PHL", "Fundamental disagreement");
    complete(pi.getId(), TASK_DECIDE_AFTER_BROKEN_SILENCE, Map.of(SILENCE_DECISION, "abandon",
        "silenceDecisionNote", "No prospect of consensus before the HLD"));
    assertThat(pi).isEnded().hasPassed(END_NO_CONSENSUS);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_NO_CONSENSUS);
  }

  @Test
  void chairDecidesNotToPursue_endsNotPursued() {
    ProcessInstance pi = start();
    complete(pi.getId(), TASK_CONSTITUTE_FOTC, Map.of(PURSUE_STATEMENT, "not-pursued",
        "notPursuedReason", "Member States prefer national statements"));
    assertThat(pi).isEnded().hasPassed(END_NOT_PURSUED);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_NOT_PURSUED);
  }

  @Test
  void noConsensusInTheFriendsInTime_endsNotPursued() {
    ProcessInstance pi = start();
    constitute(pi);
    prepareZeroDraft(pi, "2013-04-05");
    comment(pi, "Deep divisions on §32");
    complete(pi.getId(), TASK_JUDGE_READY, Map.of(READINESS_DECISION, "stop",
        "noConsensusReason", "No agreement on IOM's GMG role"));
    assertThat(pi).isEnded().hasPassed(END_NO_CONSENSUS_IN_FRIENDS);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_NOT_PURSUED);
  }

  @Test
  void councilDoesNotEndorse_inSessionOrIntersessionally_endsNotEndorsed() {
    ProcessInstance session = underSilence();
    keepSilence(session);
    chooseSpecialSession(session, "2013-05-20", "2013-06-14");
    complete(session.getId(), TASK_CONVENE_SPECIAL_SESSION, Map.of(SESSION_STATUS, "convened",
        "convocationReference", "C/102/1"));
    execute(job(TIMER_SPECIAL_SESSION_DATE, session));
    endorse(session, TASK_RECORD_ENDORSEMENT, "not-endorsed");
    assertThat(session).isEnded().hasPassed(END_NOT_ENDORSED_BY_SESSION);
    Assertions.assertThat(outcome(session)).isEqualTo(OUTCOME_NOT_ENDORSED);

    ProcessInstance written = underSilence();
    keepSilence(written);
    complete(written.getId(), TASK_CHOOSE_ROUTE, Map.of(ENDORSEMENT_ROUTE, "intersessional"));
    complete(written.getId(), TASK_RUN_INTERSESSIONAL, Map.of("procedureClosedOn", "2013-09-02",
        ENDORSEMENT_DECISION, "not-endorsed"));
    assertThat(written).isEnded().hasPassed(END_NOT_ENDORSED_INTERSESSIONALLY);
    Assertions.assertThat(outcome(written)).isEqualTo(OUTCOME_NOT_ENDORSED);
  }

  @Test
  void tooShortNotice_bringsTheRouteChoiceBackWithTheEarliestPossibleDate() {
    ProcessInstance pi = underSilence();
    keepSilence(pi);
    chooseSpecialSession(pi, "2013-06-04", "2013-06-14");

    assertThat(pi).hasPassed(TASK_CHECK_SESSION_NOTICE).isWaitingAt(TASK_CHOOSE_ROUTE).hasNotPassed(
        TASK_CONVENE_SPECIAL_SESSION).variables().containsEntry(SESSION_NOTICE_DAYS, 10L)
        .containsEntry(SESSION_NOTICE_SUFFICIENT, false)
        .hasEntrySatisfying(SESSION_NOTICE_PROBLEM, p -> Assertions.assertThat((String) p)
            .contains("10 days", "at least 15 days", "2013-06-19", "intersessional"));
    chooseSpecialSession(pi, "2013-06-04", "2013-06-19");
    assertThat(pi).isWaitingAt(TASK_CONVENE_SPECIAL_SESSION).variables().containsEntry(SESSION_NOTICE_PROBLEM, null);
  }

  @Test
  void councilCalendarShifts_secretariatChoosesTheRouteAgain() {
    ProcessInstance pi = underSilence();
    keepSilence(pi);
    chooseSpecialSession(pi, "2013-05-20", "2013-06-14");
    complete(pi.getId(), TASK_CONVENE_SPECIAL_SESSION, Map.of(SESSION_STATUS, "replan",
        "replanReason", "The 14 June special session is given to the DG election"));
    assertThat(pi).isWaitingAt(TASK_CHOOSE_ROUTE).hasNotPassed(TIMER_SPECIAL_SESSION_DATE);
    complete(pi.getId(), TASK_CHOOSE_ROUTE, Map.of(ENDORSEMENT_ROUTE, "intersessional"));
    assertThat(pi).isWaitingAt(TASK_RUN_INTERSESSIONAL);
  }

  @Test
  void anObjectionBeforeTheSilence_isQueued_andBreaksItAsSoonAsItStarts() {
    ProcessInstance pi = start();
    constitute(pi);
    object("PHL", "Paragraph 2 is premature");
    assertThat(pi).isWaitingAt(TASK_PREPARE_ZERO_DRAFT).variables().containsEntry(PENDING_OBJECTIONS, 1L);
    prepareZeroDraft(pi, "2013-04-05");
    comment(pi, "ok");
    judge(pi, "ready");
    clear(pi, "cleared");
    circulate(pi);
    assertThat(pi).hasPassed(CONDITIONAL_OBJECTION_PENDING).isWaitingAt(TASK_DECIDE_AFTER_BROKEN_SILENCE);
    Assertions.assertThat(job(TIMER_SILENCE_WINDOW, pi)).isNull();
    Assertions.assertThat(taskService().getVariableLocal(task().getId(), OBJECTIONS_BEFORE_THE_CHAIR).toString())
        .contains("Paragraph 2 is premature");
  }

  @Test
  void severalObjectionsInOneWindow_andWhileTheChairDecides_areAllKeptAndAllDecidedOn() {
    ProcessInstance pi = underSilence();
    object("PHL", "Paragraph 4");
    // The silence is broken; more objections of the same window arrive while the Chair decides.
    object("KEN", "Paragraph 6");
    object("MEX", "Paragraph 9");
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isOne();
    Assertions.assertThat(taskService().getVariableLocal(task().getId(), OBJECTIONS_BEFORE_THE_CHAIR).toString())
        .contains("Philippines").doesNotContain("Kenya");
    complete(pi.getId(), TASK_DECIDE_AFTER_BROKEN_SILENCE, Map.of(SILENCE_DECISION, "drop-paragraph",
        "contestedParagraph", "4"));
    assertThat(pi).variables().containsEntry(OBJECTION_COUNT, 3L).containsEntry(PENDING_OBJECTIONS, 2L);
    circulate(pi);
    assertThat(pi).as("the next silence breaks at once on the objections kept")
        .isWaitingAt(TASK_DECIDE_AFTER_BROKEN_SILENCE);
    Assertions.assertThat(taskService().getVariableLocal(task().getId(), OBJECTIONS_BEFORE_THE_CHAIR).toString())
        .contains("Kenya", "Mexico").doesNotContain("Philippines");
    complete(pi.getId(), TASK_DECIDE_AFTER_BROKEN_SILENCE, Map.of(SILENCE_DECISION, "drop-paragraph",
        "contestedParagraph", "6, 9"));
    circulate(pi);
    keepSilence(pi);
    Assertions.assertThat(json(pi, OBJECTIONS)).contains("\"country\":\"PHL\"", "\"country\":\"KEN\"",
        "\"country\":\"MEX\"", "\"status\":\"considered\"").doesNotContain("\"status\":\"pending\"");
    assertThat(pi).variables().containsEntry(PENDING_OBJECTIONS, 0L);

    object("PHL", "After the adoption");
    assertThat(pi).isWaitingAt(TASK_CHOOSE_ROUTE);
    Assertions.assertThat(json(pi, OBJECTIONS)).contains("\"status\":\"after-adoption\"");
  }

  @Test
  void theSecretariatRecordsAnObjectionByNoteVerbale_forANamedMission() {
    ProcessInstance pi = underSilence();
    assertThatThrownBy(() -> objectByNoteVerbale("MEX", "By note", null)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(NOTE_VERBALE_REFERENCE);
    objectByNoteVerbale("MEX", "Paragraph 3", "NV/MEX/2013/41");
    assertThat(pi).isWaitingAt(TASK_DECIDE_AFTER_BROKEN_SILENCE);
    Assertions.assertThat(json(pi, OBJECTIONS)).contains("\"recordedBy\":\"council-secretary\"",
        "\"country\":\"MEX\"", "\"channel\":\"note-verbale\"", "\"noteVerbaleReference\":\"NV/MEX/2013/41\"");
  }

  @Test
  void onlyAPermanentMissionOfAnIomMemberStateOnThatDay_mayObject() {
    ProcessInstance pi = underSilence();
    assertThatThrownBy(() -> object("XYZ", "unknown")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("'XYZ'");
    assertThatThrownBy(() -> object("PHL", " ")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(OBJECTION_TEXT);
    assertThatThrownBy(() -> object("CHN", "not yet a member")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("China (CHN) was not an IOM Member State on 2012-11-02 (admitted on 2016-06-30");
    assertThatThrownBy(() -> object("MWI", "admitted in June 2013")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("was not an IOM Member State on 2012-11-02");
    assertThatThrownBy(() -> object("RUS", "membership unknown")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(
            "The reference data does not say whether Russian Federation (RUS) was an IOM Member State");
    assertThat(pi).isWaitingAt(GATEWAY_SILENCE).variables().containsEntry(OBJECTION_COUNT, 0L);
    ProcessTestSupport.today(java.time.LocalDate.of(2013, 6, 20));
    object("MWI", "Now a member");
    assertThat(pi).isWaitingAt(TASK_DECIDE_AFTER_BROKEN_SILENCE);
  }

  @Test
  void objectionsEndWithTheTrack() {
    ProcessInstance pi = start();
    complete(pi.getId(), TASK_CONSTITUTE_FOTC, Map.of(PURSUE_STATEMENT, "not-pursued"));
    assertThatThrownBy(() -> object("PHL", "too late")).isInstanceOf(MismatchingMessageCorrelationException.class);
  }

  @Test
  void aNoticeDatedInThePast_cannotGoOutAnyMore() {
    ProcessInstance pi = underSilence();
    keepSilence(pi);
    ProcessTestSupport.today(java.time.LocalDate.of(2013, 6, 5));
    chooseSpecialSession(pi, "2013-05-20", "2013-06-14");
    assertThat(pi).isWaitingAt(TASK_CHOOSE_ROUTE).variables().containsEntry(SESSION_NOTICE_SUFFICIENT, false)
        .hasEntrySatisfying(SESSION_NOTICE_PROBLEM, p -> Assertions.assertThat((String) p)
            .contains("today (2013-06-05) at the earliest", "2013-06-20"));
    chooseSpecialSession(pi, "2013-06-05", "2013-09-20");
    assertThat(pi).variables().hasEntrySatisfying(SESSION_NOTICE_PROBLEM, p -> Assertions.assertThat((String) p)
        .contains("after the endorsement deadline of 2013-09-06"));
    chooseSpecialSession(pi, "2013-06-05", "2013-06-20");
    assertThat(pi).isWaitingAt(TASK_CONVENE_SPECIAL_SESSION);
  }

  @Test
  void badInputVariablesAndSilenceWindows_areRefused() {
    assertThatThrownBy(() -> start(Map.of(SILENCE_WINDOW, "72 hours"))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("'72 hours'");
    assertThatThrownBy(() -> start(Map.of(SILENCE_WINDOW, "-PT72H"))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(SILENCE_WINDOW);
    assertThatThrownBy(() -> start(Map.of("finalTextDeadline", "end of May")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("finalTextDeadline");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();

    ProcessInstance pi = start(Map.of(SILENCE_WINDOW, "P5D"));
    assertThat(pi).variables().containsEntry(SILENCE_WINDOW, "P5D");
    constitute(pi);
    prepareZeroDraft(pi, "2013-04-05");
    comment(pi, "ok");
    judge(pi, "ready");
    clear(pi, "cleared");
    assertThatThrownBy(() -> complete(pi.getId(), TASK_CIRCULATE_UNDER_SILENCE, Map.of("circulatedOn", "2013-05-02",
        SILENCE_WINDOW, "three days"))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("'three days'");
    assertThat(pi).isWaitingAt(TASK_CIRCULATE_UNDER_SILENCE);
  }

  @Test
  void specialSessionWithoutNoticeDate_isRefused() {
    ProcessInstance pi = underSilence();
    keepSilence(pi);
    assertThatThrownBy(() -> complete(pi.getId(), TASK_CHOOSE_ROUTE, Map.of(ENDORSEMENT_ROUTE, "special-session")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining(NOTICE_DATE);
    assertThatThrownBy(() -> chooseSpecialSession(pi, "20 May", "2013-06-14"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'20 May'");
    assertThat(pi).isWaitingAt(TASK_CHOOSE_ROUTE);
  }

  @Test
  void revisedAsOftenAsAllowed_theChairDecidesInsteadOfAnotherRevision() {
    ProcessInstance pi = start(Map.of(MAX_REVISIONS, 1));
    constitute(pi);
    prepareZeroDraft(pi, "2013-04-05");
    comment(pi, "First reading");
    judge(pi, "another-reading");
    revise(pi, "2013-04-20");
    comment(pi, "Second reading");
    judge(pi, "ready");
    clear(pi, "returned");
    assertThat(pi).isWaitingAt(TASK_DECIDE_AT_REVISION_LIMIT).variables().containsEntry(REVISIONS, 1L);
    assertThat(task()).hasCandidateGroup("council-chair").hasDueDate(ProcessTestSupport.deadline("2013-05-30"));
    complete(pi.getId(), TASK_DECIDE_AT_REVISION_LIMIT, Map.of(LIMIT_DECISION, "clearance"));
    assertThat(pi).isWaitingAt(TASK_CLEAR_TEXT);
    clear(pi, "returned");
    complete(pi.getId(), TASK_DECIDE_AT_REVISION_LIMIT,
        Map.of(LIMIT_DECISION, "stop", "limitDecisionNote", "No time left"));
    assertThat(pi).isEnded().hasPassed(END_NO_CONSENSUS_IN_FRIENDS);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_NOT_PURSUED);
  }

  @Test
  void eachPhaseIsCutOffByTheCalendar() {
    ProcessInstance constitution = start();
    Assertions.assertThat(job(TIMER_CONSTITUTION_CUT_OFF, constitution).getDuedate())
        .isEqualTo(ProcessTestSupport.deadline("2013-03-15"));
    execute(job(TIMER_CONSTITUTION_CUT_OFF, constitution));
    assertThat(constitution).isEnded().hasPassed(END_CONSTITUTION_CUT_OFF);
    Assertions.assertThat(outcome(constitution)).isEqualTo(OUTCOME_NOT_PURSUED);

    ProcessInstance negotiation = start();
    constitute(negotiation);
    execute(job(TIMER_NEGOTIATION_CUT_OFF, negotiation));
    assertThat(negotiation).isEnded().hasPassed(END_NEGOTIATION_CUT_OFF);
    Assertions.assertThat(outcome(negotiation)).isEqualTo(OUTCOME_NOT_PURSUED);

    ProcessInstance silence = underSilence();
    Assertions.assertThat(job(TIMER_SILENCE_CUT_OFF, silence).getDuedate())
        .isEqualTo(ProcessTestSupport.deadline("2013-09-06"));
    execute(job(TIMER_SILENCE_CUT_OFF, silence));
    assertThat(silence).isEnded().hasPassed(END_SILENCE_CUT_OFF);
    Assertions.assertThat(outcome(silence)).isEqualTo(OUTCOME_NO_CONSENSUS);

    ProcessInstance endorsement = underSilence();
    keepSilence(endorsement);
    execute(job(TIMER_ENDORSEMENT_CUT_OFF, endorsement));
    assertThat(endorsement).isEnded().hasPassed(END_ENDORSEMENT_CUT_OFF);
    Assertions.assertThat(outcome(endorsement)).isEqualTo(OUTCOME_NOT_ENDORSED);

    ProcessInstance transmittal = underSilence();
    keepSilence(transmittal);
    complete(transmittal.getId(), TASK_CHOOSE_ROUTE, Map.of(ENDORSEMENT_ROUTE, "intersessional"));
    endorse(transmittal, TASK_RUN_INTERSESSIONAL, "endorsed");
    execute(job(TIMER_TRANSMITTAL_CUT_OFF, transmittal));
    assertThat(transmittal).isEnded().hasPassed(END_TRANSMITTAL_OPEN_AT_CUT_OFF);
    Assertions.assertThat(outcome(transmittal)).isEqualTo(OUTCOME_OPEN_AT_CUT_OFF);
  }
}
