package org.hldprep.engine;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.calendar.DateTimeUtil;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Expressions of a model evaluated as the engine evaluates them (its expression manager, its functions
 * such as {@code endOfDay}, its beans), inside the current engine command: for the few places where the
 * application needs the value of an expression the engine would otherwise only evaluate itself.
 */
public final class EngineExpressions {

  private EngineExpressions() {
  }

  /** The value of {@code expression} (e.g. a call activity's {@code ${...}} calledElement) in a scope. */
  public static Object evaluate(String expression, VariableScope scope) {
    return Context.getProcessEngineConfiguration().getExpressionManager().createExpression(expression)
        .getValue(scope);
  }

  /**
   * A task's due date from its {@code camunda:dueDate} expression, evaluated on the open task as its
   * creation evaluated it: a date, or an ISO date-time text as the engine reads it.
   */
  public static Date taskDueDate(String taskId, String dueDateExpression) {
    TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
    Object value = evaluate(dueDateExpression, task);
    return value instanceof Date date ? date : DateTimeUtil.parseDate(String.valueOf(value));
  }
}
