package org.hldprep.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.hldprep.platform.input.PlainJson;

/**
 * {@link TaskForms} read in one command of the engine: the task, its form resolved as Camunda's
 * getDeployedTaskForm resolves it (its formRef and binding, against the task's deployment), and the
 * values of its variables. A deployed form definition never changes, so it is read and parsed once per
 * definition id; a new version has a new id.
 */
public class EngineTaskForms implements TaskForms {

  /** Form versions kept parsed; the least used beyond this are parsed again when needed. */
  private static final int MAX_CACHED_FORMS = 1_000;

  private final Supplier<ProcessEngine> engine;
  /** Parsed forms by form definition id (a deployed definition is immutable); never modified once parsed. */
  private final Cache<String, JsonNode> forms = Caffeine.newBuilder().maximumSize(MAX_CACHED_FORMS).build();

  public EngineTaskForms(Supplier<ProcessEngine> engine) {
    this.engine = engine;
  }

  @Override
  public <T> T onForm(String taskId, FormWork<T> work) {
    ProcessEngine processEngine = engine.get();
    Command<T> command = context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return work.apply(null, name -> null);
      }
      return work.apply(form(context, processEngine, task), task::getVariable);
    };
    return AsEngine.call(processEngine.getIdentityService(),
        () -> ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired().execute(command));
  }

  /** The task's Camunda Form, parsed, or null when it has none (or none we can read: fail closed). */
  private JsonNode form(CommandContext context, ProcessEngine processEngine, TaskEntity task) {
    try {
      CamundaFormRef ref = new GetTaskFormCmd(task.getId()).execute(context).getCamundaFormRef();
      if (ref == null) {
        return parsed(processEngine.getFormService().getDeployedTaskForm(task.getId()));
      }
      String deploymentId = task.getProcessDefinitionId() == null
          ? null
          : context.getProcessEngineConfiguration()
              .getDeploymentCache().findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getDeploymentId();
      CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(context);
      if (definition == null) {
        return null;
      }
      JsonNode cached = forms.getIfPresent(definition.getId());
      if (cached != null) {
        return cached;
      }
      ResourceEntity resource = context.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
      JsonNode form = resource == null ? null : parsed(new ByteArrayInputStream(resource.getBytes()));
      if (form != null) {
        forms.put(definition.getId(), form);
      }
      return form;
    } catch (ProcessEngineException e) {
      return null;
    }
  }

  private static JsonNode parsed(InputStream stream) {
    try (InputStream in = stream) {
      JsonNode form = PlainJson.MAPPER.readTree(in);
      return form != null && form.path("components").isArray() ? form : null;
    } catch (IOException e) {
      return null;
    }
  }
}
