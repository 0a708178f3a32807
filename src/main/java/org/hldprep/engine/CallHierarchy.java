package org.hldprep.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The process instance at the top of a task's call hierarchy (for HLD Prep, the cycle's master), read
 * inside the command that creates the task, as cheaply as the engine allows: a few rows, however deep the
 * task's instance is called and however many variables the root holds.
 */
public final class CallHierarchy {

  /**
   * The root's business key and the named variables of it (absent ones map to null), with the business
   * key of the task's own instance.
   */
  public record Root(String businessKey, Map<String, Object> variables, String instanceBusinessKey) {
  }

  private CallHierarchy() {
  }

  /** The root of the task's instance, with these of its variables; inside the engine's command. */
  public static Root rootOf(DelegateTask task, Collection<String> variableNames) {
    CommandContext context = Context.getCommandContext();
    ExecutionEntity instance = ((ExecutionEntity) task.getExecution()).getProcessInstance();
    ExecutionEntity root = instance;
    boolean rootInCommand = true;
    while (root.getSuperExecutionId() != null) {
      // The calling instance by its id, one row: getProcessInstance() on the caller's execution would load
      // the master's whole execution tree (hundreds of rows in a cycle of 194 countries) for every task.
      String callerId = root.getSuperExecution().getProcessInstanceId();
      ExecutionEntity cached = context.getDbEntityManager().getCachedEntity(ExecutionEntity.class, callerId);
      rootInCommand = cached != null;
      root = cached != null ? cached : context.getExecutionManager().findExecutionById(callerId);
    }
    Map<String, Object> variables = rootInCommand
        ? variables(root, variableNames)
        : storedVariables(context, root.getId(), variableNames);
    return new Root(root.getBusinessKey(), variables, instance.getBusinessKey());
  }

  /** The root as this command holds it (its variables may have changed in it and not yet be stored). */
  private static Map<String, Object> variables(ExecutionEntity root, Collection<String> names) {
    Map<String, Object> values = new HashMap<>();
    names.forEach(name -> values.put(name, root.getVariable(name)));
    return values;
  }

  /**
   * The root untouched by this command: the variables as stored, by name. Reading them through the
   * execution would load every variable of the root (a master's tallies and calendar) for every task.
   */
  private static Map<String, Object> storedVariables(CommandContext context, String rootId,
      Collection<String> names) {
    Map<String, Object> values = new HashMap<>();
    context.getVariableInstanceManager().findVariableInstancesByExecutionIdAndVariableNames(rootId, names)
        .forEach(variable -> values.put(variable.getName(), variable.getValue()));
    return values;
  }
}
