package org.hldprep.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * Refuses, inside the engine, every new deployment that {@link DeploymentValidator} finds incomplete:
 * a pre-deployer runs in the deployment's own command before Camunda's deployers, for every entry
 * point alike (/engine-rest/deployment/create as Camunda Modeler uses it, the webapps' engine API,
 * redeploys, the application's own start-up deployment, Java calls). Its exception rolls the command
 * back, so nothing of the deployment is stored.
 */
public class DeploymentCompletenessPlugin extends AbstractProcessEnginePlugin {

  private final DeploymentValidator validator;

  public DeploymentCompletenessPlugin(DeploymentValidator validator) {
    this.validator = validator;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPreDeployers();
    if (deployers == null) {
      deployers = new ArrayList<>();
      configuration.setCustomPreDeployers(deployers);
    }
    deployers.add(this::check);
  }

  private void check(DeploymentEntity deployment) {
    // Deployments already stored are parsed again when the engine's cache misses them: never refuse those.
    if (!deployment.isNew()) {
      return;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
    CommandContext commandContext = Context.getCommandContext();
    List<String> problems = commandContext.runWithoutAuthorization(() -> validator.problems(resources,
        new EngineDeployedDefinitions(commandContext, deployment.getTenantId())));
    if (!problems.isEmpty()) {
      throw new IncompleteDeploymentException(deployment.getName(), problems);
    }
  }
}
