package org.hldprep.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/** A task's Camunda Form as the engine would show it, and the values the task's variables hold now. */
public interface TaskForms {

  /**
   * Runs {@code work} on the task's form and variables, in one engine command, as the engine (no
   * authorization checks: whether the caller may see the task is checked before).
   */
  <T> T onForm(String taskId, FormWork<T> work);

  /** Work on a task's form. */
  @FunctionalInterface
  interface FormWork<T> {
    /**
     * @param form the parsed Camunda Form (a JSON document with {@code components}), or null when the
     *     task is gone or has no form that can be read
     * @param values reads a variable as the task sees it
     */
    T apply(JsonNode form, Function<String, Object> values);
  }
}
