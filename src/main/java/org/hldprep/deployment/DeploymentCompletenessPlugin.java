package org.hldprep.deployment;

import java.util.List;
import org.hldprep.engine.PreDeploymentCheckPlugin;

/**
 * Refuses, inside the engine, every new deployment that {@link DeploymentValidator} finds incomplete,
 * whatever the way it comes in ({@link PreDeploymentCheckPlugin}): nothing of it is stored.
 */
public class DeploymentCompletenessPlugin extends PreDeploymentCheckPlugin {

  public DeploymentCompletenessPlugin(DeploymentValidator validator) {
    super((deploymentName, resources, deployed) -> {
      List<String> problems = validator.problems(resources, deployed);
      if (!problems.isEmpty()) {
        throw new IncompleteDeploymentException(deploymentName, problems);
      }
    });
  }
}
