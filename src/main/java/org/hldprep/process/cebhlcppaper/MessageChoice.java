package org.hldprep.process.cebhlcppaper;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * The one check the two messages of the paper share: a variable that must hold one of a few values. Run
 * as a listener of the message catch event: when the wait begins the value of an earlier round is
 * cleared (a second HLCP outcome must say what it is, not inherit the first); when the message arrives
 * its value is checked (not when a cut-off cancels the wait).
 */
final class MessageChoice {

  private MessageChoice() {
  }

  static void clearOrRequire(DelegateExecution execution, String name, Set<String> allowed) {
    if (ExecutionListener.EVENTNAME_START.equals(execution.getEventName())) {
      execution.setVariable(name, null);
    } else if (!execution.isCanceled()) {
      // Ended by the message, not cancelled by a cut-off or a terminate end
      require(execution, name, allowed);
    }
  }

  /** Stores the value of {@code name} in its canonical form (trimmed, lower case), or throws a 400 naming it. */
  static void require(DelegateExecution execution, String name, Set<String> allowed) {
    Object value = execution.getVariable(name);
    String text = value == null ? "" : value.toString().trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(text)) {
      throw new BadUserRequestException("The message variable '" + name + "' must be one of "
          + String.join(", ", new TreeSet<>(allowed)) + ", got " + (value == null ? "nothing" : "'" + value + "'"));
    }
    execution.setVariable(name, text);
  }
}
