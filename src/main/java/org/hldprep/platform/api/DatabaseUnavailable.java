package org.hldprep.platform.api;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure that means "the database cannot be reached" anywhere in an exception's causes:
 * no connection from the pool in time, connection refused or broken, the server shutting down. Such a
 * request is answered 503 with {@link #MESSAGE}, never 500: the client may simply try again later.
 */
public final class DatabaseUnavailable {

  public static final String TYPE = "ServiceUnavailable";
  public static final String MESSAGE = "HLD Prep cannot reach its database at the moment, so the request was not"
      + " carried out. Please try again in a minute.";
  /** Seconds a client should wait before trying again (the Retry-After header of the 503). */
  public static final String RETRY_AFTER_SECONDS = "30";

  private static final int MAX_CAUSES = 32;

  private DatabaseUnavailable() {
  }

  public static boolean isCause(Throwable exception) {
    return isCause(exception, 0);
  }

  private static boolean isCause(Throwable exception, int nesting) {
    Throwable cause = exception;
    for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
      // The connection broke mid-command: the rollback then fails too ("Connection is closed", no SQLSTATE)
      // and Spring throws that, keeping the command's own failure as the application exception.
      if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
          && nesting < 2 && isCause(rollback.getApplicationException(), nesting + 1)) {
        return true;
      }
      if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
          || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
          || cause instanceof ConnectException) {
        return true;
      }
      // SQLSTATE class 08: connection exception; 57P01-57P03: the server is shutting down or starting up.
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
