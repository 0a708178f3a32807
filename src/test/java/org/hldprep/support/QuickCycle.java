package org.hldprep.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.process.nyroundtable.NyRoundtableProcess;

/**
 * The shortest way through a whole cycle, over REST, each step on the node (port) the test chooses: the
 * first Member State declines, the others never answer (their deadline timers end them), the one RCP is
 * not interested, the global RCP meeting ends with the chair's summary only, the Council statement is
 * not pursued, key messages go to the delegations and the PGA track ends when the HLD has passed, then
 * the CEB/HLCP paper, the round tables and the Regional Commission inputs end at their cut-offs, New
 * York writes the series report, the Director General's statement is cleared, then the briefing pack, the
 * Dialogue week (delegation, HldConcluded), the HLD and the report to the Council. Every date of the cycle is years ahead; a test makes a timer fall due by
 * moving its job's due date to now (as an administrator could), and the job executors fire it.
 */
public final class QuickCycle {

  public static final String RCP = "colombo-process";
  /** The UN Regional Commissions of the reference data: every cycle contributes to each. */
  public static final List<String> COMMISSIONS = List.of("eca", "ece", "eclac", "escap", "escwa");
  private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final String name;
  private final List<String> memberStates;
  private final String today = CycleDays.today().toString();

  /** The first Member State declines (its Country Office is a demo user); the others stay silent. */
  public QuickCycle(String name, String... memberStates) {
    this.name = name;
    this.memberStates = List.of(memberStates);
  }

  /** A cycle whose name no other test (nor a rerun in the same database) uses: prefix, counter, clock. */
  public static QuickCycle unique(String prefix, String... memberStates) {
    return new QuickCycle(prefix + COUNTER.incrementAndGet()
        + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase(), memberStates);
  }

  public String name() {
    return name;
  }

  /** The 2013 calendar moved whole years ahead: every date follows the HLD, lies in the future and keeps its order. */
  public static Map<String, String> futureCalendar() {
    return new TreeMap<>(CycleCalendar.resolve(Map.of(CycleCalendar.HLD_DATE,
        LocalDate.of(2013, 10, 3).plusYears(LocalDate.now().getYear() + 2 - 2013).toString())));
  }

  /** The request body of {@code POST /api/cycles} for this cycle. */
  public Map<String, Object> startRequest() {
    return Map.of("cycle", name, "memberStates", memberStates, "rcps", List.of(RCP), "calendar", futureCalendar());
  }

  /** Starts the cycle as the coordinator; returns the master's process instance id. */
  public String start(int port) {
    Http.Response started = Http.as(port, "hld-coordinator").post("/api/cycles", startRequest());
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return started.json().get("processInstanceId").asText();
  }

  public void consultationDeclined(int port) {
    String country = memberStates.get(0);
    complete(port, country.toLowerCase() + "-officer", name + "-" + country, "Task_OfferConsultation",
        Map.of("governmentFocalPoint", "Foreign ministry", "governmentAnswer", "declined",
            "declineReason", "Elections"));
  }

  /** The government never answers: the response deadline, then the final deadline pass. */
  public void consultationsUnanswered(int port) {
    List<String> silent = memberStates.subList(1, memberStates.size());
    fireTimers(port, silent.stream().map(c -> name + "-" + c).toList(), "Timer_NoGovernmentAnswer");
    fireTimers(port, silent.stream().map(c -> name + "-" + c).toList(), "Timer_NoAnswerAfterReminder");
  }

  /** Every Member State of these cycles is covered by the Regional Office in Bangkok. */
  public void syntheses(int port) {
    complete(port, "bangkok-ro", name, "Task_WriteRegionalSynthesis", Map.of(
        "regionalSynthesisLink", "https://docs.example/ro-bangkok", "regionalKeyMessages", "Regional messages"));
    complete(port, "hld-coordinator", name, "Task_WriteGlobalSynthesis", Map.of(
        "globalSynthesisLink", "https://docs.example/global", "globalKeyMessages", "Global messages"));
  }

  public void rcpNotInterested(int port) {
    complete(port, "rcp-focal-point", name + "-" + RCP, "Task_ContactRcpChair", Map.of(
        "rcpInterest", "not-interested", "rcpContactName", "Chair's office", "rcpContactRole", "chair",
        "rcpContactedOn", today, "notInterestedReason", "Other priorities this year"));
  }

  /** Concept note, invitations, the meeting day (its timer), the chair's summary without a joint contribution. */
  public void globalMeetingSummaryOnly(int port) {
    String meeting = name + "-global-rcp-meeting";
    complete(port, "rcp-focal-point", meeting, "Task_PrepareRcpMeetingConceptNote", Map.of(
        "conceptNoteLink", "https://docs.example/grcp-cn", "rcpMeetingDate", futureCalendar().get("rcpMeetingDate"),
        "meetingHost", "Peru", "meetingVenue", "Lima", "meetingTheme", "The place of RCPs"));
    complete(port, "rcp-focal-point", meeting, "Task_SendRcpMeetingInvitations", Map.of(
        "invitationsSentOn", today, "invitedRcps", 14));
    fireTimers(port, List.of(meeting), "Timer_RcpMeetingDate");
    complete(port, "rcp-focal-point", meeting, "Task_DraftRcpMeetingSummary", Map.of(
        "meetingSummaryLink", "https://docs.example/grcp-summary", "jointContribution", "declined",
        "declineReason", "No consensus among the chairs"));
  }

  public void councilStatementNotPursued(int port) {
    complete(port, "chairperson", name + "-council-joint-statement", "Task_ConstituteFriendsOfTheChair", Map.of(
        "pursueStatement", "not-pursued", "notPursuedReason", "Member States prefer national statements"));
  }

  /** Member States negotiate the outcome: key messages for delegations, cleared and briefed; then the HLD passes. */
  public void pgaTrackEndsWhenTheHldHasPassed(int port) {
    String pga = name + "-pga-outcome-input";
    complete(port, "hld-coordinator", pga, "Task_ConfirmOutcomeFormat", Map.of(
        "outcomeFormat", "member-state-negotiation", "modalitiesResolution", "A/RES/67/219"));
    complete(port, "policy-drafter", pga, "Task_PrepareKeyMessages", Map.of("inputLink", "https://docs.example/km",
        "inputSummary", "Migration in the post-2015 agenda", "themesCovered", List.of("post-2015-mainstreaming")));
    complete(port, "director-general", pga, "Task_ClearKeyMessages", Map.of("clearanceDecision", "cleared"));
    complete(port, "ny-liaison", pga, "Task_BriefDelegations", Map.of("delegationsBriefed", "G77, EU",
        "keyMessagesAvailableOn", today));
    fireTimers(port, List.of(pga), "Timer_HldPassed");
  }

  /** The New York round tables of the cycle: their business keys, one per date of the calendar. */
  public List<String> roundtables() {
    return Stream.of(futureCalendar().get(CycleCalendar.ROUNDTABLE_DATES).split(","))
        .map(date -> name + "-" + NyRoundtableProcess.code(date.trim())).toList();
  }

  /** The inputs to the UN Regional Commissions: their business keys. */
  public List<String> regionalCommissions() {
    return COMMISSIONS.stream().map(code -> name + "-" + code).toList();
  }

  /**
   * The three tracks of MC/2353 §11 end at their cut-offs with nothing done (the paper when the Dialogue
   * opens, each round table when its series report is due, each commission input when the Dialogue is
   * over), then New York writes the series report.
   */
  public void newTracksCutOff(int port) {
    fireTimers(port, List.of(name + "-ceb-hlcp-paper"), "Timer_DialogueOpens");
    fireTimers(port, roundtables(), "Timer_SeriesReportDue");
    fireTimers(port, regionalCommissions(), "Timer_DialogueOver");
    complete(port, "ny-liaison", name, "Task_WriteSeriesReport", Map.of("seriesReportLink",
        "https://docs.example/series", "seriesKeyMessages", "Migration and the post-2015 agenda"));
  }

  /**
   * The new tracks at their cut-offs ({@link #newTracksCutOff}), the Director General's statement (its
   * start timer, drafted and cleared), ten days before the HLD
   * (timer) the briefing pack prepared and approved, then the Dialogue week: the HLD opens (timer), the
   * delegation is recorded, HldConcluded brings A/RES/68/4, and the HLD passes (timer).
   */
  public void briefingPackAndTheHld(int port) {
    newTracksCutOff(port);
    fireTimers(port, List.of(name), "Timer_DgStatementStart");
    complete(port, "policy-drafter", name, "Task_DraftDgStatement",
        Map.of("dgStatementLink", "https://docs.example/dg"));
    complete(port, "director-general", name, "Task_ClearDgStatement", Map.of("dgStatementDecision", "cleared"));
    fireTimers(port, List.of(name), "Timer_BriefingPackDue");
    complete(port, "hld-coordinator", name, "Task_PrepareBriefingPack",
        Map.of("briefingPackLink", "https://docs.example/p"));
    complete(port, "director-general", name, "Task_ApproveBriefingPack", Map.of("briefingDecision", "approve"));
    fireTimers(port, List.of(name), "Timer_HldOpens");
    complete(port, "hld-coordinator", name, "Task_RecordDelegation", delegation());
    hldConcluded(port);
    fireTimers(port, List.of(name), "Timer_HldPassed");
  }

  public static Map<String, Object> delegation() {
    return Map.of("delegationHead", "Director General", "delegationMembers", "ICP, MPR, SLO New York",
        "roundtableParticipation", "Round tables 1 and 4");
  }

  /** New York reports the outcome of the Dialogue once the master waits for it. */
  public void hldConcluded(int port) {
    // 409 while the master does not wait for it yet; anything else but 200 fails at once.
    Conflicts.sendUntilNot409("HldConcluded", 200, PATIENCE, () -> Http.as(port, "ny-liaison")
        .post("/api/cycles/" + name + "/messages/HldConcluded",
            Map.of("hldOutcomeSymbol", "A/RES/68/4", "hldOutcomeTitle", "Declaration of the High-level Dialogue")));
  }

  public static Map<String, Object> councilReport() {
    return Map.of("councilReportLink", "https://docs.example/mc-inf", "councilDocumentSymbol", "MC/INF/310");
  }

  public void reportToCouncil(int port) {
    complete(port, "council-secretary", name, "Task_ReportToCouncil", councilReport());
  }

  /** Waits until the master has ended; returns its status as the coordinator reads it. */
  public JsonNode awaitEnded(int port) {
    JsonNode[] status = new JsonNode[1];
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      status[0] = Http.as(port, "hld-coordinator").get("/api/cycles/" + name).okJson();
      assertThat(status[0].get("state").asText()).isEqualTo("ended");
    });
    return status[0];
  }

  /** The one open task of this key in this instance, once it is there for the actor: its id. */
  public static String awaitTask(int port, String actor, String businessKey, String taskKey) {
    String query = "/engine-rest/task?maxResults=10&taskDefinitionKey=" + taskKey + "&processInstanceBusinessKey="
        + businessKey;
    String[] id = new String[1];
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      JsonNode tasks = Http.as(port, actor).get(query).okJson();
      assertThat(tasks.size()).as(taskKey + " of " + businessKey + " for " + actor).isEqualTo(1);
      id[0] = tasks.get(0).get("id").asText();
    });
    return id[0];
  }

  /** Finds the task, claims it and completes it with these form values, as the actor. */
  public static void complete(int port, String actor, String businessKey, String taskKey, Map<String, Object> values) {
    String taskId = awaitTask(port, actor, businessKey, taskKey);
    Http http = Http.as(port, actor);
    Http.Response claimed = http.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", actor));
    assertThat(claimed.status()).as(taskKey + " claim: " + claimed.body()).isEqualTo(204);
    Http.Response completed = http.post("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Http.variables(values)));
    assertThat(completed.status()).as(taskKey + ": " + completed.body()).isEqualTo(204);
  }

  /**
   * Makes the timer of each instance fall due now (the administrator moves its job's due date) and waits
   * until the job executors have fired them all. Several timers fall due at the same moment, so that the
   * job executors of every node compete for them.
   */
  public static void fireTimers(int port, List<String> businessKeys, String timerId) {
    Http admin = Http.as(port, "admin");
    List<String> jobs = new ArrayList<>();
    for (String businessKey : businessKeys) {
      String instance = processInstance(port, businessKey);
      String[] job = new String[1];
      await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
        JsonNode found = admin
            .get("/engine-rest/job?maxResults=10&processInstanceId=" + instance + "&activityId=" + timerId)
            .okJson();
        assertThat(found.size()).as(timerId + " of " + businessKey).isEqualTo(1);
        job[0] = found.get(0).get("id").asText();
      });
      jobs.add(job[0]);
    }
    String now = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).format(CAMUNDA_DATE);
    for (String job : jobs) {
      Http.Response moved = admin.put("/engine-rest/job/" + job + "/duedate", Map.of("duedate", now));
      assertThat(moved.status()).as("due date of " + job + ": " + moved.body()).isEqualTo(204);
    }
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      for (String job : jobs) {
        int status = admin.get("/engine-rest/job/" + job).status();
        if (status != 200 && status != 404) {
          throw new IllegalStateException("job " + job + " of " + timerId + " read with " + status); // not waited out
        }
        assertThat(status).as("job " + job + " of " + timerId + " fired").isEqualTo(404);
      }
    });
  }

  /** The running process instance with this business key, once it is there (children start asynchronously). */
  public static String processInstance(int port, String businessKey) {
    String[] id = new String[1];
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      JsonNode found = Http.as(port, "admin")
          .get("/engine-rest/process-instance?maxResults=10&businessKey=" + businessKey)
          .okJson();
      assertThat(found.size()).as("running instance " + businessKey).isEqualTo(1);
      id[0] = found.get(0).get("id").asText();
    });
    return id[0];
  }

  /**
   * What is open in this cycle as the engine reports it: every open task (instance, activity, assignee)
   * and every job (instance, activity, due date), once no job is due any more.
   */
  public Map<String, List<String>> openWork(int port) {
    Http admin = Http.as(port, "admin");
    Map<String, List<String>> work = new LinkedHashMap<>();
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      work.clear();
      List<String> tasks = new ArrayList<>();
      List<String> jobs = new ArrayList<>();
      JsonNode instances = admin.get("/engine-rest/process-instance?maxResults=100&businessKeyLike=" + name + "%25")
          .okJson();
      assertThat(instances.isArray()).as(instances.toString()).isTrue();
      for (JsonNode instance : instances) {
        String id = instance.get("id").asText();
        String key = instance.get("businessKey").asText();
        admin.get("/engine-rest/task?maxResults=100&processInstanceId=" + id).okJson().forEach(t -> tasks.add(key + " "
            + t.get("taskDefinitionKey").asText() + " " + t.get("id").asText() + " " + t.get("assignee").asText()));
        JsonNode instanceJobs = admin.get("/engine-rest/job?maxResults=100&processInstanceId=" + id).okJson();
        instanceJobs.forEach(j -> jobs.add(key + " " + j.get("id").asText() + " " + j.get("dueDate").asText()));
        assertThat(admin.get("/engine-rest/job/count?executable=true&processInstanceId=" + id).okJson().get("count")
            .asInt()).as("jobs still due in " + key).isZero();
      }
      work.put("tasks", tasks.stream().sorted().toList());
      work.put("jobs", jobs.stream().sorted().toList());
    });
    return work;
  }

  /**
   * Straight from the database: every job of the cycle (master and children) that is no longer pending
   * succeeded exactly once (or was deleted with its activity, e.g. a timer the task beat), and
   * every task, service task, timer and end happened exactly once in its scope (none of these paths
   * loops; inside a multi-instance sub-process, such as the master's one per Member State, once in each
   * of its instances). Returns how many successful job executions each node's job executor had (by host name).
   */
  public static Map<String, Integer> assertEverythingRanOnce(String jdbcUrl, String masterId) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        Statement statement = connection.createStatement()) {
      List<String> twice = new ArrayList<>();
      try (
          ResultSet rows = statement.executeQuery("SELECT job_id_, job_def_type_, act_id_, count(*) FROM act_hi_job_log"
              + " WHERE root_proc_inst_id_ = '" + masterId
              + "' AND job_state_ = 2 GROUP BY job_id_, job_def_type_, act_id_"
              + " HAVING count(*) <> 1")) {
        while (rows.next()) {
          twice.add("job " + rows.getString(1) + " (" + rows.getString(3) + ") succeeded " + rows.getInt(4) + " times");
        }
      }
      try (ResultSet rows = statement.executeQuery("SELECT proc_inst_id_, act_id_, count(*) FROM act_hi_actinst"
          + " WHERE root_proc_inst_id_ = '" + masterId + "' AND act_type_ IN ('userTask', 'serviceTask',"
          + " 'intermediateTimer', 'boundaryTimer', 'startEvent', 'noneEndEvent', 'multiInstanceBody')"
          + " GROUP BY proc_inst_id_, parent_act_inst_id_, act_id_ HAVING count(*) > 1")) {
        while (rows.next()) {
          twice.add(rows.getString(2) + " of " + rows.getString(1) + " happened " + rows.getInt(3) + " times");
        }
      }
      // ... and a multi-instance ran each child once: one instance per child business key (country, RCP, track).
      try (ResultSet rows = statement.executeQuery("SELECT business_key_, count(*) FROM act_hi_procinst"
          + " WHERE root_proc_inst_id_ = '" + masterId + "' AND id_ <> '" + masterId + "'"
          + " GROUP BY business_key_ HAVING count(*) > 1")) {
        while (rows.next()) {
          twice.add("child " + rows.getString(1) + " started " + rows.getInt(2) + " times");
        }
      }
      assertThat(twice).as("done twice").isEmpty();
      TreeSet<String> neverSucceeded = new TreeSet<>();
      try (
          ResultSet rows = statement.executeQuery("SELECT DISTINCT created.job_id_, created.act_id_ FROM act_hi_job_log"
              + " created WHERE created.root_proc_inst_id_ = '" + masterId
              + "' AND created.job_state_ = 0 AND NOT EXISTS"
              + " (SELECT 1 FROM act_hi_job_log done WHERE done.job_id_ = created.job_id_ AND done.job_state_ IN (2, 3))"
              + " AND NOT EXISTS (SELECT 1 FROM act_ru_job pending WHERE pending.id_ = created.job_id_)")) {
        while (rows.next()) {
          neverSucceeded.add(rows.getString(2) + " (" + rows.getString(1) + ")");
        }
      }
      assertThat(neverSucceeded).as("jobs created but neither run, deleted nor still pending").isEmpty();
      Map<String, Integer> byNode = new TreeMap<>();
      try (ResultSet rows = statement.executeQuery("SELECT hostname_, count(*) FROM act_hi_job_log WHERE"
          + " root_proc_inst_id_ = '" + masterId + "' AND job_state_ = 2 GROUP BY hostname_")) {
        while (rows.next()) {
          byNode.put(rows.getString(1), rows.getInt(2));
        }
      }
      assertThat(byNode.values().stream().mapToInt(Integer::intValue).sum()).as("jobs run").isPositive();
      try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM act_hi_incident WHERE root_proc_inst_id_ = '"
          + masterId + "'")) {
        rows.next();
        assertThat(rows.getInt(1)).as("incidents").isZero();
      }
      return byNode;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
