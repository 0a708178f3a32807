package org.hldprep.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.hldprep.deployment.DeployedDefinitions.Kind;
import org.hldprep.platform.input.PlainJson;
import org.hldprep.routing.TaskRouter;

/**
 * The rules a deployment must pass before anything of it is stored: everything its models refer to
 * resolves for it, as the engine will resolve it at run time, and every user task is routed.
 * <ul>
 *   <li>a {@code camunda:formRef} with binding {@code deployment} needs the form in the deployment; with
 *       {@code latest} in the deployment or deployed; with {@code version} that version deployed (or
 *       the one this deployment creates); a {@code formKey} {@code camunda-forms:deployment:} or
 *       {@code embedded:deployment:} needs the resource in the deployment;</li>
 *   <li>a call activity's {@code calledElement} and a business rule task's {@code decisionRef}, likewise
 *       by their binding (default {@code latest}; {@code versionTag} too);</li>
 *   <li>every user task has at least one rule in the decision {@code task-routing} (the one in the
 *       deployment, else the latest deployed) whose groups are office roles or known groups; a new
 *       {@code task-routing} must still route every step that deployed models can still reach.</li>
 * </ul>
 * References given as expressions are resolved only at run time and are not checked. A resource that
 * does not parse is left to Camunda's own deployers, which refuse it with their own message.
 */
public class DeploymentValidator {

  private static final ObjectMapper JSON = PlainJson.MAPPER;
  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  static final String BINDING_DEPLOYMENT = "deployment";
  static final String BINDING_LATEST = "latest";
  static final String BINDING_VERSION = "version";
  static final String BINDING_VERSION_TAG = "versionTag";

  private static final Set<String> OFFICE_ROLES = TaskRouter.ROLES;

  private final Set<String> knownGroups;

  /** @param knownGroups the groups of the contract, valid routing outputs even before they exist in the database */
  public DeploymentValidator(Collection<String> knownGroups) {
    this.knownGroups = Set.copyOf(knownGroups);
  }

  /** What is wrong with a deployment of these resources (name to content); empty if nothing. */
  public List<String> problems(Map<String, byte[]> resources, DeployedDefinitions deployed) {
    Contents contents = new Contents(resources);
    List<String> problems = new ArrayList<>();
    contents.models.forEach((resource, model) -> checkReferences(resource, model, contents, deployed, problems));
    checkRouting(contents, deployed, problems);
    return problems;
  }

  // ---------------------------------------------------------------------------------------------
  // references: forms, called processes, decisions

  private void checkReferences(String resource, BpmnModelInstance model, Contents contents,
      DeployedDefinitions deployed, List<String> problems) {
    for (UserTask task : executable(model, UserTask.class)) {
      checkForm(resource, task, contents, deployed, problems);
    }
    for (StartEvent start : executable(model, StartEvent.class)) {
      checkForm(resource, start, contents, deployed, problems);
    }
    for (CallActivity call : executable(model, CallActivity.class)) {
      if (call.getCamundaCaseRef() == null && call.getCalledElement() != null) {
        checkReference(where(resource, call), Kind.PROCESS, call.getCalledElement(),
            call.getCamundaCalledElementBinding(), call.getCamundaCalledElementVersion(),
            call.getCamundaCalledElementVersionTag(), contents.processes, deployed, problems);
      }
    }
    for (BusinessRuleTask task : executable(model, BusinessRuleTask.class)) {
      if (task.getCamundaDecisionRef() != null) {
        checkReference(where(resource, task), Kind.DECISION, task.getCamundaDecisionRef(),
            task.getCamundaDecisionRefBinding(), task.getCamundaDecisionRefVersion(),
            task.getCamundaDecisionRefVersionTag(), contents.decisions, deployed, problems);
      }
    }
  }

  private void checkForm(String resource, BaseElement element, Contents contents, DeployedDefinitions deployed,
      List<String> problems) {
    String formRef = element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formRef");
    if (formRef != null) {
      String binding = element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formRefBinding");
      if (binding == null) {
        return; // a parse error of Camunda's own ("Unsupported binding type")
      }
      checkReference(where(resource, element), Kind.FORM, formRef, binding,
          element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formRefVersion"), null,
          contents.forms, deployed, problems);
      return;
    }
    String formKey = element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formKey");
    for (String prefix : List.of("camunda-forms:deployment:", "embedded:deployment:")) {
      if (formKey != null && formKey.startsWith(prefix) && !isExpression(formKey)) {
        String file = formKey.substring(prefix.length());
        if (!contents.resourceNames.contains(file)) {
          problems.add(where(resource, element) + " uses the form file '" + file
              + "' of its own deployment, but this deployment does not contain it");
        }
      }
    }
  }

  /**
   * One reference by key and binding, resolved against the deployment (key to the version tags of
   * its definitions of that key) and what is deployed.
   */
  static void checkReference(String where, Kind kind, String key, String binding, String version,
      String versionTag, Map<String, List<String>> inDeployment, DeployedDefinitions deployed, List<String> problems) {
    if (isExpression(key)) {
      return;
    }
    String effective = binding == null ? BINDING_LATEST : binding;
    String what = kind.noun() + " '" + key + "'";
    switch (effective) {
      case BINDING_DEPLOYMENT -> {
        if (!inDeployment.containsKey(key)) {
          problems.add(where + " uses the " + what + " with binding 'deployment', but this deployment does not"
              + " contain it: add it to the deployment, or bind it to the latest version");
        }
      }
      case BINDING_LATEST -> {
        if (!inDeployment.containsKey(key) && deployed.latestVersion(kind, key) == null) {
          problems.add(where + " uses the " + what + ", which is neither in this deployment nor deployed");
        }
      }
      case BINDING_VERSION -> {
        if (version == null || isExpression(version)) {
          return;
        }
        int wanted;
        try {
          wanted = Integer.parseInt(version.trim());
        } catch (NumberFormatException e) {
          return; // Camunda refuses it at parse time or at run time with its own message
        }
        Integer latest = deployed.latestVersion(kind, key);
        boolean createdNow = inDeployment.containsKey(key) && wanted == (latest == null ? 0 : latest) + 1;
        if (!createdNow && !deployed.hasVersion(kind, key, wanted)) {
          problems.add(where + " uses version " + wanted + " of the " + what + ", which is not deployed");
        }
      }
      case BINDING_VERSION_TAG -> {
        if (versionTag == null || isExpression(versionTag)) {
          return;
        }
        boolean inThisDeployment = inDeployment.getOrDefault(key, List.of()).contains(versionTag);
        if (!inThisDeployment && !deployed.hasVersionTag(kind, key, versionTag)) {
          problems.add(where + " uses the " + what + " with version tag '" + versionTag
              + "', which is neither in this deployment nor deployed");
        }
      }
      default -> {
        // an unknown binding is a parse error of Camunda's own
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // routing: every user task has a rule in task-routing

  private void checkRouting(Contents contents, DeployedDefinitions deployed, List<String> problems) {
    Map<String, String> steps = new LinkedHashMap<>();
    contents.models.forEach((resource, model) -> {
      for (UserTask task : executable(model, UserTask.class)) {
        steps.putIfAbsent(task.getId(), resource);
      }
    });
    boolean newRouting = contents.routingDecision != null;
    if (steps.isEmpty() && !newRouting) {
      return;
    }
    byte[] routing = newRouting ? contents.routingDecision : deployed.latestDecisionResource(TaskRouter.DECISION_KEY);
    if (routing == null) {
      problems.add("no decision '" + TaskRouter.DECISION_KEY + "' is deployed or in this deployment to route the"
          + " user tasks " + String.join(", ", steps.keySet()));
      return;
    }
    Routing decision;
    try {
      decision = routing(routing);
    } catch (RuntimeException e) {
      return; // Camunda's DMN deployer refuses the deployment with its own message
    }
    String table = "the decision '" + TaskRouter.DECISION_KEY + "'" + (newRouting ? " of this deployment" : "");
    steps.forEach((step, resource) -> checkStep(decision, step, step + " (" + resource + ")", table,
        "add a rule for it to processes/task-routing.dmn and deploy that with the model", deployed, problems));
    if (newRouting) {
      deployed.userTasksInUse(contents.processes.keySet()).forEach((step, where) -> {
        if (!steps.containsKey(step)) {
          checkStep(decision, step, step + " (" + where + ")", table,
              "it is still used by deployed models; keep its rule", deployed, problems);
        }
      });
    }
  }

  private void checkStep(Routing decision, String step, String where, String table, String advice,
      DeployedDefinitions deployed, List<String> problems) {
    List<Map<String, Object>> rows;
    try {
      rows = decision.groupsOf(step);
    } catch (RuntimeException e) {
      problems.add(table + " cannot be evaluated for the step " + where + ": " + e.getMessage());
      return;
    }
    if (rows.isEmpty()) {
      problems.add("the step " + where + " has no rule in " + table + ": " + advice);
      return;
    }
    for (Map<String, Object> row : rows) {
      Object group = row.get(TaskRouter.GROUP);
      if (group == null || !(OFFICE_ROLES.contains(group.toString()) || knownGroups.contains(group.toString())
          || deployed.groupExists(group.toString()))) {
        problems.add(table + " routes the step " + where + " to '" + group
            + "', which is neither an office role nor a group of HLD Prep");
      }
    }
  }

  /**
   * The routing decision of these bytes, parsed once and with its answers remembered: FEEL evaluation
   * is slow enough (milliseconds per step) to matter at start-up and in repeated Modeler deploys.
   */
  private Routing routing(byte[] dmn) {
    return routings.get(digest(dmn),
        digest -> new Routing(DMN.parseDecision(TaskRouter.DECISION_KEY, new ByteArrayInputStream(dmn))));
  }

  /** The routing decisions by the SHA-256 of their bytes: the last few deployed. */
  private final Cache<String, Routing> routings = Caffeine.newBuilder().maximumSize(4).build();

  private static final class Routing {
    final DmnDecision decision;
    /** By step: bounded by the steps of the models. */
    final Map<String, List<Map<String, Object>>> answers = new java.util.concurrent.ConcurrentHashMap<>();

    Routing(DmnDecision decision) {
      this.decision = decision;
    }

    List<Map<String, Object>> groupsOf(String step) {
      return answers.computeIfAbsent(step, s -> DMN.evaluateDecision(decision,
          Variables.createVariables().putValue(TaskRouter.STEP, s)).getResultList());
    }
  }

  private static String digest(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static boolean isExpression(String value) {
    return value.contains("${") || value.contains("#{");
  }

  private static String where(String resource, BaseElement element) {
    return element.getId() + " (" + resource + ")";
  }

  /** The elements of a type inside executable processes (at any depth). */
  private static <T extends ModelElementInstance> List<T> executable(BpmnModelInstance model, Class<T> type) {
    List<T> found = new ArrayList<>();
    for (T element : model.getModelElementsByType(type)) {
      ModelElementInstance parent = element.getParentElement();
      while (parent != null && !(parent instanceof Process)) {
        parent = parent.getParentElement();
      }
      if (parent != null && ((Process) parent).isExecutable()) {
        found.add(element);
      }
    }
    return found;
  }

  /** The deployment's resources, parsed where this validator needs them. */
  private static final class Contents {
    final Set<String> resourceNames;
    final Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
    /** Key to the version tags (null entries for none) of the definitions of that key in the deployment. */
    final Map<String, List<String>> processes = new LinkedHashMap<>();
    final Map<String, List<String>> decisions = new LinkedHashMap<>();
    final Map<String, List<String>> forms = new LinkedHashMap<>();
    byte[] routingDecision;

    Contents(Map<String, byte[]> resources) {
      resourceNames = new LinkedHashSet<>(resources.keySet());
      resources.forEach((name, bytes) -> {
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
          readBpmn(name, bytes);
        } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
          readDmn(bytes);
        } else if (name.endsWith(".form")) {
          readForm(bytes);
        }
      });
    }

    private void readBpmn(String name, byte[] bytes) {
      BpmnModelInstance model;
      try {
        model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
      } catch (RuntimeException e) {
        return;
      }
      models.put(name, model);
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.isExecutable()) {
          processes.computeIfAbsent(process.getId(), k -> new ArrayList<>()).add(process.getCamundaVersionTag());
        }
      }
    }

    private void readDmn(byte[] bytes) {
      DmnModelInstance model;
      try {
        model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
      } catch (RuntimeException e) {
        return;
      }
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        decisions.computeIfAbsent(decision.getId(), k -> new ArrayList<>()).add(decision.getVersionTag());
        if (TaskRouter.DECISION_KEY.equals(decision.getId())) {
          routingDecision = bytes;
        }
      }
    }

    private void readForm(byte[] bytes) {
      try {
        JsonNode id = JSON.readTree(bytes).get("id");
        if (id != null && id.isTextual()) {
          forms.computeIfAbsent(id.asText(), k -> new ArrayList<>()).add(null);
        }
      } catch (IOException e) {
        // Camunda's form deployer refuses it with its own message
      }
    }
  }
}
