package org.hldprep.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database cannot be reached" (answered 503, not 500). */
class DatabaseUnavailableTest {

  @Test
  void aConnectionThatBreaksMidCommand_whoseRollbackThenFailsOnTheClosedConnection() {
    // As CI met it in DatabaseOutageIT: the query's I/O error (08006), then the rollback on the closed
    // connection fails without an SQLSTATE, and Spring throws that one, keeping the first as the
    // application exception; Camunda wraps it.
    PersistenceException query = new PersistenceException(
        new SQLException("An I/O error occurred while sending to the backend.", "08006"));
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    rollback.initApplicationException(new ProcessEnginePersistenceException("persistence", query));
    assertThat(DatabaseUnavailable.isCause(new ProcessEnginePersistenceException("persistence", rollback))).isTrue();
  }

  @Test
  void aRollbackThatFailsAfterAnOrdinaryError_isNotAnOutage() {
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    rollback.initApplicationException(new ProcessEngineException("No task with id 42"));
    assertThat(DatabaseUnavailable.isCause(new ProcessEnginePersistenceException("persistence", rollback))).isFalse();
    assertThat(DatabaseUnavailable.isCause(new ProcessEngineException("No task with id 42"))).isFalse();
  }

  @Test
  void connectionStatesAndShutdownsAreOutages() {
    assertThat(DatabaseUnavailable.isCause(new ProcessEngineException(new SQLException("refused", "08001")))).isTrue();
    assertThat(DatabaseUnavailable.isCause(new SQLException("shutting down", "57P01"))).isTrue();
    assertThat(DatabaseUnavailable.isCause(new SQLException("duplicate key", "23505"))).isFalse();
  }
}
