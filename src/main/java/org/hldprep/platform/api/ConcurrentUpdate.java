package org.hldprep.platform.api;

import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * Recognises "someone changed the same thing at the same moment" anywhere in an exception's causes: the
 * engine's optimistic locking, or PostgreSQL ending one of two transactions that waited for each other
 * (deadlock, SQLSTATE 40P01; serialization failure, 40001). Two completions of one task with different
 * answers write different rows in different orders and can meet that way. Nothing of the refused
 * request remains: it is answered 409, and the client reloads and decides again.
 */
public final class ConcurrentUpdate {

  public static final String MESSAGE = "The workflow changed at the same moment: please reload and send again.";

  private static final int MAX_CAUSES = 32;

  private ConcurrentUpdate() {
  }

  public static boolean isCause(Throwable exception) {
    Throwable cause = exception;
    for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException) {
        return true;
      }
      if (cause instanceof SQLException sql
          && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }
}
