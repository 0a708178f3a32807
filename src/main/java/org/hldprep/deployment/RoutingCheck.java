package org.hldprep.deployment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.hldprep.engine.DeployedDefinitions;
import org.hldprep.routing.TaskRouter;

/**
 * Every user task of a deployment has at least one rule in the decision {@code task-routing} (the one in
 * the deployment, else the latest deployed) whose groups are office roles or known groups; a new
 * {@code task-routing} must still route every step that deployed models can still reach.
 */
final class RoutingCheck {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static final Set<String> OFFICE_ROLES = TaskRouter.ROLES;

  private final Set<String> knownGroups;

  RoutingCheck(Set<String> knownGroups) {
    this.knownGroups = knownGroups;
  }

  void check(DeploymentContents contents, DeployedDefinitions deployed, List<String> problems) {
    Map<String, String> steps = new LinkedHashMap<>();
    contents.models.forEach((resource, model) -> {
      for (UserTask task : DeploymentContents.executable(model, UserTask.class)) {
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
}
