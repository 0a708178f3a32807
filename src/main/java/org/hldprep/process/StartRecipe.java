package org.hldprep.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * The one recipe of a track's start listener, in this order:
 *
 * <ol>
 *   <li>{@link #checkStartVariables}: what the starter gave (reference codes, flags, texts) is checked and
 *       stored in its normal form; a bad value refuses the start with a 400 naming it, and nothing is created;
 *   <li>the cycle calendar is completed with the process's dates ({@link InputVariables#completeCalendar});
 *   <li>{@link #initialise}: the bounds, counters and defaults the model reads.
 * </ol>
 *
 * The master's listener (a whole cycle, claimed by name) and the Regional Commission's (its calendar keys
 * depend on the commission) do more than this recipe and implement ExecutionListener themselves.
 */
public abstract class StartRecipe implements ExecutionListener {

  private final List<String> calendarKeys;

  protected StartRecipe(List<String> calendarKeys) {
    this.calendarKeys = List.copyOf(calendarKeys);
  }

  @Override
  public final void notify(DelegateExecution execution) {
    checkStartVariables(execution);
    InputVariables.completeCalendar(execution, calendarKeys);
    initialise(execution);
  }

  /** Checks and normalises the start variables; nothing to check by default. */
  protected void checkStartVariables(DelegateExecution execution) {
  }

  /** Sets the bounds, counters and defaults the model reads. */
  protected abstract void initialise(DelegateExecution execution);
}
