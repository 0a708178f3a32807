package org.hldprep.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.AbstractResourceDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.ResourceDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * {@link DeployedDefinitions} read inside the deployment's own command, the way the engine resolves
 * references at run time (forms: latest of the key, as Camunda's form lookup does; processes and
 * decisions: of the deployment's tenant). Called without authorization checks: the deployer is the
 * engine's business, whoever deploys.
 */
class EngineDeployedDefinitions implements DeployedDefinitions {

  private final CommandContext commandContext;
  private final String tenantId;

  EngineDeployedDefinitions(CommandContext commandContext, String tenantId) {
    this.commandContext = commandContext;
    this.tenantId = tenantId;
  }

  @Override
  public Integer latestVersion(Kind kind, String key) {
    ResourceDefinitionEntity<?> latest = kind == Kind.FORM
        ? commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key)
        : manager(kind).findLatestDefinitionByKeyAndTenantId(key, tenantId);
    return latest == null ? null : latest.getVersion();
  }

  @Override
  public boolean hasVersion(Kind kind, String key, int version) {
    return manager(kind).findDefinitionByKeyVersionAndTenantId(key, version, tenantId) != null;
  }

  @Override
  public boolean hasVersionTag(Kind kind, String key, String versionTag) {
    try {
      return manager(kind).findDefinitionByKeyVersionTagAndTenantId(key, versionTag, tenantId) != null;
    } catch (ProcessEngineException severalVersionsWithTheTag) {
      return true; // it exists; which one the engine takes is its own rule at run time
    }
  }

  @Override
  public byte[] latestDecisionResource(String decisionKey) {
    DecisionDefinition decision = commandContext.getDecisionDefinitionManager()
        .findLatestDefinitionByKeyAndTenantId(decisionKey, tenantId);
    if (decision == null) {
      return null;
    }
    ResourceEntity resource = commandContext.getResourceManager()
        .findResourceByDeploymentIdAndResourceName(decision.getDeploymentId(), decision.getResourceName());
    return resource == null ? null : resource.getBytes();
  }

  @Override
  public Map<String, String> userTasksInUse(Set<String> supersededKeys) {
    List<ProcessDefinition> definitions = commandContext.getProcessDefinitionManager()
        .findProcessDefinitionsByQueryCriteria(new ProcessDefinitionQueryImpl(), new Page(0, Integer.MAX_VALUE));
    Map<String, Integer> latest = new LinkedHashMap<>();
    definitions.forEach(d -> latest.merge(d.getKey(), d.getVersion(), Math::max));
    Map<String, String> steps = new LinkedHashMap<>();
    for (ProcessDefinition definition : definitions) {
      boolean current = definition.getVersion() == latest.get(definition.getKey())
          && !supersededKeys.contains(definition.getKey());
      if (!current && !hasRunningInstances(definition)) {
        continue;
      }
      BpmnModelInstance model = Context.getProcessEngineConfiguration().getDeploymentCache()
          .findBpmnModelInstanceForProcessDefinition(definition.getId());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        steps.putIfAbsent(task.getId(), definition.getKey() + " version " + definition.getVersion());
      }
    }
    return steps;
  }

  @Override
  public boolean groupExists(String groupId) {
    return commandContext.getReadOnlyIdentityProvider().findGroupById(groupId) != null;
  }

  private boolean hasRunningInstances(ProcessDefinition definition) {
    ProcessInstanceQueryImpl query = new ProcessInstanceQueryImpl();
    query.processDefinitionId(definition.getId());
    return commandContext.getExecutionManager().findProcessInstanceCountByQueryCriteria(query) > 0;
  }

  private AbstractResourceDefinitionManager<? extends ResourceDefinitionEntity<?>> manager(Kind kind) {
    return switch (kind) {
      case FORM -> commandContext.getCamundaFormDefinitionManager();
      case PROCESS -> commandContext.getProcessDefinitionManager();
      case DECISION -> commandContext.getDecisionDefinitionManager();
    };
  }
}
