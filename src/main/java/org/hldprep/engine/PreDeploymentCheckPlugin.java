package org.hldprep.engine;

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
 * Runs a check on every new deployment inside the engine, before anything of it is stored: a pre-deployer
 * runs in the deployment's own command before Camunda's deployers, for every entry point alike
 * (/engine-rest/deployment/create as Camunda Modeler uses it, the webapps' engine API, redeploys, the
 * application's own start-up deployment, Java calls). An exception of the check rolls the command back,
 * so nothing of the deployment is stored. The check runs without authorization checks: the deployer is
 * the engine's business, whoever deploys.
 */
public class PreDeploymentCheckPlugin extends AbstractProcessEnginePlugin {

  /** A check of a new deployment: throws to refuse it. */
  @FunctionalInterface
  public interface DeploymentCheck {
    /**
     * @param deploymentName the deployment's name, as the deployer gave it (may be null)
     * @param resources the deployment's resources, name to content
     * @param deployed what is deployed already, for the deployment's tenant
     */
    void check(String deploymentName, Map<String, byte[]> resources, DeployedDefinitions deployed);
  }

  private final DeploymentCheck check;

  public PreDeploymentCheckPlugin(DeploymentCheck check) {
    this.check = check;
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
    commandContext.runWithoutAuthorization(() -> {
      check.check(deployment.getName(), resources,
          new EngineDeployedDefinitions(commandContext, deployment.getTenantId()));
      return null;
    });
  }
}
