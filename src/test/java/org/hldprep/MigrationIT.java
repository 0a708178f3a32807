package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.process.nationalconsultation.NationalConsultationProcess;
import org.hldprep.support.CycleDays;
import org.hldprep.support.DemoStaff;
import org.hldprep.support.Deployments;
import org.hldprep.support.Http;
import org.hldprep.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Running instances moved to a new version of their model on purpose, over /api/admin/migrations:
 * a consultation of a cycle in mid-course goes to a version 2 with one more step and one more form
 * field and finishes there; an instance waiting in an activity the new version lacks is reported and
 * left alone. Version 2 of national-consultation (src/test/resources/migration) is deployed for the
 * test and deleted after it, so other tests find the start-up models again.
 */
class MigrationIT extends PostgresIntegrationTest {

  /** Today where the server counts days: the cycle's zone, not this JVM's. */
  private static final LocalDate TODAY = CycleDays.today();
  private static final String TASK_SHARE_SUMMARY = "Task_ShareSummaryForSynthesis";

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  TaskService taskService;

  @Test
  void aConsultationOfACycleInMidCourseMovesToVersion2AndFinishesThereRoutedAndFormed() {
    DemoStaff staff = new DemoStaff(port);
    Http admin = Http.as(port, "admin");
    String cycle = "HLDMIGRATE" + ThreadLocalRandom.current().nextInt(1_000_000);
    // The new step falls due when the regional syntheses start, a date version 1 of the consultation does
    // not use: the cycle has its own, three days after the default, and the migration must take the cycle's.
    LocalDate synthesisStart = LocalDate
        .parse(futureCalendar(Map.of()).get(CycleCalendar.REGIONAL_SYNTHESIS_START_DATE))
        .plusDays(3);
    Http.Response started = staff.as("hld-coordinator").post("/api/cycles", Map.of("cycle", cycle,
        "memberStates", List.of("PHL"), "rcps", List.of("colombo-process"),
        "calendar", futureCalendar(Map.of(CycleCalendar.REGIONAL_SYNTHESIS_START_DATE, synthesisStart.toString()))));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String consultation = cycle + "-PHL";
    String deploymentId = null;
    try {
      // Mid-course on version 1: the offer accepted, the arrangements open.
      staff.work(NationalConsultationProcess.TASK_OFFER_CONSULTATION, consultation, "phl-officer", Map.of(
          "governmentFocalPoint", "DFA", "governmentAnswer", "accepted"));
      staff.find(NationalConsultationProcess.TASK_AGREE_ARRANGEMENTS, consultation, "phl-officer",
          Set.of("phl-officer"));
      ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(consultation)
          .singleResult();
      int sourceVersion = repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getVersion();

      // Version 2, as an administrator deploys it: the model, its new and its changed form, the routing table.
      Http.Response deployed = Deployments.engineRest(port, "admin").create("national-consultation 1.1.0", Map.of(
          "national-consultation.bpmn", Deployments.resource("migration/national-consultation-v2.bpmn"),
          "record-consultation.form", Deployments.resource("migration/record-consultation-v2.form"),
          "share-summary-for-synthesis.form", Deployments.resource("migration/share-summary-for-synthesis.form"),
          "task-routing.dmn", routingWith(TASK_SHARE_SUMMARY, "country-office")));
      assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
      deploymentId = deployed.json().get("id").asText();
      JsonNode target = deployed.json().get("deployedProcessDefinitions").elements().next();
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("processDefinitionKey", NationalConsultationProcess.KEY);
      request.put("sourceVersion", sourceVersion);
      request.put("targetVersion", target.get("version").asInt());
      request.put("cycle", cycle);

      // The dry run: migratable, with the cycle's own synthesis start date to set; nothing changes.
      Http.Response dryRun = admin.post("/api/admin/migrations/dry-run", request);
      assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
      JsonNode report = instanceReport(dryRun.json(), instance.getId());
      assertThat(report.get("migratable").asBoolean()).as(report.toString()).isTrue();
      assertThat(report.get("activities").toString()).isEqualTo("[\"Task_AgreeArrangements\"]");
      assertThat(report.get("variables").get(CycleCalendar.REGIONAL_SYNTHESIS_START_DATE).asText())
          .isEqualTo(synthesisStart.toString());
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
          .getProcessDefinitionId()).as("the dry run changed nothing").isEqualTo(instance.getProcessDefinitionId());
      assertThat(runtimeService.getVariable(instance.getId(), CycleCalendar.REGIONAL_SYNTHESIS_START_DATE)).isNull();

      // The migration: a batch, visible in the API and where Cockpit reads batches.
      Http.Response migration = admin.post("/api/admin/migrations", request);
      assertThat(migration.status()).as(migration.body()).isEqualTo(202);
      assertThat(migration.json().get("batches")).hasSize(1);
      String batchId = migration.json().get("batches").get(0).get("id").asText();
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(runtimeService.createProcessInstanceQuery()
          .processInstanceId(instance.getId()).singleResult().getProcessDefinitionId())
          .isEqualTo(target.get("id").asText()));
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        JsonNode batch = admin.get("/api/admin/migrations/" + batchId).json();
        assertThat(batch.get("completedJobs").asInt()).as(batch.toString()).isEqualTo(1);
        assertThat(batch.get("failedJobs").asInt()).isZero();
      });
      Http.Response cockpitView = admin.get("/engine-rest/history/batch/" + batchId);
      assertThat(cockpitView.status()).as(cockpitView.body()).isEqualTo(200);
      assertThat(cockpitView.json().get("type").asText()).isEqualTo("instance-migration");
      assertThat(runtimeService.getVariable(instance.getId(), CycleCalendar.REGIONAL_SYNTHESIS_START_DATE))
          .isEqualTo(synthesisStart.toString());

      // On version 2 to the end: every task routed to exactly its office, every task with its form.
      String arrangements = staff.find(NationalConsultationProcess.TASK_AGREE_ARRANGEMENTS, consultation,
          "phl-officer", Set.of("phl-officer"));
      assertThat(formKeys(arrangements, "phl-officer").get("id").asText()).isEqualTo("agree-arrangements");
      staff.work(NationalConsultationProcess.TASK_AGREE_ARRANGEMENTS, consultation, "phl-officer", Map.of(
          "stakeholders", List.of("civil-society"), "consultationFormat", "consultation",
          "consultationDate", TODAY.toString(), "venue", "Manila"));

      String record = staff.find(NationalConsultationProcess.TASK_RECORD_CONSULTATION, consultation, "phl-officer",
          Set.of("phl-officer"));
      assertThat(formKeys(record, "phl-officer").toString()).contains("\"youngParticipants\"");
      Map<String, Object> summary = new LinkedHashMap<>(Map.of("consultationHeldOn", TODAY.toString(),
          "participants", 40, "summaryLink", "https://docs.example/phl", "keyMessages", "Protect migrant workers"));
      Http.Response withoutTheNewField = staff.as("phl-officer").post("/engine-rest/task/" + record + "/complete",
          Map.of("variables", Http.variables(summary)));
      assertThat(withoutTheNewField.status()).as("the changed form is the one checked").isEqualTo(400);
      assertThat(withoutTheNewField.body()).contains("youngParticipants");
      summary.put("youngParticipants", 12);
      staff.work(NationalConsultationProcess.TASK_RECORD_CONSULTATION, consultation, "phl-officer", summary);

      String review = staff.find(NationalConsultationProcess.TASK_REVIEW_SUMMARY, consultation, "bangkok-ro",
          Set.of("bangkok-ro"));
      assertThat(formKeys(review, "bangkok-ro").get("id").asText()).isEqualTo("review-national-summary");
      staff.work(NationalConsultationProcess.TASK_REVIEW_SUMMARY, consultation, "bangkok-ro",
          Map.of("reviewDecision", "accept"));

      String share = staff.find(TASK_SHARE_SUMMARY, consultation, "phl-officer", Set.of("phl-officer"));
      assertThat(formKeys(share, "phl-officer").get("id").asText()).isEqualTo("share-summary-for-synthesis");
      assertThat(admin.get("/engine-rest/task/" + share).json().get("due").asText())
          .as("the new step falls due on the cycle's synthesis start date").startsWith(synthesisStart.toString());
      staff.work(TASK_SHARE_SUMMARY, consultation, "phl-officer", Map.of("summarySharedOn", TODAY.toString()));

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        HistoricProcessInstance done = historyService.createHistoricProcessInstanceQuery()
            .processInstanceId(instance.getId()).singleResult();
        assertThat(done.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(done.getProcessDefinitionId()).isEqualTo(target.get("id").asText());
      });
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(staff.as("hld-coordinator")
          .get("/api/cycles/" + cycle).json().get("consultationOutcomes").toString()).isEqualTo("{\"PHL\":\"held\"}"));
    } finally {
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(cycle).list()
          .forEach(master -> runtimeService.deleteProcessInstance(master.getId(), "MigrationIT done"));
      if (deploymentId != null) {
        repositoryService.deleteDeployment(deploymentId, true);
      }
    }
  }

  @Test
  void anInstanceWaitingInAnActivityTheNewVersionLacksIsReportedAndLeftUntouched() {
    String key = "migration-it-" + ThreadLocalRandom.current().nextInt(1_000_000);
    // Version 1 offers, then reminds; version 2 only agrees the arrangements: the reminder is gone, the
    // offer became the arrangements (a changed id, which needs an explicit mapping).
    String v1 = repositoryService.createDeployment().name(key).addModelInstance(key + ".bpmn",
        twoSteps(key, NationalConsultationProcess.TASK_OFFER_CONSULTATION, "offer-consultation",
            NationalConsultationProcess.TASK_REMIND_GOVERNMENT, "remind-government"))
        .deploy().getId();
    String v2 = null;
    try {
      ProcessInstance reminding = runtimeService.startProcessInstanceByKey(key, key + "-A",
          Map.of("countryCode", "PHL"));
      taskService.complete(taskService.createTaskQuery().processInstanceId(reminding.getId()).singleResult().getId());
      ProcessInstance offering = runtimeService.startProcessInstanceByKey(key, key + "-B",
          Map.of("countryCode", "PHL"));
      v2 = repositoryService.createDeployment().name(key).addModelInstance(key + ".bpmn",
          Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(180).startEvent()
              .userTask(NationalConsultationProcess.TASK_AGREE_ARRANGEMENTS).camundaFormRef("agree-arrangements")
              .camundaFormRefBinding("latest").endEvent().done())
          .deploy().getId();
      Http admin = Http.as(port, "admin");
      Map<String, Object> request = new LinkedHashMap<>(Map.of("processDefinitionKey", key));

      JsonNode withoutMapping = admin.post("/api/admin/migrations/dry-run", request).json();
      assertThat(withoutMapping.get("migratable").asInt()).as(withoutMapping.toString()).isZero();
      assertThat(instanceReport(withoutMapping, reminding.getId()).get("failures").toString())
          .contains(NationalConsultationProcess.TASK_REMIND_GOVERNMENT);
      assertThat(instanceReport(withoutMapping, offering.getId()).get("failures").toString())
          .contains(NationalConsultationProcess.TASK_OFFER_CONSULTATION);

      request.put("mappings", List.of(Map.of("from", NationalConsultationProcess.TASK_OFFER_CONSULTATION,
          "to", NationalConsultationProcess.TASK_AGREE_ARRANGEMENTS)));
      JsonNode withMapping = admin.post("/api/admin/migrations/dry-run", request).json();
      assertThat(instanceReport(withMapping, offering.getId()).get("migratable").asBoolean()).isTrue();
      JsonNode removed = instanceReport(withMapping, reminding.getId());
      assertThat(removed.get("migratable").asBoolean()).isFalse();
      assertThat(removed.get("activities").toString()).contains(NationalConsultationProcess.TASK_REMIND_GOVERNMENT);

      Map<String, Object> onlyTheStuckOne = new LinkedHashMap<>(request);
      onlyTheStuckOne.put("processInstanceIds", List.of(reminding.getId()));
      assertThat(admin.post("/api/admin/migrations", onlyTheStuckOne).status()).as("nothing to migrate").isEqualTo(409);

      Http.Response migration = admin.post("/api/admin/migrations", request);
      assertThat(migration.status()).as(migration.body()).isEqualTo(202);
      assertThat(migration.json().get("batches").get(0).get("instances").asInt()).isEqualTo(1);
      String target = repositoryService.createProcessDefinitionQuery().deploymentId(v2).singleResult().getId();
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(runtimeService.createProcessInstanceQuery()
          .processInstanceId(offering.getId()).singleResult().getProcessDefinitionId()).isEqualTo(target));
      String arrangements = taskService.createTaskQuery().processInstanceId(offering.getId()).singleResult().getId();
      assertThat(taskService.createTaskQuery().taskId(arrangements).singleResult().getTaskDefinitionKey())
          .isEqualTo(NationalConsultationProcess.TASK_AGREE_ARRANGEMENTS);
      assertThat(formKeys(arrangements, "phl-officer").get("id").asText()).isEqualTo("agree-arrangements");

      ProcessInstance untouched = runtimeService.createProcessInstanceQuery().processInstanceId(reminding.getId())
          .singleResult();
      assertThat(untouched.getProcessDefinitionId()).isEqualTo(reminding.getProcessDefinitionId());
      assertThat(runtimeService.getActiveActivityIds(reminding.getId()))
          .containsExactly(NationalConsultationProcess.TASK_REMIND_GOVERNMENT);
      assertThat(runtimeService.getVariables(reminding.getId())).containsOnlyKeys("countryCode");
    } finally {
      repositoryService.deleteDeployment(v1, true);
      if (v2 != null) {
        repositoryService.deleteDeployment(v2, true);
      }
    }
  }

  @Test
  void onlyAdministratorsMigrate() {
    Map<String, Object> request = Map.of("processDefinitionKey", NationalConsultationProcess.KEY);
    for (String user : List.of("hld-coordinator", "phl-officer")) {
      Http http = Http.as(port, user);
      assertThat(http.post("/api/admin/migrations/dry-run", request).status()).as(user).isEqualTo(403);
      assertThat(http.post("/api/admin/migrations", request).status()).as(user).isEqualTo(403);
      assertThat(http.get("/api/admin/migrations/some-batch").status()).as(user).isEqualTo(403);
    }
    Http admin = Http.as(port, "admin");
    assertThat(admin.post("/api/admin/migrations/dry-run", Map.of()).status()).isEqualTo(400);
    assertThat(admin.post("/api/admin/migrations/dry-run", Map.of("processDefinitionKey", "no-such-process")).status())
        .isEqualTo(404);
    assertThat(admin.get("/api/admin/migrations/no-such-batch").status()).isEqualTo(404);
  }

  /**
   * The 2013 calendar moved two years ahead (every default follows the HLD, so every date lies in the
   * future and keeps its order), with these dates given (the dates that follow them move with them).
   */
  private static Map<String, String> futureCalendar(Map<String, String> given) {
    Map<String, String> dates = new LinkedHashMap<>(given);
    dates.put(CycleCalendar.HLD_DATE, LocalDate.of(2013, 10, 3).plusYears(TODAY.getYear() + 2 - 2013).toString());
    return CycleCalendar.resolve(dates);
  }

  private static JsonNode instanceReport(JsonNode report, String processInstanceId) {
    for (JsonNode instance : report.get("instances")) {
      if (instance.get("id").asText().equals(processInstanceId)) {
        return instance;
      }
    }
    throw new AssertionError("instance " + processInstanceId + " not in the report " + report);
  }

  /** The Camunda Form of a task, as Tasklist loads it. */
  private JsonNode formKeys(String taskId, String user) {
    Http.Response form = Http.as(port, user).get("/engine-rest/task/" + taskId + "/deployed-form");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    return form.json();
  }

  private static BpmnModelInstance twoSteps(String key, String first, String firstForm, String second,
      String secondForm) {
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(180).startEvent()
        .userTask(first).camundaFormRef(firstForm).camundaFormRefBinding("latest")
        .userTask(second).camundaFormRef(secondForm).camundaFormRefBinding("latest").endEvent().done();
  }

  /** The project's routing table with one more rule, as an administrator would add it in Modeler. */
  private static byte[] routingWith(String step, String group) {
    String dmn = new String(Deployments.resource("processes/task-routing.dmn"), StandardCharsets.UTF_8);
    String rule = "<rule id=\"Rule_" + step + "\"><inputEntry id=\"Rule_" + step + "_Step\"><text>\"" + step
        + "\"</text></inputEntry><outputEntry id=\"Rule_" + step + "_Group\"><text>\"" + group
        + "\"</text></outputEntry></rule>";
    return dmn.replace("</decisionTable>", rule + "</decisionTable>").getBytes(StandardCharsets.UTF_8);
  }
}
