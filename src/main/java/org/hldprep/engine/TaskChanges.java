package org.hldprep.engine;

import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * What a task event inside the engine's command says beyond Camunda's public API: whether the task's due date
 * changed in this command, and whether the task comes with the start of its root process instance (the many
 * tasks of a cycle's start). Both are read from the command's own state, without a query.
 */
public final class TaskChanges {

  private TaskChanges() {
  }

  /** A due date that moved, {@code before} as it was when the command began (null: none). */
  public record DueDateChange(Date before, Date after) {
  }

  /** The root process instance whose start (in this command) created the task. */
  public record StartingRoot(String processInstanceId, String processDefinitionKey) {
  }

  /**
   * The task's due date change in this command (an update event: the cycle's calendar moved, or someone set
   * the date in Tasklist or over REST); empty when it did not change, or when the task was created in this
   * same command (its first due date is no move).
   */
  public static Optional<DueDateChange> dueDateChange(DelegateTask task) {
    if (!(task instanceof TaskEntity entity) || Context.getCommandContext() == null
        || Context.getCommandContext().getDbEntityManager().getDbEntityCache().isTransient(entity)) {
      return Optional.empty();
    }
    PropertyChange change = entity.getPropertyChanges().get(TaskEntity.DUE_DATE);
    if (change == null) {
      return Optional.empty();
    }
    // A date read from the database may be a java.sql.Timestamp, which equals no plain Date: compare instants.
    Date before = plain(change.getOrgValue());
    Date after = plain(change.getNewValue());
    return Objects.equals(before, after) ? Optional.empty() : Optional.of(new DueDateChange(before, after));
  }

  private static Date plain(Object value) {
    return value == null ? null : new Date(((Date) value).getTime());
  }

  /**
   * The task's root process instance when this command starts it, i.e. the task is one of those its cycle's
   * start creates; empty for a task created later in a running cycle. Only instances this command holds are
   * looked at: an instance stored before this command means its root was too.
   */
  public static Optional<StartingRoot> startingRoot(DelegateTask task) {
    CommandContext context = Context.getCommandContext();
    if (context == null || task.getExecution() == null) {
      return Optional.empty();
    }
    DbEntityManager entities = context.getDbEntityManager();
    ExecutionEntity instance = ((ExecutionEntity) task.getExecution()).getProcessInstance();
    while (instance != null && entities.getDbEntityCache().isTransient(instance)) {
      if (instance.getSuperExecutionId() == null) {
        return Optional.of(new StartingRoot(instance.getId(), instance.getProcessDefinition().getKey()));
      }
      ExecutionEntity caller = entities.getCachedEntity(ExecutionEntity.class, instance.getSuperExecutionId());
      instance = caller == null ? null : caller.getProcessInstance();
    }
    return Optional.empty();
  }
}
