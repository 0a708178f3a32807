package org.hldprep.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * The engine command the current thread runs in, when it runs in one (a delegate, a listener, a plugin's
 * hook). Reads made there on the engine's own behalf (a cycle's children, the members of a group, the
 * holder of a cycle's name) must not depend on what the user whose step moved the process on may see.
 */
public final class EngineCommand {

  private EngineCommand() {
  }

  /** Whether the current thread runs inside an engine command. */
  public static boolean active() {
    return Context.getCommandContext() != null;
  }

  /** The work without authorization checks, inside the current engine command (which must exist). */
  public static <T> T withoutAuthorization(Supplier<T> work) {
    return Context.getCommandContext().runWithoutAuthorization(work::get);
  }

  /** {@link #withoutAuthorization(Supplier)} for work without a result. */
  public static void runWithoutAuthorization(Runnable work) {
    withoutAuthorization(() -> {
      work.run();
      return null;
    });
  }
}
