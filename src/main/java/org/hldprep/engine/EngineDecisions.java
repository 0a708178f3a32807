package org.hldprep.engine;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;

/**
 * Deployed decisions as the engine holds them, read inside the current engine command without
 * authorization checks (the engine's own lookups, not the user's): for evaluating a decision outside the
 * engine's decision service, so that no decision instance is written to history.
 */
public final class EngineDecisions {

  private EngineDecisions() {
  }

  /** The id of the latest deployed version of the decision (as {@code evaluateDecisionByKey} takes it), or null. */
  public static String latestId(String decisionKey) {
    DecisionDefinitionEntity latest = Context.getCommandContext().getDecisionDefinitionManager()
        .findLatestDecisionDefinitionByKey(decisionKey);
    return latest == null ? null : latest.getId();
  }

  /** The deployed decision of this id, parsed once by the engine's deployment cache. */
  public static DmnDecision deployed(String decisionDefinitionId) {
    return Context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedDecisionDefinitionById(decisionDefinitionId);
  }
}
