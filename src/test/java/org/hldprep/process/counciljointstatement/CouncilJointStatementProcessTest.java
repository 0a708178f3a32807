package org.hldprep.process.counciljointstatement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.hldprep.process.ProcessTestSupport.complete;
import static org.hldprep.process.counciljointstatement.AdoptionRoute.*;
import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.hldprep.process.ProcessTestSupport;
import org.hldprep.reference.IomMembership;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.ReferenceData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Council's joint statement by its Rules of Procedure: each delegation of the Friends of the Chair
 * reads in its own task, Legal advises the Chair, the Chair or the Director General decides the route
 * (Rules 1-2, the request of a third of the members counted against the membership of the day), the
 * silence is the adoption on the intersessional route and settles the text before a session's notice
 * (Rule 4), objections stay with the text under silence, and the Chairperson transmits.
 */
@Deployment(resources = {"processes/council-joint-statement.bpmn", "processes/task-routing.dmn",
    "processes/forms/constitute-friends-of-the-chair.form", "processes/forms/prepare-statement-zero-draft.form",
    "processes/forms/comment-on-draft-for-delegation.form", "processes/forms/advise-chair-on-statement.form",
    "processes/forms/judge-statement-ready.form", "processes/forms/revise-statement-draft.form",
    "processes/forms/decide-on-text-at-revision-limit.form", "processes/forms/decide-adoption-route.form",
    "processes/forms/circulate-statement-under-silence.form", "processes/forms/decide-after-broken-silence.form",
    "processes/forms/revise-statement-after-objection.form", "processes/forms/convene-council-session.form",
    "processes/forms/record-council-adoption.form", "processes/forms/transmit-joint-statement.form"})
class CouncilJointStatementProcessTest {

  private static final String BUSINESS_KEY = businessKey("HLD2013");
  private static final List<String> FRIENDS = List.of("MEX", "PHL", "KEN");

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestSupport.coverage();

  @BeforeEach
  void registerBeans() {
    // As of MC/2353 (2 Nov 2012): the 2013 calendar lies ahead.
    ProcessTestSupport.today(ProcessTestSupport.MC_2353_ISSUED);
    ProcessTestSupport.registerCommonBeans();
    ReferenceData data = ProcessTestSupport.referenceData();
    Mocks.register("councilJointStatementStartListener", new CouncilJointStatementStartListener());
    Mocks.register("constituteFriendsOfTheChairListener", new ConstituteFriendsOfTheChairListener(data));
    Mocks.register("recordDelegationReadingListener", new RecordDelegationReadingListener());
    Mocks.register("checkSilenceWindowListener", new CheckSilenceWindowListener());
    Mocks.register("openSilenceListener", new OpenSilenceListener());
    Mocks.register("closeSilenceListener", new CloseSilenceListener());
    Mocks.register("recordReadingRoundDelegate", new RecordReadingRoundDelegate());
    Mocks.register("recordObjectionDelegate", new RecordObjectionDelegate(data));
    Mocks.register("checkAdoptionRouteDelegate", new CheckAdoptionRouteDelegate(data));
    Mocks.register("checkSessionNoticeDelegate", new CheckSessionNoticeDelegate());
    Mocks.register("putObjectionsBeforeTheChairListener", new PutObjectionsBeforeTheChairListener());
    Mocks.register("recordTransmittalListener", new RecordTransmittalListener());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
    identityService().clearAuthentication();
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
        FOTC_MEMBERS, String.join(", ", FRIENDS).toLowerCase(java.util.Locale.ROOT), FOTC_CONSTITUTED_ON,
        "2013-01-25"));
  }

  private static void prepareZeroDraft(ProcessInstance pi, String readingDeadline) {
    complete(pi.getId(), TASK_PREPARE_ZERO_DRAFT, Map.of(DRAFT_LINK, "https://docs.example/zero",
        "seedParagraphsCovered", "[\"29\",\"31\"]", READING_DEADLINE, readingDeadline));
  }

  /** The reading tasks open now, by delegation. */
  private static Map<String, Task> readingTasks(ProcessInstance pi) {
    Map<String, Task> tasks = new java.util.LinkedHashMap<>();
    for (Task task : taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_COMMENT_IN_READING).list()) {
      tasks.put(String.valueOf(taskService().getVariable(task.getId(), DELEGATION)), task);
    }
    return tasks;
  }

  private static void answer(ProcessInstance pi, String delegation, String comments) {
    taskService().complete(readingTasks(pi).get(delegation).getId(), Map.of(DELEGATION_COMMENTS, comments));
  }

  private static void everyoneAnswers(ProcessInstance pi) {
    FRIENDS.forEach(d -> answer(pi, d, "Comments of " + d));
  }

  private static void advise(ProcessInstance pi) {
    complete(pi.getId(), TASK_ADVISE_CHAIR, Map.of(LEGAL_ADVICE, "Consistent with Art. 1(1)(e) of the Constitution"));
  }

  private static void judge(ProcessInstance pi, String decision) {
    complete(pi.getId(), TASK_JUDGE_READY, Map.of(READINESS_DECISION, decision, "readinessNote", "tighten §3"));
  }

  /** Constitution, zero draft, one reading, advice, ready: the route is to be decided. */
  private static ProcessInstance textReady() {
    ProcessInstance pi = start();
    constitute(pi);
    prepareZeroDraft(pi, "2013-04-05");
    everyoneAnswers(pi);
    advise(pi);
    judge(pi, "ready");
    assertThat(pi).isWaitingAt(TASK_DECIDE_ROUTE);
    return pi;
  }

  private static void decide(ProcessInstance pi, Map<String, Object> values) {
    complete(pi.getId(), TASK_DECIDE_ROUTE, values);
  }

  private static void decideAs(String user, String group, ProcessInstance pi, Map<String, Object> values) {
    identityService().setAuthentication(user, List.of(group));
    try {
      decide(pi, values);
    } finally {
      identityService().clearAuthentication();
    }
  }

  private static Map<String, Object> urgentSpecialSession(String basis, String session) {
    return Map.of(ROUTE, SPECIAL_SESSION, BASIS, basis, URGENT_CIRCUMSTANCES,
        "The HLD modalities leave no time for the regular session", SPECIAL_SESSION_DATE, session);
  }

  private static void intersessional(ProcessInstance pi) {
    decide(pi, Map.of(ROUTE, INTERSESSIONAL));
  }

  private static void circulate(ProcessInstance pi, String link) {
    complete(pi.getId(), TASK_CIRCULATE_UNDER_SILENCE, Map.of("circulatedOn", "2013-05-02", DRAFT_LINK, link));
  }

  private static void keepSilence(ProcessInstance pi) {
    execute(job(TIMER_SILENCE_WINDOW, pi));
  }

  /** A Permanent Mission objects, as CycleService correlates it: the details local to the objection. */
  private static void object(String country, String text, Integer silence) {
    Map<String, Object> variables = new HashMap<>(Map.of(OBJECTING_COUNTRY, country, OBJECTION_TEXT, text,
        RECORDED_BY, "pm-" + country.toLowerCase(java.util.Locale.ROOT) + "-user",
        OBJECTION_CHANNEL, CHANNEL_PERMANENT_MISSION));
    if (silence != null) {
      variables.put(OBJECTED_SILENCE, silence);
    }
    runtimeService().createMessageCorrelation(MESSAGE_OBJECTION_RAISED).processInstanceBusinessKey(BUSINESS_KEY)
        .setVariablesLocal(variables).correlate();
  }

  private static void objectByNoteVerbale(String country, String text, String reference) {
    Map<String, Object> variables = new HashMap<>(Map.of(OBJECTING_COUNTRY, country, OBJECTION_TEXT, text,
        RECORDED_BY, "council-secretary", OBJECTION_CHANNEL, CHANNEL_NOTE_VERBALE, OBJECTED_SILENCE, 1));
    if (reference != null) {
      variables.put(NOTE_VERBALE_REFERENCE, reference);
    }
    runtimeService().createMessageCorrelation(MESSAGE_OBJECTION_RAISED).processInstanceBusinessKey(BUSINESS_KEY)
        .setVariablesLocal(variables).correlate();
  }

  private static void convene(ProcessInstance pi, String noticeDate) {
    complete(pi.getId(), TASK_CONVENE_SESSION, Map.of(SESSION_STATUS, SESSION_CONVENED, NOTICE_DATE, noticeDate,
        "convocationReference", "C/102/1"));
  }

  private static void adopt(ProcessInstance pi, String decision) {
    Map<String, Object> values = new HashMap<>(Map.of(ENDORSEMENT_DECISION, decision));
    if ("endorsed".equals(decision)) {
      values.put("endorsementReference", "Resolution 1260");
    }
    complete(pi.getId(), TASK_RECORD_ENDORSEMENT, values);
  }

  private static void transmit(ProcessInstance pi) {
    complete(pi.getId(), TASK_TRANSMIT, Map.of("transmittedOn", "2013-06-20", "transmittalReference", "C/CH/2013/1"));
  }

  private static Object outcome(ProcessInstance pi) {
    return ProcessTestSupport.outcome(pi);
  }

  private static String json(ProcessInstance pi, String name) {
    return ((SerializableValue) runtimeService().getVariableTyped(pi.getId(), name, false)).getValueSerialized();
  }

  private static Object variable(ProcessInstance pi, String name) {
    return runtimeService().getVariable(pi.getId(), name);
  }

  private static String taskVariable(String name) {
    return String.valueOf(taskService().getVariableLocal(task().getId(), name));
  }

  /** The IOM Member States on a day, as the reference data knows them. */
  private static List<String> membersOn(LocalDate day) {
    return ProcessTestSupport.referenceData().memberStates().stream().map(MemberState::iso3)
        .filter(
            c -> ProcessTestSupport.referenceData().iomMembership(c).on(day).status() == IomMembership.Status.MEMBER)
        .toList();
  }

  private static Map<String, Object> membersRequest(List<String> states, String receivedOn, String session) {
    return Map.of(ROUTE, SPECIAL_SESSION, BASIS, MEMBERS_REQUEST, REQUESTING_STATES, String.join(", ", states),
        REQUEST_RECEIVED_ON, receivedOn, SPECIAL_SESSION_DATE, session);
  }

  // ---------- the main routes ----------

  @Test
  void specialSessionAtTheChairsUrgentRequest_aTextFinalOnItsDeadlineStillMakesTheSession_andTheChairTransmits() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt(TASK_CONSTITUTE_FOTC).variables().containsEntry(SILENCE_WINDOW, "PT72H")
        .containsEntry("finalTextDeadline", "2013-05-27").containsEntry("specialSessionDate", "2013-06-14");
    assertThat(task()).hasCandidateGroup("council-chair").hasDueDate(ProcessTestSupport.deadline("2013-01-31"));
    constitute(pi);
    assertThat(pi).variables().containsEntry(FOTC_MEMBERS, "MEX, PHL, KEN");

    assertThat(task()).hasCandidateGroup("iom-icp-gb").hasCandidateGroup("iom-mpr");
    prepareZeroDraft(pi, "2013-04-05");

    // One reading task per delegation, each at its own Permanent Mission.
    Map<String, Task> reading = readingTasks(pi);
    Assertions.assertThat(reading).containsOnlyKeys(FRIENDS);
    reading.forEach((delegation, task) -> {
      assertThat(task).hasCandidateGroup("pm-" + delegation.toLowerCase(java.util.Locale.ROOT))
          .hasDueDate(ProcessTestSupport.deadline("2013-04-05"));
      Assertions.assertThat(taskService().getIdentityLinksForTask(task.getId())).hasSize(1);
    });
    answer(pi, "PHL", "Add a line on diaspora");
    answer(pi, "MEX", "Fine");
    Assertions.assertThat(readingTasks(pi)).as("the first answers close nothing").containsOnlyKeys("KEN");
    answer(pi, "KEN", "Paragraph 4: say 'partnerships'");

    assertThat(pi).hasPassed(TASK_RECORD_READING_ROUND).isWaitingAt(TASK_ADVISE_CHAIR).variables()
        .containsEntry(ROUND_CLOSED_BY, CLOSED_BY_COMMENTS).containsEntry(DELEGATIONS_COMMENTING, "PHL, MEX, KEN")
        .hasEntrySatisfying(READING_COMMENTS, c -> Assertions.assertThat((String) c)
            .contains("PHL: Add a line on diaspora", "KEN: Paragraph 4"));
    assertThat(task()).hasCandidateGroup("iom-legal").hasDueDate(ProcessTestSupport.deadline("2013-05-27"));
    advise(pi);

    // The Chair judges with the advice in view; the advice sends nothing back.
    assertThat(pi).isWaitingAt(TASK_JUDGE_READY).variables().containsEntry(LEGAL_ADVICE,
        "Consistent with Art. 1(1)(e) of the Constitution");
    assertThat(task()).hasCandidateGroup("council-chair");
    ProcessTestSupport.today(LocalDate.of(2013, 5, 27));
    judge(pi, "ready");

    assertThat(pi).isWaitingAt(TASK_DECIDE_ROUTE);
    assertThat(task()).hasCandidateGroup("council-chair").hasCandidateGroup("iom-dg")
        .hasDueDate(ProcessTestSupport.deadline("2013-05-27"));
    decideAs("chairperson", "council-chair", pi, urgentSpecialSession(URGENT_CHAIR, "2013-06-14"));

    // Rule 4(b): notice by 30 May (15 days before, within 10 days of the request); silence first.
    assertThat(pi).hasPassed(TASK_CHECK_ROUTE).isWaitingAt(TASK_CIRCULATE_UNDER_SILENCE).variables()
        .containsEntry(ROUTE_IN_ORDER, true).containsEntry(ROUTE_PROBLEM, null)
        .containsEntry(COUNCIL_SESSION_DATE, "2013-06-14").containsEntry(LATEST_NOTICE_DATE, "2013-05-30")
        .containsEntry(CIRCULATE_BY, "2013-05-27").containsEntry(ROUTE_DECIDED_BY, "chairperson");
    Assertions.assertThat(json(pi, SPECIAL_SESSION_REQUEST)).contains("\"basis\":\"urgent-chair\"",
        "\"recordedBy\":\"chairperson\"", "The HLD modalities leave no time");
    assertThat(task()).hasCandidateGroup("iom-icp-gb").hasDueDate(ProcessTestSupport.deadline("2013-05-27"));
    circulate(pi, "https://docs.example/final");
    assertThat(pi).isWaitingAt(GATEWAY_SILENCE).variables().containsEntry(SILENCE_ROUND, 1L)
        .containsEntry(SILENCE_STATUS, SILENCE_RUNNING);
    ProcessTestSupport.today(LocalDate.of(2013, 5, 30));
    keepSilence(pi);

    // Settled, not yet adopted: the secretariat convenes the session the Chair decided on.
    assertThat(pi).isWaitingAt(TASK_CONVENE_SESSION).variables().containsEntry(SILENCE_STATUS, SILENCE_KEPT)
        .containsEntry(CloseSilenceListener.SETTLED_UNDER_SILENCE_ON, "2013-05-30")
        .doesNotContainKey(CloseSilenceListener.ADOPTED_ON);
    assertThat(task()).hasCandidateGroup("iom-icp-gb").hasDueDate(ProcessTestSupport.deadline("2013-05-30"));
    convene(pi, "2013-05-30");
    assertThat(pi).isWaitingAt(TIMER_SESSION_DAY).variables().containsEntry(SESSION_NOTICE_DAYS, 15L)
        .containsEntry(SESSION_NOTICE_SUFFICIENT, true);
    Assertions.assertThat(job(TIMER_SESSION_DAY, pi).getDuedate()).isEqualTo(ProcessTestSupport.dayStart("2013-06-14"));
    execute(job(TIMER_SESSION_DAY, pi));

    assertThat(task()).hasCandidateGroup("council-chair").hasDueDate(ProcessTestSupport.deadline("2013-06-14"));
    adopt(pi, "endorsed");

    assertThat(pi).isWaitingAt(TASK_TRANSMIT);
    assertThat(task()).hasCandidateGroup("council-chair").hasDueDate(ProcessTestSupport.deadline("2013-09-13"));
    Assertions.assertThat(taskService().getIdentityLinksForTask(task().getId())).hasSize(1);
    identityService().setAuthentication("chairperson", List.of("council-chair"));
    transmit(pi);
    assertThat(pi).isEnded().hasPassed(END_TRANSMITTED).variables()
        .containsEntry(RecordTransmittalListener.TRANSMITTED_BY, "chairperson")
        .containsEntry(RecordTransmittalListener.TRANSMITTAL_COPIED_TO, "iom-dg, iom-slo-nyc");
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_TRANSMITTED);
  }

  @Test
  void intersessionalRoute_theKeptSilenceIsTheAdoption_noSecondProcedure() {
    ProcessInstance pi = textReady();
    intersessional(pi);
    assertThat(pi).isWaitingAt(TASK_CIRCULATE_UNDER_SILENCE).variables().containsEntry(CIRCULATE_BY, "2013-09-03")
        .containsEntry(COUNCIL_SESSION_DATE, null);
    circulate(pi, "https://docs.example/final");
    keepSilence(pi);

    assertThat(pi).isWaitingAt(TASK_TRANSMIT).hasNotPassed(SUB_PROCESS_ADOPT_IN_SESSION).variables()
        .containsEntry(CloseSilenceListener.ADOPTED_ON, "2012-11-02")
        .hasEntrySatisfying(CloseSilenceListener.ENDORSEMENT_REFERENCE, r -> Assertions.assertThat((String) r)
            .startsWith("Adopted under silence procedure 1 (text https://docs.example/final)"));
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isOne();
    transmit(pi);
    assertThat(pi).isEnded().hasPassed(END_TRANSMITTED);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_TRANSMITTED);
  }

  @Test
  void regularSessionRoute_theDirectorGeneralDecides_andTheNoticeGoesThirtyDaysAhead() {
    ProcessInstance pi = textReady();
    ProcessTestSupport.today(LocalDate.of(2013, 5, 27));
    decideAs("director-general", "iom-dg", pi, Map.of(ROUTE, REGULAR_SESSION, REGULAR_SESSION_DATE, "2013-09-05"));
    assertThat(pi).isWaitingAt(TASK_CIRCULATE_UNDER_SILENCE).variables().containsEntry(NOTICE_DAYS_REQUIRED, 30)
        .containsEntry(LATEST_NOTICE_DATE, "2013-08-06").containsEntry(ROUTE_DECIDED_BY, "director-general");
    circulate(pi, "https://docs.example/final");
    keepSilence(pi);

    ProcessTestSupport.today(LocalDate.of(2013, 8, 1));
    convene(pi, "2013-08-10");
    assertThat(pi).hasPassed(TASK_CHECK_SESSION_NOTICE).isWaitingAt(TASK_CONVENE_SESSION).variables()
        .containsEntry(SESSION_NOTICE_SUFFICIENT, false)
        .hasEntrySatisfying(SESSION_NOTICE_PROBLEM, p -> Assertions.assertThat((String) p)
            .contains("26 days", "Rule 4(a) requires at least 30 days", "2013-08-06"));
    convene(pi, "2013-08-05");
    assertThat(pi).isWaitingAt(TIMER_SESSION_DAY).variables().containsEntry(SESSION_NOTICE_PROBLEM, null);
    execute(job(TIMER_SESSION_DAY, pi));
    adopt(pi, "endorsed");
    transmit(pi);
    assertThat(pi).isEnded().hasPassed(END_ADOPTED_IN_SESSION, END_TRANSMITTED);
  }

  @Test
  void specialSessionAtTheRequestOfMemberStates_countedAgainstOneThirdOfTheMembershipOfThatDay() {
    ProcessInstance pi = textReady();
    ProcessTestSupport.today(LocalDate.of(2013, 5, 24));
    List<String> members = membersOn(LocalDate.of(2013, 5, 20));
    MembersRequest known = MembersRequest.of(members, LocalDate.of(2013, 5, 20), ProcessTestSupport.referenceData());
    Assertions.assertThat(known.knownMembers()).isEqualTo(members.size()).isBetween(140, 160);
    int atLeast = known.oneThirdAtLeast();
    int atMost = known.oneThirdAtMost();
    Assertions.assertThat(atMost).isGreaterThan(atLeast);

    decide(pi, membersRequest(members.subList(0, atLeast - 1), "2013-05-20", "2013-06-14"));
    assertThat(pi).isWaitingAt(TASK_DECIDE_ROUTE).variables().containsEntry(ROUTE_IN_ORDER, false)
        .hasEntrySatisfying(ROUTE_PROBLEM, p -> Assertions.assertThat((String) p)
            .contains((atLeast - 1) + " Member States requested", "fewer than one third", "at least " + atLeast));

    decide(pi, membersRequest(members.subList(0, atLeast), "2013-05-20", "2013-06-14"));
    assertThat(pi).isWaitingAt(TASK_DECIDE_ROUTE).variables().hasEntrySatisfying(ROUTE_PROBLEM,
        p -> Assertions.assertThat((String) p).contains("does not say whether", "up to " + atMost));

    List<String> withChina = new java.util.ArrayList<>(members.subList(0, atMost));
    withChina.set(0, "CHN");
    decide(pi, membersRequest(withChina, "2013-05-20", "2013-06-14"));
    assertThat(pi).isWaitingAt(TASK_DECIDE_ROUTE).variables().hasEntrySatisfying(ROUTE_PROBLEM,
        p -> Assertions.assertThat((String) p).contains("China (CHN) was not a Member State"));

    // Rule 4(b): a request received on 1 May needed its notice by 11 May.
    decide(pi, membersRequest(members.subList(0, atMost), "2013-05-01", "2013-06-14"));
    assertThat(pi).isWaitingAt(TASK_DECIDE_ROUTE).variables().hasEntrySatisfying(ROUTE_PROBLEM,
        p -> Assertions.assertThat((String) p).contains("within 10 days after the request of 2013-05-01",
            "by 2013-05-11"));

    decide(pi, membersRequest(members.subList(0, atMost), "2013-05-20", "2013-06-14"));
    assertThat(pi).isWaitingAt(TASK_CIRCULATE_UNDER_SILENCE).variables().containsEntry(LATEST_NOTICE_DATE,
        "2013-05-30");
    Assertions.assertThat(json(pi, SPECIAL_SESSION_REQUEST)).contains("\"basis\":\"members-request\"",
        "\"requestingMembers\":" + atMost, "\"iomMembersOnThatDay\":" + known.knownMembers(),
        "\"membershipUnknownOnThatDay\":" + known.unknownMembership(), "\"oneThirdAtMost\":" + atMost);
  }

  @Test
  void anUrgentRequestIsTheRequestersOwn() {
    ProcessInstance pi = textReady();
    ProcessTestSupport.today(LocalDate.of(2013, 5, 27));
    assertThatThrownBy(() -> decideAs("chairperson", "council-chair", pi,
        urgentSpecialSession(URGENT_DIRECTOR_GENERAL, "2013-06-14"))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Only the Director General (iom-dg)");
    assertThatThrownBy(() -> decideAs("director-general", "iom-dg", pi,
        urgentSpecialSession(URGENT_CHAIR, "2013-06-14"))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Only the Chair of the Council (council-chair)");
    assertThatThrownBy(() -> decide(pi, Map.of(ROUTE, SPECIAL_SESSION, BASIS, URGENT_CHAIR,
        SPECIAL_SESSION_DATE, "2013-06-14"))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(URGENT_CIRCUMSTANCES);
    assertThatThrownBy(() -> decide(pi, Map.of(ROUTE, "written-procedure")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'written-procedure'");
    assertThat(pi).isWaitingAt(TASK_DECIDE_ROUTE);
    decideAs("director-general", "iom-dg", pi, urgentSpecialSession(URGENT_DIRECTOR_GENERAL, "2013-06-14"));
    assertThat(pi).isWaitingAt(TASK_CIRCULATE_UNDER_SILENCE);
  }

  @Test
  void aSessionWithoutRoomForTheSilenceAndTheNotice_comesBackToTheChair() {
    ProcessInstance pi = textReady();
    ProcessTestSupport.today(LocalDate.of(2013, 5, 29));
    decide(pi, urgentSpecialSession(URGENT_CHAIR, "2013-06-14"));
    assertThat(pi).isWaitingAt(TASK_DECIDE_ROUTE).variables().hasEntrySatisfying(ROUTE_PROBLEM,
        p -> Assertions.assertThat((String) p).contains("settled under silence on 2013-06-01", "Rule 4(b)",
            "by 2013-05-30"));
    decide(pi, urgentSpecialSession(URGENT_CHAIR, "2013-09-20"));
    assertThat(pi).variables().hasEntrySatisfying(ROUTE_PROBLEM, p -> Assertions.assertThat((String) p)
        .contains("after the endorsement deadline of 2013-09-06"));
    decide(pi, Map.of(ROUTE, REGULAR_SESSION, REGULAR_SESSION_DATE, "2013-06-20"));
    assertThat(pi).variables().hasEntrySatisfying(ROUTE_PROBLEM, p -> Assertions.assertThat((String) p)
        .contains("Rule 4(a)", "by 2013-05-21"));
    ProcessTestSupport.today(LocalDate.of(2013, 9, 5));
    intersessional(pi);
    assertThat(pi).variables().hasEntrySatisfying(ROUTE_PROBLEM, p -> Assertions.assertThat((String) p)
        .contains("would end on 2013-09-08, after the endorsement deadline of 2013-09-06"));
    ProcessTestSupport.today(LocalDate.of(2013, 5, 29));
    intersessional(pi);
    assertThat(pi).isWaitingAt(TASK_CIRCULATE_UNDER_SILENCE).variables().containsEntry(ROUTE_PROBLEM, null);
  }

  @Test
  void aSessionThatCannotBeHeld_goesBackToTheRouteDecision_andAnIntersessionalAdoptionNeedsItsOwnSilence() {
    ProcessInstance pi = textReady();
    ProcessTestSupport.today(LocalDate.of(2013, 5, 27));
    decide(pi, urgentSpecialSession(URGENT_CHAIR, "2013-06-14"));
    circulate(pi, "https://docs.example/final");
    keepSilence(pi);
    complete(pi.getId(), TASK_CONVENE_SESSION, Map.of(SESSION_STATUS, SESSION_CANNOT_BE_HELD,
        SESSION_NOT_HELD_REASON, "The 14 June special session is given to the election of the Director General"));
    assertThat(pi).hasPassed(END_SESSION_NOT_HELD).isWaitingAt(TASK_DECIDE_ROUTE).variables()
        .containsEntry(SESSION_NOT_HELD_REASON, "The 14 June special session is given to the election of the"
            + " Director General");
    intersessional(pi);
    assertThat(pi).isWaitingAt(TASK_CIRCULATE_UNDER_SILENCE).variables().containsEntry(SESSION_NOT_HELD_REASON, null);
    circulate(pi, "https://docs.example/final");
    assertThat(pi).variables().containsEntry(SILENCE_ROUND, 2L);
    keepSilence(pi);
    assertThat(pi).isWaitingAt(TASK_TRANSMIT);
    Assertions.assertThat(json(pi, SILENCES)).contains("\"route\":\"special-session\"", "\"route\":\"intersessional\"");
  }

  @Test
  void theCouncilDoesNotAdopt_endsNotEndorsed() {
    ProcessInstance pi = textReady();
    ProcessTestSupport.today(LocalDate.of(2013, 5, 27));
    decide(pi, urgentSpecialSession(URGENT_CHAIR, "2013-06-14"));
    circulate(pi, "https://docs.example/final");
    keepSilence(pi);
    convene(pi, "2013-05-30");
    execute(job(TIMER_SESSION_DAY, pi));
    adopt(pi, "not-endorsed");
    assertThat(pi).isEnded().hasPassed(END_NOT_ENDORSED_BY_SESSION, END_NOT_ENDORSED);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_NOT_ENDORSED);
  }

  // ---------- the readings ----------

  @Test
  void theRoundClosesAtItsDate_withTheAnswersReceived_andTheNextRoundHasItsOwnDate() {
    ProcessInstance pi = start();
    constitute(pi);
    prepareZeroDraft(pi, "2013-04-05");
    answer(pi, "MEX", "Shorter, please");
    Assertions.assertThat(job(TIMER_READING_DEADLINE, pi).getDuedate())
        .isEqualTo(ProcessTestSupport.deadline("2013-04-05"));
    execute(job(TIMER_READING_DEADLINE, pi));

    assertThat(pi).hasPassed(TASK_CLOSE_READING_AT_DEADLINE).isWaitingAt(TASK_ADVISE_CHAIR).variables()
        .containsEntry(ROUND_CLOSED_BY, CLOSED_BY_DEADLINE).containsEntry(DELEGATIONS_SILENT, "PHL, KEN")
        .hasEntrySatisfying(READING_COMMENTS, c -> Assertions.assertThat((String) c)
            .contains("MEX: Shorter, please", "No answer by the deadline (2013-04-05) from: PHL, KEN"));
    Assertions.assertThat(readingTasks(pi)).as("the round's tasks end with it").isEmpty();
    advise(pi);
    judge(pi, "another-reading");

    assertThat(pi).isWaitingAt(TASK_REVISE_DRAFT);
    assertThat(task()).hasCandidateGroup("iom-icp-gb");
    complete(pi.getId(), TASK_REVISE_DRAFT, Map.of(DRAFT_LINK, "https://docs.example/rev",
        "revisionNote", "merged proposals", READING_DEADLINE, "2013-04-26"));

    assertThat(pi).variables().containsEntry(READING_ROUND, 2L).containsEntry(REVISIONS, 1L);
    Assertions.assertThat(readingTasks(pi)).containsOnlyKeys(FRIENDS);
    Assertions.assertThat(job(TIMER_READING_DEADLINE, pi).getDuedate())
        .isEqualTo(ProcessTestSupport.deadline("2013-04-26"));
    execute(job(TIMER_READING_DEADLINE, pi));
    assertThat(pi).variables().hasEntrySatisfying(READING_COMMENTS, c -> Assertions.assertThat((String) c)
        .isEqualTo("No delegation answered by the deadline of reading 2 (2013-04-26)."));
    Assertions.assertThat(json(pi, READING_ROUNDS))
        .contains("\"round\":1", "\"closedBy\":\"deadline\"", "\"deadline\":\"2013-04-05\"", "\"delegations\":\"MEX\"")
        .contains("\"round\":2", "\"deadline\":\"2013-04-26\"", "\"silentDelegations\":\"MEX, PHL, KEN\"");
    Assertions.assertThat(json(pi, READING_ANSWERS)).contains("\"delegation\":\"MEX\"", "\"round\":1");
  }

  @Test
  void theFriendsOfTheChairAreDelegationsOfIomMemberStates() {
    ProcessInstance pi = start();
    assertThatThrownBy(() -> complete(pi.getId(), TASK_CONSTITUTE_FOTC, Map.of(PURSUE_STATEMENT, "pursue",
        FOTC_MEMBERS, "MEX, XYZ", FOTC_CONSTITUTED_ON, "2013-01-25")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("'XYZ'");
    assertThatThrownBy(() -> complete(pi.getId(), TASK_CONSTITUTE_FOTC, Map.of(PURSUE_STATEMENT, "pursue",
        FOTC_MEMBERS, "MEX, CHN", FOTC_CONSTITUTED_ON, "2013-01-25")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("China (CHN) was not an IOM Member State on 2013-01-25");
    assertThatThrownBy(() -> complete(pi.getId(), TASK_CONSTITUTE_FOTC, Map.of(PURSUE_STATEMENT, "pursue")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining(FOTC_MEMBERS);
    assertThat(pi).isWaitingAt(TASK_CONSTITUTE_FOTC);
  }

  @Test
  void revisedAsOftenAsAllowed_theChairDecidesInsteadOfAnotherRevision() {
    ProcessInstance pi = start(Map.of(MAX_REVISIONS, 1));
    constitute(pi);
    prepareZeroDraft(pi, "2013-04-05");
    everyoneAnswers(pi);
    advise(pi);
    judge(pi, "another-reading");
    complete(pi.getId(), TASK_REVISE_DRAFT, Map.of(DRAFT_LINK, "https://docs.example/rev", READING_DEADLINE,
        "2013-04-20"));
    everyoneAnswers(pi);
    advise(pi);
    judge(pi, "another-reading");
    assertThat(pi).isWaitingAt(TASK_DECIDE_AT_REVISION_LIMIT).variables().containsEntry(REVISIONS, 1L);
    assertThat(task()).hasCandidateGroup("council-chair");
    complete(pi.getId(), TASK_DECIDE_AT_REVISION_LIMIT, Map.of(LIMIT_DECISION, "go-ahead"));
    assertThat(pi).isWaitingAt(TASK_DECIDE_ROUTE);

    ProcessInstance stopped = start(Map.of(MAX_REVISIONS, 1));
    constitute(stopped);
    prepareZeroDraft(stopped, "2013-04-05");
    execute(job(TIMER_READING_DEADLINE, stopped));
    advise(stopped);
    judge(stopped, "another-reading");
    complete(stopped.getId(), TASK_REVISE_DRAFT, Map.of(DRAFT_LINK, "https://docs.example/rev", READING_DEADLINE,
        "2013-04-20"));
    execute(job(TIMER_READING_DEADLINE, stopped));
    advise(stopped);
    judge(stopped, "another-reading");
    complete(stopped.getId(), TASK_DECIDE_AT_REVISION_LIMIT, Map.of(LIMIT_DECISION, "stop",
        "limitDecisionNote", "No time left"));
    assertThat(stopped).isEnded().hasPassed(END_NO_CONSENSUS_IN_FRIENDS);
    Assertions.assertThat(outcome(stopped)).isEqualTo(OUTCOME_NOT_PURSUED);
  }

  @Test
  void chairDecidesNotToPursue_orThereIsNoConsensusInTime_endsNotPursued() {
    ProcessInstance pi = start();
    complete(pi.getId(), TASK_CONSTITUTE_FOTC, Map.of(PURSUE_STATEMENT, "not-pursued",
        "notPursuedReason", "Member States prefer national statements"));
    assertThat(pi).isEnded().hasPassed(END_NOT_PURSUED);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_NOT_PURSUED);

    ProcessInstance divided = start();
    constitute(divided);
    prepareZeroDraft(divided, "2013-04-05");
    everyoneAnswers(divided);
    advise(divided);
    complete(divided.getId(), TASK_JUDGE_READY, Map.of(READINESS_DECISION, "stop",
        "noConsensusReason", "No agreement on IOM's GMG role"));
    assertThat(divided).isEnded().hasPassed(END_NO_CONSENSUS_IN_FRIENDS);
    Assertions.assertThat(outcome(divided)).isEqualTo(OUTCOME_NOT_PURSUED);
  }

  // ---------- objections, bound to the text under silence ----------

  @Test
  void anObjectionWhileTheFriendsDraft_isACommentForTheChair_andBreaksNoLaterSilence() {
    ProcessInstance pi = start();
    constitute(pi);
    object("PHL", "Paragraph 2 is premature", null);
    assertThat(pi).isWaitingAt(TASK_PREPARE_ZERO_DRAFT).variables().containsEntry(PENDING_OBJECTIONS, 0L)
        .containsEntry(OBJECTION_COUNT, 1L);
    assertThatThrownBy(() -> object("PHL", "To silence 1", 1)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("No text is under silence now");
    prepareZeroDraft(pi, "2013-04-05");
    everyoneAnswers(pi);
    advise(pi);
    assertThat(pi).isWaitingAt(TASK_JUDGE_READY);
    Assertions.assertThat(taskVariable(COMMENTS_ON_THE_DRAFT)).contains("Philippines (PHL", "Paragraph 2 is premature");
    judge(pi, "ready");
    Assertions.assertThat(json(pi, OBJECTIONS)).contains("\"status\":\"noted\"", "\"decision\":\"ready\"");
    intersessional(pi);
    circulate(pi, "https://docs.example/final");
    assertThat(pi).as("the silence on the final text is not broken by a comment on the draft")
        .isWaitingAt(GATEWAY_SILENCE);
    keepSilence(pi);
    assertThat(pi).isWaitingAt(TASK_TRANSMIT).hasNotPassed(TASK_DECIDE_AFTER_BROKEN_SILENCE);

    object("MEX", "After the adoption", null);
    Assertions.assertThat(json(pi, OBJECTIONS)).contains("\"status\":\"after-adoption\"");
    assertThat(pi).isWaitingAt(TASK_TRANSMIT);
  }

  @Test
  void anObjectionNamesTheSilenceItConcerns_andAllObjectionsToThatSilenceGoBeforeTheChair() {
    ProcessInstance pi = textReady();
    intersessional(pi);
    circulate(pi, "https://docs.example/final");
    assertThatThrownBy(() -> object("PHL", "Paragraph 4", null)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Name the silence", "silence 1 on the text https://docs.example/final");
    assertThatThrownBy(() -> object("PHL", "Paragraph 4", 2)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Silence 2 is not under way");
    object("PHL", "Paragraph 4 prejudges the outcome of the HLD", 1);

    assertThat(pi).hasPassed(CONDITIONAL_OBJECTION_PENDING, TASK_RECORD_OBJECTION)
        .isWaitingAt(TASK_DECIDE_AFTER_BROKEN_SILENCE).variables().containsEntry(SILENCE_STATUS, SILENCE_BROKEN);
    assertThat(task()).hasCandidateGroup("council-chair");
    Assertions.assertThat(taskVariable(OBJECTIONS_BEFORE_THE_CHAIR)).contains("Philippines", "silence 1");
    // More objections to the same silence reach the Chair's open decision.
    object("KEN", "Paragraph 6", 1);
    Assertions.assertThat(taskVariable(OBJECTIONS_BEFORE_THE_CHAIR)).contains("Philippines", "Kenya");
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isOne();
    complete(pi.getId(), TASK_DECIDE_AFTER_BROKEN_SILENCE, Map.of(SILENCE_DECISION, "drop-paragraph",
        "contestedParagraph", "4", "silenceDecisionNote", "Paragraphs 4 and 6 go"));
    assertThat(pi).isWaitingAt(TASK_CIRCULATE_UNDER_SILENCE).hasNotPassed(TASK_REVISE_AFTER_OBJECTION).variables()
        .containsEntry(PENDING_OBJECTIONS, 0L).containsEntry(SILENCE_STATUS, SILENCE_DECIDED);
    assertThatThrownBy(() -> object("MEX", "Late, to silence 1", 1)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("No text is under silence now");

    complete(pi.getId(), TASK_CIRCULATE_UNDER_SILENCE, Map.of("circulatedOn", "2013-05-02",
        DRAFT_LINK, "https://docs.example/without-4", SILENCE_WINDOW, "pt96h"));
    assertThat(pi).isWaitingAt(GATEWAY_SILENCE).variables().containsEntry(SILENCE_ROUND, 2L)
        .containsEntry(SILENCE_WINDOW, "PT96H");
    assertThatThrownBy(() -> object("MEX", "Late, to silence 1", 1)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Silence 1 is not under way: the text under silence now is silence 2 on the text"
            + " https://docs.example/without-4");
    object("MEX", "Paragraph 7", 2);
    complete(pi.getId(), TASK_DECIDE_AFTER_BROKEN_SILENCE, Map.of(SILENCE_DECISION, "revise",
        "silenceDecisionNote", "Meet Mexico"));
    assertThat(task()).hasCandidateGroup("iom-icp-gb");
    complete(pi.getId(), TASK_REVISE_AFTER_OBJECTION, Map.of(DRAFT_LINK, "https://docs.example/rev-7",
        "revisionNote", "Paragraph 7 reworded"));
    circulate(pi, "https://docs.example/rev-7");
    keepSilence(pi);
    assertThat(pi).isWaitingAt(TASK_TRANSMIT);
    Assertions.assertThat(json(pi, OBJECTIONS)).contains("\"silenceRound\":1", "\"silenceRound\":2",
        "\"draftLink\":\"https://docs.example/without-4\"", "\"status\":\"considered\"")
        .doesNotContain("\"status\":\"pending\"");
    Assertions.assertThat(json(pi, SILENCES)).contains("\"status\":\"decided\"", "\"status\":\"kept\"");
  }

  @Test
  void anObjectionOnceTheTextIsSettledForASession_isForTheCouncil_andReopensNothing() {
    ProcessInstance pi = textReady();
    ProcessTestSupport.today(LocalDate.of(2013, 5, 27));
    decide(pi, urgentSpecialSession(URGENT_CHAIR, "2013-06-14"));
    circulate(pi, "https://docs.example/final");
    keepSilence(pi);
    object("PHL", "We will speak in the session", null);
    assertThat(pi).isWaitingAt(TASK_CONVENE_SESSION);
    Assertions.assertThat(json(pi, OBJECTIONS)).contains("\"status\":\"before-session\"");
  }

  @Test
  void chairAbandonsAfterBrokenSilence_endsWithNoConsensus() {
    ProcessInstance pi = textReady();
    intersessional(pi);
    circulate(pi, "https://docs.example/final");
    object("PHL", "Fundamental disagreement", 1);
    complete(pi.getId(), TASK_DECIDE_AFTER_BROKEN_SILENCE, Map.of(SILENCE_DECISION, "abandon",
        "silenceDecisionNote", "No prospect of consensus before the HLD"));
    assertThat(pi).isEnded().hasPassed(END_NO_CONSENSUS);
    Assertions.assertThat(outcome(pi)).isEqualTo(OUTCOME_NO_CONSENSUS);
  }

  @Test
  void theSecretariatRecordsAnObjectionByNoteVerbale_forANamedMission() {
    ProcessInstance pi = textReady();
    intersessional(pi);
    circulate(pi, "https://docs.example/final");
    assertThatThrownBy(() -> objectByNoteVerbale("MEX", "By note", null)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(NOTE_VERBALE_REFERENCE);
    objectByNoteVerbale("MEX", "Paragraph 3", "NV/MEX/2013/41");
    assertThat(pi).isWaitingAt(TASK_DECIDE_AFTER_BROKEN_SILENCE);
    Assertions.assertThat(json(pi, OBJECTIONS)).contains("\"recordedBy\":\"council-secretary\"",
        "\"country\":\"MEX\"", "\"channel\":\"note-verbale\"", "\"noteVerbaleReference\":\"NV/MEX/2013/41\"");
  }

  @Test
  void onlyAPermanentMissionOfAnIomMemberStateOnThatDay_mayObject() {
    ProcessInstance pi = textReady();
    intersessional(pi);
    circulate(pi, "https://docs.example/final");
    assertThatThrownBy(() -> object("XYZ", "unknown", 1)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("'XYZ'");
    assertThatThrownBy(() -> object("PHL", " ", 1)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(OBJECTION_TEXT);
    assertThatThrownBy(() -> object("CHN", "not yet a member", 1)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("China (CHN) was not an IOM Member State on 2012-11-02 (admitted on 2016-06-30");
    assertThatThrownBy(() -> object("MWI", "admitted in June 2013", 1)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("was not an IOM Member State on 2012-11-02");
    assertThatThrownBy(() -> object("RUS", "membership unknown", 1)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(
            "The reference data does not say whether Russian Federation (RUS) was an IOM Member State");
    assertThat(pi).isWaitingAt(GATEWAY_SILENCE).variables().containsEntry(OBJECTION_COUNT, 0L);
    ProcessTestSupport.today(LocalDate.of(2013, 6, 20));
    object("MWI", "Now a member", 1);
    assertThat(pi).isWaitingAt(TASK_DECIDE_AFTER_BROKEN_SILENCE);
  }

  @Test
  void objectionsEndWithTheTrack() {
    ProcessInstance pi = start();
    complete(pi.getId(), TASK_CONSTITUTE_FOTC, Map.of(PURSUE_STATEMENT, "not-pursued"));
    assertThatThrownBy(() -> object("PHL", "too late", null))
        .isInstanceOf(MismatchingMessageCorrelationException.class);
  }

  // ---------- the calendar ----------

  @Test
  void theFinalTextFallsDueEarlyEnoughForTheSilenceAndTheNotice() {
    ProcessInstance longer = start(Map.of(SILENCE_WINDOW, "P5D"));
    assertThat(longer).variables().containsEntry("finalTextDeadline", "2013-05-25");
    ProcessInstance given = start(Map.of("finalTextDeadline", "2013-06-10"));
    assertThat(given).variables().containsEntry("finalTextDeadline", "2013-05-27");
    assertThatThrownBy(() -> start(Map.of("zeroDraftDeadline", "2013-05-28", "finalTextDeadline", "2013-06-10")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("leaves no room for the silence and the notice of the special session of 2013-06-14");
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
    Assertions.assertThat(job(TIMER_NEGOTIATION_CUT_OFF, negotiation).getDuedate())
        .isEqualTo(ProcessTestSupport.deadline("2013-05-27"));
    execute(job(TIMER_NEGOTIATION_CUT_OFF, negotiation));
    assertThat(negotiation).isEnded().hasPassed(END_NEGOTIATION_CUT_OFF);
    Assertions.assertThat(outcome(negotiation)).isEqualTo(OUTCOME_NOT_PURSUED);

    ProcessInstance route = textReady();
    Assertions.assertThat(job(TIMER_ROUTE_CUT_OFF, route).getDuedate())
        .isEqualTo(ProcessTestSupport.deadline("2013-09-06"));
    execute(job(TIMER_ROUTE_CUT_OFF, route));
    assertThat(route).isEnded().hasPassed(END_ROUTE_CUT_OFF);
    Assertions.assertThat(outcome(route)).isEqualTo(OUTCOME_NOT_ENDORSED);

    ProcessInstance silence = textReady();
    intersessional(silence);
    execute(job(TIMER_SILENCE_CUT_OFF, silence));
    assertThat(silence).isEnded().hasPassed(END_SILENCE_CUT_OFF);
    Assertions.assertThat(outcome(silence)).isEqualTo(OUTCOME_NO_CONSENSUS);

    ProcessInstance session = textReady();
    ProcessTestSupport.today(LocalDate.of(2013, 5, 27));
    decide(session, urgentSpecialSession(URGENT_CHAIR, "2013-06-14"));
    circulate(session, "https://docs.example/final");
    keepSilence(session);
    execute(job(TIMER_ENDORSEMENT_CUT_OFF, session));
    assertThat(session).isEnded().hasPassed(END_ENDORSEMENT_CUT_OFF);
    Assertions.assertThat(outcome(session)).isEqualTo(OUTCOME_NOT_ENDORSED);

    ProcessTestSupport.today(ProcessTestSupport.MC_2353_ISSUED);
    ProcessInstance transmittal = textReady();
    intersessional(transmittal);
    circulate(transmittal, "https://docs.example/final");
    keepSilence(transmittal);
    execute(job(TIMER_TRANSMITTAL_CUT_OFF, transmittal));
    assertThat(transmittal).isEnded().hasPassed(END_TRANSMITTAL_OPEN_AT_CUT_OFF);
    Assertions.assertThat(outcome(transmittal)).isEqualTo(OUTCOME_OPEN_AT_CUT_OFF);
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

    ProcessInstance pi = textReady();
    assertThatThrownBy(() -> decide(pi, Map.of(ROUTE, SPECIAL_SESSION, BASIS, URGENT_CHAIR,
        URGENT_CIRCUMSTANCES, "urgent", SPECIAL_SESSION_DATE, "14 June"))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("'14 June'");
    assertThatThrownBy(() -> decide(pi, Map.of(ROUTE, REGULAR_SESSION))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining(REGULAR_SESSION_DATE);
    intersessional(pi);
    assertThatThrownBy(() -> complete(pi.getId(), TASK_CIRCULATE_UNDER_SILENCE, Map.of("circulatedOn", "2013-05-02",
        SILENCE_WINDOW, "three days"))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("'three days'");
    assertThat(pi).isWaitingAt(TASK_CIRCULATE_UNDER_SILENCE);
  }
}
