package org.hldprep.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.hldprep.engine.DeployedDefinitions;
import org.hldprep.engine.DeployedDefinitions.Kind;
import org.hldprep.reference.ReferenceData;
import org.hldprep.routing.GroupIds;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link DeploymentValidator}, one by one, against a fixed picture of what is deployed.
 * The real models of processes/ must pass as the start-up deployment does; a Modeler deploy of one of
 * them passes exactly when its forms are deployed.
 */
class DeploymentValidatorTest {

  private static final String ROUTING_RESOURCE = "processes/task-routing.dmn";

  private final DeploymentValidator validator = new DeploymentValidator(
      GroupIds.contractGroups(ReferenceData.get()).keySet());

  // --- forms ------------------------------------------------------------------------------------

  @Test
  void aFormBoundToTheDeploymentMustBeInTheDeployment() {
    BpmnModelInstance model = oneTask("Task_OfferConsultation", "offer-consultation", "deployment");
    Deployed deployed = routingDeployed().with(Kind.FORM, "offer-consultation");

    assertThat(problems(Map.of("p.bpmn", xml(model)), deployed)).singleElement().asString()
        .contains("Task_OfferConsultation (p.bpmn)", "form 'offer-consultation'", "binding 'deployment'");
    assertThat(problems(Map.of("p.bpmn", xml(model), "offer.form", form("offer-consultation")), deployed)).isEmpty();
  }

  @Test
  void aFormBoundToTheLatestVersionMayBeDeployedOrInTheDeployment() {
    BpmnModelInstance model = oneTask("Task_OfferConsultation", "offer-consultation", "latest");

    assertThat(problems(Map.of("p.bpmn", xml(model)), routingDeployed())).singleElement().asString()
        .contains("form 'offer-consultation'", "neither in this deployment nor deployed");
    assertThat(problems(Map.of("p.bpmn", xml(model)), routingDeployed().with(Kind.FORM, "offer-consultation")))
        .isEmpty();
    assertThat(problems(Map.of("p.bpmn", xml(model), "offer.form", form("offer-consultation")), routingDeployed()))
        .isEmpty();
  }

  @Test
  void aFormOfAGivenVersionMustExistOrBeTheVersionThisDeploymentCreates() {
    Deployed twoVersions = routingDeployed().with(Kind.FORM, "offer-consultation", null, null);
    BpmnModelInstance second = oneTask("Task_OfferConsultation", "offer-consultation", "version");
    second.getModelElementById("Task_OfferConsultation").setAttributeValueNs(CAMUNDA, "formRefVersion", "2");
    BpmnModelInstance third = oneTask("Task_OfferConsultation", "offer-consultation", "version");
    third.getModelElementById("Task_OfferConsultation").setAttributeValueNs(CAMUNDA, "formRefVersion", "3");

    assertThat(problems(Map.of("p.bpmn", xml(second)), twoVersions)).isEmpty();
    assertThat(problems(Map.of("p.bpmn", xml(third)), twoVersions)).singleElement().asString()
        .contains("version 3 of the form 'offer-consultation'");
    assertThat(problems(Map.of("p.bpmn", xml(third), "o.form", form("offer-consultation")), twoVersions)).isEmpty();
  }

  @Test
  void aFormFileOfTheDeploymentMustBeInIt() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(180).startEvent()
        .userTask("Task_OfferConsultation").camundaFormKey("camunda-forms:deployment:forms/offer.form").endEvent()
        .done();

    assertThat(problems(Map.of("p.bpmn", xml(model)), routingDeployed())).singleElement().asString()
        .contains("form file 'forms/offer.form'");
    assertThat(problems(Map.of("p.bpmn", xml(model), "forms/offer.form", form("offer")), routingDeployed())).isEmpty();
  }

  @Test
  void referencesGivenAsExpressionsAreLeftToTheRunTime() {
    BpmnModelInstance model = oneTask("Task_OfferConsultation", "${formName}", "latest");

    assertThat(problems(Map.of("p.bpmn", xml(model)), routingDeployed())).isEmpty();
  }

  // --- called processes and decisions -----------------------------------------------------------

  @Test
  void aCalledProcessMustResolveByItsBinding() {
    Deployed childDeployed = routingDeployed().with(Kind.PROCESS, "child", "1.0.0");

    assertThat(problems(Map.of("m.bpmn", xml(caller("child", null, null))), routingDeployed()))
        .singleElement().asString().contains("CallActivity_Child (m.bpmn)", "process 'child'", "neither");
    assertThat(problems(Map.of("m.bpmn", xml(caller("child", null, null))), childDeployed)).isEmpty();
    assertThat(problems(Map.of("m.bpmn", xml(caller("child", "deployment", null))), childDeployed))
        .singleElement().asString().contains("binding 'deployment'", "does not contain it");
    assertThat(problems(Map.of("m.bpmn", xml(caller("child", "deployment", null)), "c.bpmn", xml(child("child", null))),
        routingDeployed())).isEmpty();
    assertThat(problems(Map.of("m.bpmn", xml(caller("child", "versionTag", "1.0.0"))), childDeployed)).isEmpty();
    assertThat(problems(Map.of("m.bpmn", xml(caller("child", "versionTag", "2.0.0"))), childDeployed))
        .singleElement().asString().contains("version tag '2.0.0'");
    assertThat(problems(Map.of("m.bpmn", xml(caller("child", "versionTag", "2.0.0")), "c.bpmn",
        xml(child("child", "2.0.0"))), childDeployed)).isEmpty();
  }

  @Test
  void aDecisionOfABusinessRuleTaskMustResolve() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(180).startEvent()
        .businessRuleTask("Task_Decide").camundaDecisionRef("eligibility").endEvent().done();

    assertThat(problems(Map.of("p.bpmn", xml(model)), routingDeployed())).singleElement().asString()
        .contains("Task_Decide (p.bpmn)", "decision 'eligibility'");
    assertThat(problems(Map.of("p.bpmn", xml(model)), routingDeployed().with(Kind.DECISION, "eligibility"))).isEmpty();
    assertThat(problems(Map.of("p.bpmn", xml(model), "e.dmn", dmn("eligibility")), routingDeployed())).isEmpty();
  }

  @Test
  void modelsOfNonExecutableProcessesAndUnreadableFilesAreLeftAlone() {
    BpmnModelInstance sketch = Bpmn.createProcess("sketch").startEvent().userTask("Task_Unrouted")
        .camundaFormRef("missing").camundaFormRefBinding("latest").endEvent().done();
    sketch.<org.camunda.bpm.model.bpmn.instance.Process>getModelElementById("sketch").setExecutable(false);

    assertThat(problems(Map.of("s.bpmn", xml(sketch), "broken.bpmn", "<definitions".getBytes(StandardCharsets.UTF_8),
        "broken.form", "{".getBytes(StandardCharsets.UTF_8)), routingDeployed())).isEmpty();
  }

  // --- routing ----------------------------------------------------------------------------------

  @Test
  void everyUserTaskNeedsARuleInTaskRouting() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(180).startEvent()
        .userTask("Task_OfferConsultation").userTask("Task_NobodysStep").endEvent().done();

    assertThat(problems(Map.of("p.bpmn", xml(model)), new Deployed())).singleElement().asString()
        .contains("no decision 'task-routing'");
    assertThat(problems(Map.of("p.bpmn", xml(model)), routingDeployed())).singleElement().asString()
        .contains("step Task_NobodysStep (p.bpmn) has no rule");
  }

  @Test
  void aRoutingRuleMustNameAnOfficeRoleOrAGroup() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(180).startEvent()
        .userTask("Task_NewStep").endEvent().done();
    Map<String, byte[]> resources = Map.of("p.bpmn", xml(model),
        "task-routing.dmn", routingWith("Task_NewStep", "iom-nowhere"));

    assertThat(problems(resources, new Deployed())).singleElement().asString()
        .contains("routes the step Task_NewStep", "'iom-nowhere'");
    Deployed withGroup = new Deployed();
    withGroup.groups.add("iom-nowhere");
    assertThat(problems(resources, withGroup)).isEmpty();
    assertThat(
        problems(Map.of("p.bpmn", xml(model), "task-routing.dmn", routingWith("Task_NewStep", "regional-office")),
            new Deployed()))
        .isEmpty();
  }

  @Test
  void aNewTaskRoutingMustStillRouteTheStepsDeployedModelsUse() {
    Deployed deployed = new Deployed();
    deployed.inUse.put("Task_OldStep", "old-process version 3");

    assertThat(problems(Map.of("task-routing.dmn", resource(ROUTING_RESOURCE)), deployed)).singleElement().asString()
        .contains("Task_OldStep (old-process version 3)", "of this deployment", "keep its rule");
    assertThat(problems(Map.of("task-routing.dmn", routingWith("Task_OldStep", "iom-icp")), deployed)).isEmpty();
    assertThat(deployed.supersededAsked).as("the deployment supersedes no process").isEmpty();

    BpmnModelInstance model = Bpmn.createExecutableProcess("redeployed").camundaHistoryTimeToLive(180).startEvent()
        .userTask("Task_OfferConsultation").endEvent().done();
    problems(Map.of("r.bpmn", xml(model), "task-routing.dmn", resource(ROUTING_RESOURCE)), deployed);
    assertThat(deployed.supersededAsked).containsExactly("redeployed");
  }

  // --- the project's own models ----------------------------------------------------------------

  @Test
  void theStartUpDeploymentOfEveryModelPassesOnAnEmptyEngine() {
    Map<String, byte[]> all = projectResources();
    assertThat(all.keySet()).anyMatch(n -> n.endsWith(".form")).anyMatch(n -> n.endsWith(".dmn"))
        .anyMatch(n -> n.endsWith("hld-preparation.bpmn"));

    assertThat(problems(all, new Deployed())).isEmpty();
  }

  @Test
  void aModelerDeployOfOneModelPassesExactlyWhenItsFormsAreDeployed() {
    Map<String, byte[]> one = Map.of("national-consultation.bpmn", resource("processes/national-consultation.bpmn"));
    Deployed formsDeployed = routingDeployed();
    projectResources().forEach((name, bytes) -> {
      if (name.endsWith(".form")) {
        formsDeployed.with(Kind.FORM, formId(bytes));
      }
    });

    assertThat(problems(one, formsDeployed)).isEmpty();
    assertThat(problems(one, routingDeployed())).hasSize(8)
        .allMatch(p -> p.contains("neither in this deployment nor deployed"))
        .anyMatch(p -> p.contains("Task_RecordConsultation") && p.contains("'record-consultation'"));
  }

  @Test
  void theMasterNeedsItsChildrenDeployedOrBesideIt() {
    Deployed formsDeployed = routingDeployed();
    projectResources().forEach((name, bytes) -> {
      if (name.endsWith(".form")) {
        formsDeployed.with(Kind.FORM, formId(bytes));
      }
    });
    Map<String, byte[]> master = Map.of("hld-preparation.bpmn", resource("processes/hld-preparation.bpmn"));

    assertThat(problems(master, formsDeployed)).hasSize(8).allMatch(p -> p.contains("process '"))
        .anyMatch(p -> p.contains("CallActivity_NationalConsultations") || p.contains("'national-consultation'"));
  }

  // ---------------------------------------------------------------------------------------------

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  private List<String> problems(Map<String, byte[]> resources, Deployed deployed) {
    return validator.problems(new LinkedHashMap<>(resources), deployed);
  }

  private static BpmnModelInstance oneTask(String taskId, String formRef, String binding) {
    return Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(180).startEvent().userTask(taskId)
        .camundaFormRef(formRef).camundaFormRefBinding(binding).endEvent().done();
  }

  private static BpmnModelInstance caller(String child, String binding, String versionTag) {
    var builder = Bpmn.createExecutableProcess("master").camundaHistoryTimeToLive(180).startEvent()
        .callActivity("CallActivity_Child").calledElement(child);
    if (binding != null) {
      builder = builder.camundaCalledElementBinding(binding);
    }
    if (versionTag != null) {
      builder = builder.camundaCalledElementVersionTag(versionTag);
    }
    return builder.endEvent().done();
  }

  private static BpmnModelInstance child(String key, String versionTag) {
    var builder = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(180);
    if (versionTag != null) {
      builder = builder.camundaVersionTag(versionTag);
    }
    return builder.startEvent().endEvent().done();
  }

  private static byte[] xml(BpmnModelInstance model) {
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] form(String id) {
    return ("{\"id\":\"" + id + "\",\"type\":\"default\",\"components\":[]}").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] dmn(String decisionId) {
    return ("<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\" namespace=\"x\">"
        + "<decision id=\"" + decisionId + "\" name=\"d\"><literalExpression><text>true</text></literalExpression>"
        + "</decision></definitions>").getBytes(StandardCharsets.UTF_8);
  }

  /** The project's task-routing.dmn with one more rule. */
  static byte[] routingWith(String step, String group) {
    String dmn = new String(resource(ROUTING_RESOURCE), StandardCharsets.UTF_8);
    String rule = "<rule id=\"Rule_Test_" + step + "\"><inputEntry id=\"Rule_Test_" + step + "_Step\"><text>\"" + step
        + "\"</text></inputEntry><outputEntry id=\"Rule_Test_" + step + "_Group\"><text>\"" + group
        + "\"</text></outputEntry></rule>";
    return dmn.replace("</decisionTable>", rule + "</decisionTable>").getBytes(StandardCharsets.UTF_8);
  }

  private static Deployed routingDeployed() {
    Deployed deployed = new Deployed();
    deployed.routing = resource(ROUTING_RESOURCE);
    return deployed;
  }

  private static String formId(byte[] form) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(form).get("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every model, decision and form of processes/ (on the classpath as processes/). */
  private static Map<String, byte[]> projectResources() {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      files.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(bpmn|dmn|form)$"))
          .forEach(f -> resources.put(f.toString(), read(f)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return resources;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = DeploymentValidatorTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("no resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What is deployed, as a fixed picture: per kind, key to the version tags of versions 1, 2, ... */
  private static final class Deployed implements DeployedDefinitions {
    final Map<Kind, Map<String, List<String>>> definitions = new EnumMap<>(Kind.class);
    final Map<String, String> inUse = new LinkedHashMap<>();
    final Set<String> groups = new HashSet<>();
    final Set<String> supersededAsked = new HashSet<>();
    byte[] routing;

    /** Deploys versions of a key, one per version tag given (a key alone: one version without a tag). */
    Deployed with(Kind kind, String key, String... versionTags) {
      List<String> versions = definitions.computeIfAbsent(kind, k -> new LinkedHashMap<>())
          .computeIfAbsent(key, k -> new ArrayList<>());
      if (versionTags.length == 0) {
        versions.add(null);
      }
      versions.addAll(java.util.Arrays.asList(versionTags));
      return this;
    }

    private List<String> versions(Kind kind, String key) {
      return definitions.getOrDefault(kind, Map.of()).getOrDefault(key, List.of());
    }

    @Override
    public Integer latestVersion(Kind kind, String key) {
      return versions(kind, key).isEmpty() ? null : versions(kind, key).size();
    }

    @Override
    public boolean hasVersion(Kind kind, String key, int version) {
      return version >= 1 && version <= versions(kind, key).size();
    }

    @Override
    public boolean hasVersionTag(Kind kind, String key, String versionTag) {
      return versions(kind, key).contains(versionTag);
    }

    @Override
    public byte[] latestDecisionResource(String decisionKey) {
      return routing;
    }

    @Override
    public Map<String, String> userTasksInUse(Set<String> supersededKeys) {
      supersededAsked.addAll(supersededKeys);
      return inUse;
    }

    @Override
    public boolean groupExists(String groupId) {
      return groups.contains(groupId);
    }
  }
}
