package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.hldprep.support.Conflicts;
import org.hldprep.support.CycleDays;
import org.hldprep.support.DemoStaff;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.hldprep.support.QuickCycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A small cycle (Philippines, Kenya, Mexico; the Colombo and Puebla processes) driven over REST by
 * the demo users from the master's start to its end, on a real PostgreSQL. Every task is checked to
 * appear for exactly the right group and nobody else; the master must end with the right tallies.
 */
class CycleIT extends PostgresIntegrationTest {

  /** Its own name (CycleIT's alone, and new on a rerun against the same database). */
  private static final String CYCLE = "HLDCYCLE"
      + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();
  /** Today where the server counts days: the cycle's zone, not this JVM's. */
  private static final LocalDate TODAY = CycleDays.today();

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  HistoryService historyService;
  @Autowired
  ManagementService managementService;
  @Autowired
  RuntimeService runtimeService;

  @Test
  void aSmallCycleRunsFromStartToEndWithTheRightTallies() {
    // The Colombo Process is served by the Country Office in Sri Lanka: an administrator adds its officer.
    addUser("lka-officer", "co-lka");
    DemoStaff staff = new DemoStaff(port, "lka-officer");
    // The HLD far enough ahead that every date following it lies in the future; a few dates given explicitly
    // (each in order with the others: the dates that follow them move with them).
    LocalDate hld = TODAY.plusMonths(13);

    Http.Response started = staff.as("hld-coordinator").post("/api/cycles", Map.of(
        "cycle", CYCLE, "memberStates", List.of("PHL", "KEN", "MEX"), "rcps",
        List.of("colombo-process", "puebla-process"),
        "calendar", Map.of("hldDate", hld.toString(), "nationalSummaryDeadline", TODAY.plusMonths(9).toString(),
            "rcpMeetingDate", TODAY.plusMonths(8).toString(), "zeroDraftDeadline", TODAY.plusMonths(3).toString())));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    assertThat(started.json().get("regionalOffices").toString()).contains("ro-bangkok", "ro-nairobi", "ro-sanjose");
    assertThat(staff.as("phl-officer").post("/api/cycles", Map.of("cycle", CYCLE + "X")).status())
        .as("a Country Office cannot start cycles").isEqualTo(403);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(CYCLE + "X%").count())
        .as("nothing of the refused start").isZero();
    assertThat(staff.as("hld-coordinator").post("/api/cycles", Map.of("cycle", CYCLE,
        "calendar", Map.of("hldDate", hld.toString()))).status()).as("one running cycle per name").isEqualTo(409);

    nationalConsultations(staff);
    rcpContributions(staff);
    councilJointStatement(staff);
    pgaOutcomeInput(staff);
    briefingPackAndTheHld(staff, hld);

    staff.work("Task_ReportToCouncil", CYCLE, "council-secretary", Map.of(
        "councilReportLink", "https://docs.example/mc-inf", "councilDocumentSymbol", "MC/INF/310"));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(
        () -> assertThat(staff.as("hld-coordinator").get("/api/cycles/" + CYCLE).json().get("state").asText())
            .isEqualTo("ended"));

    JsonNode cycle = staff.as("hld-coordinator").get("/api/cycles/" + CYCLE).json();
    assertThat(cycle.get("consultationOutcomes").toString())
        .isEqualTo("{\"KEN\":\"declined\",\"MEX\":\"held\",\"PHL\":\"held\"}");
    assertThat(cycle.get("rcpOutcomes").toString())
        .isEqualTo("{\"colombo-process\":\"input-logged\",\"puebla-process\":\"input-logged\"}");
    // The tracks nobody worked on ended at their cut-offs when the calendar moved into the past.
    assertThat(cycle.get("trackOutcomes").properties().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> e.getValue().asText()))).isEqualTo(Map.of("council-joint-statement", "transmitted",
            "global-rcp-meeting", "transmitted", "pga-outcome-input", "outcome-adopted", "ceb-hlcp-paper",
            "open-at-cutoff"));
    assertThat(cycle.get("roundtableOutcomes").size()).isEqualTo(5);
    assertThat(cycle.get("commissionOutcomes").size()).isEqualTo(5);
    assertThat(cycle.get("hldOutcomeSymbol").asText()).isEqualTo("A/RES/68/4");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(CYCLE + "%")
        .unfinished().count()).as("nothing of the cycle left running").isZero();
    assertThat(staff.as("phl-officer").get("/api/cycles/" + CYCLE).status())
        .as("a Country Office does not read the cycle's tallies").isEqualTo(404);
  }

  private void nationalConsultations(DemoStaff staff) {
    // The Philippines: accepted, held today, accepted by Bangkok.
    staff.work("Task_OfferConsultation", CYCLE + "-PHL", "phl-officer", Map.of("governmentFocalPoint", "DFA",
        "governmentAnswer", "accepted"));
    staff.work("Task_AgreeArrangements", CYCLE + "-PHL", "phl-officer",
        Map.of("stakeholders", List.of("civil-society", "migrant-associations"), "consultationFormat", "consultation",
            "consultationDate", TODAY.toString(), "venue", "Manila"));
    staff.work("Task_RecordConsultation", CYCLE + "-PHL", "phl-officer", Map.of("consultationHeldOn", TODAY.toString(),
        "participants", 42, "summaryLink", "https://docs.example/phl", "keyMessages", "Protect migrant workers"));
    staff.work("Task_ReviewNationalSummary", CYCLE + "-PHL", "bangkok-ro", Map.of("reviewDecision", "accept"));
    // Kenya declines.
    staff.work("Task_OfferConsultation", CYCLE + "-KEN", "ken-officer", Map.of("governmentFocalPoint", "MFA",
        "governmentAnswer", "declined", "declineReason", "Elections in March"));
    // Mexico: San José returns the summary once.
    staff.work("Task_OfferConsultation", CYCLE + "-MEX", "mex-officer", Map.of("governmentFocalPoint", "SRE",
        "governmentAnswer", "accepted"));
    staff.work("Task_AgreeArrangements", CYCLE + "-MEX", "mex-officer",
        Map.of("stakeholders", List.of("line-ministry"), "consultationFormat", "briefing",
            "consultationDate", TODAY.minusDays(1).toString(), "venue", "Mexico City"));
    staff.work("Task_RecordConsultation", CYCLE + "-MEX", "mex-officer", Map.of("consultationHeldOn", TODAY.toString(),
        "participants", 30, "summaryLink", "https://docs.example/mex", "keyMessages", "Circular migration"));
    staff.work("Task_ReviewNationalSummary", CYCLE + "-MEX", "sanjose-ro", Map.of("reviewDecision", "return",
        "reviewComments", "Add the private sector's view"));
    staff.work("Task_ReviseNationalSummary", CYCLE + "-MEX", "mex-officer", Map.of("summaryLink",
        "https://docs.example/mex-2", "keyMessages", "Circular migration; private sector", "revisionNote",
        "Added 3.2"));
    staff.work("Task_ReviewNationalSummary", CYCLE + "-MEX", "sanjose-ro", Map.of("reviewDecision", "accept"));

    // One regional synthesis per Regional Office of the cycle, then the global one.
    for (String[] office : new String[][]{{"bangkok-ro", "ro-bangkok"}, {"nairobi-ro", "ro-nairobi"},
        {"sanjose-ro", "ro-sanjose"}}) {
      staff.work("Task_WriteRegionalSynthesis", CYCLE, office[0], Map.of("regionalSynthesisLink",
          "https://docs.example/" + office[1], "regionalKeyMessages", "Regional messages"));
    }
    staff.work("Task_WriteGlobalSynthesis", CYCLE, "hld-coordinator", Map.of("globalSynthesisLink",
        "https://docs.example/global", "globalKeyMessages", "Global messages"));
  }

  private void rcpContributions(DemoStaff staff) {
    // Colombo Process: IOM is its secretariat, so the Country Office in Sri Lanka drafts with the chair.
    staff.work("Task_ContactRcpChair", CYCLE + "-colombo-process", "rcp-focal-point", Map.of(
        "rcpContactName", "Chair's office", "rcpContactedOn", TODAY.toString(), "rcpInterest", "interested",
        "iomIsSecretariat", true));
    staff.work("Task_DraftRcpInput", CYCLE + "-colombo-process", "lka-officer", Map.of(
        "rcpInputLink", "https://docs.example/cp", "rcpInputSummary", "Labour migration",
        "rcpInputAgreedOn", TODAY.toString()));
    staff.work("Task_LogRcpInput", CYCLE + "-colombo-process", "rcp-focal-point", Map.of(
        "rcpInputLink", "https://docs.example/cp", "rcpInputSummary", "Labour migration",
        "rcpInputReceivedOn", TODAY.toString()));
    // Puebla Process: its own secretariat sends the input; the RCP unit records its arrival over REST.
    staff.work("Task_ContactRcpChair", CYCLE + "-puebla-process", "rcp-focal-point", Map.of(
        "rcpContactName", "RCM technical secretariat", "rcpContactedOn", TODAY.toString(), "rcpInterest", "interested",
        "iomIsSecretariat", false));
    Map<String, Object> input = Map.of("rcpCode", "puebla-process", "rcpInputLink", "https://docs.example/rcm",
        "rcpInputSummary", "Protection of migrants in transit");
    assertThat(staff.as("phl-officer").post("/api/cycles/" + CYCLE + "/messages/RcpInputReceived", input).status())
        .as("only the RCP unit records an RCP's input").isEqualTo(403);
    // Sent again only while the Puebla Process does not wait for it yet (409).
    Conflicts.sendUntilNot409("RcpInputReceived", 200, Duration.ofSeconds(30), () -> staff.as("rcp-focal-point")
        .post("/api/cycles/" + CYCLE + "/messages/RcpInputReceived", input));
    staff.work("Task_LogRcpInput", CYCLE + "-puebla-process", "rcp-focal-point", Map.of(
        "rcpInputLink", "https://docs.example/rcm", "rcpInputSummary", "Protection of migrants in transit",
        "rcpInputReceivedOn", TODAY.toString()));

    // The global meeting, held today, and its joint contribution.
    String meeting = CYCLE + "-global-rcp-meeting";
    staff.work("Task_PrepareRcpMeetingConceptNote", meeting, "rcp-focal-point", Map.of(
        "conceptNoteLink", "https://docs.example/grcp-cn", "rcpMeetingDate", TODAY.toString(),
        "meetingHost", "Peru", "meetingVenue", "Lima", "meetingTheme", "The place of RCPs"));
    staff.work("Task_SendRcpMeetingInvitations", meeting, "rcp-focal-point", Map.of(
        "invitationsSentOn", TODAY.toString(), "invitedRcps", 14));
    staff.work("Task_DraftRcpMeetingSummary", meeting, "rcp-focal-point", Map.of(
        "meetingSummaryLink", "https://docs.example/grcp-summary", "jointContribution", "agreed",
        "jointContributionLink", "https://docs.example/grcp-joint"));
    staff.work("Task_CollectRcpMeetingComments", meeting, "rcp-focal-point", Map.of(
        "commentsReceived", 12, "commentsSummary", "Minor edits", "commentDecision", "final"));
    staff.work("Task_TransmitRcpJointContribution", meeting, "ny-liaison", Map.of(
        "transmittedOn", TODAY.toString(), "transmittedTo", "Office of the PGA", "transmittalLink",
        "https://docs.example/t"));
  }

  private void councilJointStatement(DemoStaff staff) {
    String statement = CYCLE + "-council-joint-statement";
    staff.work("Task_ConstituteFriendsOfTheChair", statement, "chairperson", Map.of("pursueStatement", "pursue",
        "fotcMembers", "PHL", "fotcConstitutedOn", TODAY.toString()));
    staff.work("Task_PrepareStatementZeroDraft", statement, "council-secretary",
        Set.of("council-secretary", "policy-drafter"), Map.of("draftLink", "https://docs.example/zero",
            "seedParagraphsCovered", List.of("29", "33", "34"), "readingDeadline", TODAY.plusDays(7).toString()));
    // The Philippines reads for its own delegation, at its Permanent Mission.
    staff.work("Task_CommentOnStatementDraft", statement, "phl-mission", Map.of("delegationComments", "Shorter"));
    staff.work("Task_AdviseChairOnText", statement, "legal-officer", Map.of("legalAdvice", "No legal obstacle"));
    staff.work("Task_JudgeStatementReady", statement, "chairperson", Map.of("readinessDecision", "ready",
        "readinessNote", "Consensus in the Friends"));
    staff.work("Task_DecideAdoptionRoute", statement, "chairperson", Set.of("chairperson", "director-general"),
        Map.of("adoptionRoute", "intersessional"));
    staff.work("Task_CirculateUnderSilence", statement, "council-secretary", Map.of("circulatedOn", TODAY.toString(),
        "draftLink", "https://docs.example/final", "silenceWindow", "PT1H"));

    // The Philippines breaks the silence it names; only a Permanent Mission may.
    Map<String, Object> objection = Map.of("objectionText", "Paragraph 4 prejudges the negotiation",
        "objectedSilence", 1);
    assertThat(staff.as("phl-officer").post("/api/cycles/" + CYCLE + "/messages/ObjectionRaised", objection)
        .status()).as("a Country Office is no Permanent Mission").isEqualTo(403);
    Http.Response withoutNote = staff.as("council-secretary").post("/api/cycles/" + CYCLE + "/messages/ObjectionRaised",
        Map.of("objectionText", "By note verbale", "objectingCountry", "KEN"));
    assertThat(withoutNote.status()).as("the secretariat records a note verbale with its reference").isEqualTo(400);
    assertThat(withoutNote.body()).contains("noteVerbaleReference");
    Http.Response unnamed = staff.as("phl-mission").post("/api/cycles/" + CYCLE + "/messages/ObjectionRaised",
        Map.of("objectionText", "Which text?"));
    assertThat(unnamed.status()).as("an objection names the silence it concerns").isEqualTo(400);
    assertThat(unnamed.body()).contains("objectedSilence");
    Conflicts.sendUntilNot409("ObjectionRaised", 200, Duration.ofSeconds(30), () -> staff.as("phl-mission")
        .post("/api/cycles/" + CYCLE + "/messages/ObjectionRaised", objection));
    staff.work("Task_DecideAfterBrokenSilence", statement, "chairperson", Map.of("silenceDecision", "revise",
        "contestedParagraph", "4", "silenceDecisionNote", "Meet the objection"));
    staff.work("Task_ReviseTextAfterObjection", statement, "council-secretary", Map.of(
        "draftLink", "https://docs.example/final-2", "revisionNote", "Paragraph 4 reworded"));
    // Silence again, this time kept: a one-second window that the job executor closes; that is the adoption.
    staff.work("Task_CirculateUnderSilence", statement, "council-secretary", Map.of("circulatedOn", TODAY.toString(),
        "draftLink", "https://docs.example/final-2", "silenceWindow", "PT1S"));
    staff.work("Task_TransmitStatement", statement, "chairperson", Map.of("transmittedOn", TODAY.toString(),
        "transmittalReference", "C/CH/2013/77"));
  }

  private void pgaOutcomeInput(DemoStaff staff) {
    String pga = CYCLE + "-pga-outcome-input";
    staff.work("Task_ConfirmOutcomeFormat", pga, "hld-coordinator", Map.of(
        "outcomeFormat", "member-state-negotiation", "modalitiesResolution", "A/RES/67/219"));
    staff.work("Task_PrepareKeyMessages", pga, "policy-drafter", Map.of("inputLink", "https://docs.example/km",
        "inputSummary", "Migration in the post-2015 agenda", "themesCovered",
        List.of("post-2015-mainstreaming", "regional-processes")));
    staff.work("Task_ClearKeyMessages", pga, "director-general", Map.of("clearanceDecision", "cleared"));
    staff.work("Task_BriefDelegations", pga, "ny-liaison", Map.of("delegationsBriefed", "G77, EU",
        "keyMessagesAvailableOn", TODAY.toString()));
    Conflicts.sendUntilNot409("OutcomeDraftCirculated", 200, Duration.ofSeconds(30), () -> staff.as("ny-liaison")
        .post("/api/cycles/" + CYCLE + "/messages/OutcomeDraftCirculated",
            Map.of("draftLabel", "zero draft", "draftLink", "https://docs.example/zero")));
    staff.work("Task_AnalyseOutcomeDraft", pga, "ny-liaison", Map.of(
        "gapsFound", "Nothing on labour mobility", "commentsRequested", "yes"));
    staff.work("Task_SendDraftComments", pga, "hld-coordinator", Map.of("commentsLink", "https://docs.example/c",
        "commentsSentOn", TODAY.toString()));
    assertThat(staff.as("ny-liaison").post("/api/cycles/" + CYCLE + "/messages/OutcomeAdopted",
        Map.of("outcomeSymbol", "A/RES/68/4")).status()).isEqualTo(200);
  }

  private void briefingPackAndTheHld(DemoStaff staff, LocalDate hld) {
    // The briefing pack is brought forward to today: it falls due at once (its day has begun).
    Http.Response moved = staff.as("hld-coordinator").post("/api/cycles/" + CYCLE + "/messages/CalendarChanged",
        Map.of("calendarChanges", Map.of("briefingPackDate", TODAY.toString())));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    Http.Response past = staff.as("hld-coordinator").post("/api/cycles/" + CYCLE + "/messages/CalendarChanged",
        Map.of("calendarChanges", Map.of("hldDate", TODAY.minusDays(2).toString())));
    assertThat(past.status()).as("moving deadlines into the past needs replay: " + past.body()).isEqualTo(400);
    staff.work("Task_PrepareBriefingPack", CYCLE, "hld-coordinator",
        Map.of("briefingPackLink", "https://docs.example/p"));
    staff.work("Task_ApproveBriefingPack", CYCLE, "director-general", Map.of("briefingDecision", "approve"));
    // The HLD is over: the calendar is moved into the past as a replay would, the dates given with it.
    Http.Response over = staff.as("hld-coordinator").post("/api/cycles/" + CYCLE + "/messages/CalendarChanged",
        Map.of("replay", true, "calendarChanges", Map.of("hldDate", TODAY.minusDays(2).toString(),
            "nationalSummaryDeadline", TODAY.minusDays(150).toString(), "rcpMeetingDate",
            TODAY.minusDays(140).toString(),
            "zeroDraftDeadline", TODAY.minusDays(200).toString(), "briefingPackDate", TODAY.minusDays(12).toString())));
    assertThat(over.status()).as(over.body()).isEqualTo(200);
    // The Dialogue week: the HLD has opened (its timer moved into the past), the delegation is recorded and
    // New York sends the outcome; a symbol that is none is refused naming the field.
    // The move made many of the master's timers due at once: the delegation is recorded once the job
    // executor has fired them (a completion meanwhile could meet the master being moved on: 409).
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(managementService.createJobQuery()
        .processInstanceId(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(CYCLE)
            .processDefinitionKey("hld-preparation").singleResult().getId())
        .executable().count()).isZero());
    // The children end at their moved cut-offs too, each then moving the master on: a completion that
    // meets one gets 409, and like any client the coordinator reloads and sends again.
    staff.workThroughConflicts("Task_RecordDelegation", CYCLE, "hld-coordinator", QuickCycle.delegation(),
        Duration.ofSeconds(60));
    Http.Response noSymbol = staff.as("ny-liaison").post("/api/cycles/" + CYCLE + "/messages/HldConcluded",
        Map.of("hldOutcomeSymbol", "the declaration"));
    assertThat(noSymbol.status()).as(noSymbol.body()).isEqualTo(400);
    assertThat(noSymbol.body()).contains("hldOutcomeSymbol");
    Conflicts.sendUntilNot409("HldConcluded", 200, Duration.ofSeconds(60), () -> staff.as("ny-liaison")
        .post("/api/cycles/" + CYCLE + "/messages/HldConcluded", Map.of("hldOutcomeSymbol", "A/RES/68/4")));
  }

  private void addUser(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword("a-test-password");
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
  }
}
