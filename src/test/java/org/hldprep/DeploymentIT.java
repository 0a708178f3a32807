package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
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
 * Deployments as an administrator makes them with Camunda Modeler ("Deploy": one model, nothing
 * else) and with the webapps: complete ones are stored and their tasks keep their forms; incomplete
 * ones are refused with a 400 that names what is missing, and nothing of them is stored. Every model
 * deployed here runs under its own key or is deleted again, so other tests find the start-up models.
 */
class DeploymentIT extends PostgresIntegrationTest {

  private static final AtomicInteger RUN = new AtomicInteger();
  /** Today where the server counts days: the cycle's zone, not this JVM's. */
  private static final LocalDate TODAY = CycleDays.today();

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repositoryService;

  @Test
  void aModelerDeployOfOneModelBecomesTheNextVersionAndItsTasksKeepTheirForms() {
    int versionBefore = latestConsultationVersion();
    Http.Response deployed = Deployments.engineRest(port, "admin").create("national-consultation",
        Map.of("national-consultation.bpmn", Deployments.resource("processes/national-consultation.bpmn")));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    String deploymentId = deployed.json().get("id").asText();
    try {
      JsonNode definition = deployed.json().get("deployedProcessDefinitions").elements().next();
      assertThat(definition.get("version").asInt()).isEqualTo(versionBefore + 1);

      String consultation = "HLDDEPLOY" + RUN.incrementAndGet() + "-PHL";
      Http.Response started = Http.as(port, "admin").post("/engine-rest/process-definition/"
          + definition.get("id").asText() + "/start",
          Map.of("businessKey", consultation, "variables",
              Http.variables(Map.of("countryCode", "PHL", "hldDate", TODAY.plusMonths(14).toString()))));
      assertThat(started.status()).as(started.body()).isEqualTo(200);

      // The Philippines' task on the new version shows its form, and its completion is checked against it.
      DemoStaff staff = new DemoStaff(port);
      String offer = staff.find(NationalConsultationProcess.TASK_OFFER_CONSULTATION, consultation, "phl-officer",
          Set.of("phl-officer"));
      assertThat(formId(offer)).isEqualTo("offer-consultation");
      Http.Response outsideTheForm = staff.as("phl-officer").post("/engine-rest/task/" + offer + "/complete",
          Map.of("variables", Http.variables(Map.of("governmentAnswer", "accepted", "countryCode", "KEN"))));
      assertThat(outsideTheForm.status()).as(outsideTheForm.body()).isEqualTo(400);
      staff.work(NationalConsultationProcess.TASK_OFFER_CONSULTATION, consultation, "phl-officer", Map.of(
          "governmentFocalPoint", "DFA", "governmentAnswer", "accepted"));
      String arrangements = staff.find(NationalConsultationProcess.TASK_AGREE_ARRANGEMENTS, consultation,
          "phl-officer", Set.of("phl-officer"));
      assertThat(formId(arrangements)).isEqualTo("agree-arrangements");
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
    assertThat(latestConsultationVersion()).as("the start-up version is the latest again").isEqualTo(versionBefore);
  }

  @Test
  void aRedeployOfUnchangedResourcesWithDuplicateFilteringIsNotAProblem() {
    String key = "deploy-it-duplicate";
    byte[] model = xml(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(180).startEvent()
        .userTask(NationalConsultationProcess.TASK_OFFER_CONSULTATION).camundaFormRef("offer-consultation")
        .camundaFormRefBinding("latest").endEvent().done());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", key);
    fields.put("enable-duplicate-filtering", "true");
    Deployments admin = Deployments.engineRest(port, "admin");

    Http.Response first = admin.create(fields, Map.of(key + ".bpmn", model));
    Http.Response again = admin.create(fields, Map.of(key + ".bpmn", model));
    try {
      assertThat(first.status()).as(first.body()).isEqualTo(200);
      assertThat(again.status()).as(again.body()).isEqualTo(200);
      assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);
    } finally {
      repositoryService.deleteDeployment(first.json().get("id").asText(), true);
    }
  }

  @Test
  void aModelWithAFormThatExistsNowhereIsRefusedOnEngineRestAndOnTheWebappsAlikeAndNothingIsStored() {
    String key = "deploy-it-missing-form";
    byte[] model = xml(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(180).startEvent()
        .userTask(NationalConsultationProcess.TASK_OFFER_CONSULTATION).camundaFormRef("no-such-form")
        .camundaFormRefBinding("latest").endEvent().done());
    long deploymentsBefore = repositoryService.createDeploymentQuery().count();

    Http.Response rest = Deployments.engineRest(port, "admin").create(key, Map.of(key + ".bpmn", model));
    Http.Response webapp = Deployments.webapp(port, "admin").create(key, Map.of(key + ".bpmn", model));

    for (Http.Response refused : new Http.Response[]{rest, webapp}) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().get("type").asText()).isEqualTo("IncompleteDeploymentException");
      assertThat(refused.json().get("message").asText())
          .contains("Task_OfferConsultation", "'no-such-form'", "nothing was stored");
    }
    assertNothingStored(key, deploymentsBefore);
  }

  @Test
  void aModelCallingAProcessThatDoesNotExistIsRefused() {
    String key = "deploy-it-missing-child";
    byte[] model = xml(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(180).startEvent()
        .callActivity("CallActivity_MissingChild").calledElement("no-such-process")
        .camundaCalledElementBinding("latest").endEvent().done());
    long deploymentsBefore = repositoryService.createDeploymentQuery().count();

    Http.Response refused = Deployments.engineRest(port, "admin").create(key, Map.of(key + ".bpmn", model));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("CallActivity_MissingChild", "'no-such-process'");
    assertNothingStored(key, deploymentsBefore);
  }

  @Test
  void aModelWhoseStepTheRoutingTableDoesNotKnowIsRefused() {
    String key = "deploy-it-unrouted";
    byte[] model = xml(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(180).startEvent()
        .userTask("Task_NobodyIsAskedToDoThis").camundaFormRef("offer-consultation").camundaFormRefBinding("latest")
        .endEvent().done());
    long deploymentsBefore = repositoryService.createDeploymentQuery().count();

    Http.Response refused = Deployments.engineRest(port, "admin").create(key, Map.of(key + ".bpmn", model));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("Task_NobodyIsAskedToDoThis", "task-routing");
    assertNothingStored(key, deploymentsBefore);
  }

  private void assertNothingStored(String key, long deploymentsBefore) {
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    assertThat(repositoryService.createDeploymentQuery().deploymentName(key).count()).isZero();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
  }

  private String formId(String taskId) {
    Http.Response form = Http.as(port, "phl-officer").get("/engine-rest/task/" + taskId + "/deployed-form");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    return form.json().get("id").asText();
  }

  private int latestConsultationVersion() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(NationalConsultationProcess.KEY)
        .latestVersion().singleResult().getVersion();
  }

  private static byte[] xml(BpmnModelInstance model) {
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }
}
