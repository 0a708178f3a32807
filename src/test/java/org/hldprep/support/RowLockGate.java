package org.hldprep.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Makes two requests meet "at the same moment", deterministically, after the two-thread pattern of
 * Camunda's own concurrency tests (ControllableThread / ConcurrencyTestHelper: both commands run up to
 * their flush, then commit in a chosen order). Here the barrier is the database itself: the gate holds
 * row locks in an open transaction of its own; each request reads, does its work and then waits in
 * PostgreSQL when its flush writes one of those rows. Once the test has seen every request waiting,
 * {@link #release} ends the gate's transaction and the waiting requests commit in the order in which
 * they reached the lock. Only on PostgreSQL (pg_stat_activity, pg_blocking_pids).
 */
public final class RowLockGate implements AutoCloseable {

  private final DataSource dataSource;
  private final Connection connection;

  private RowLockGate(DataSource dataSource) throws SQLException {
    this.dataSource = dataSource;
    this.connection = dataSource.getConnection();
    connection.setAutoCommit(false);
  }

  public static RowLockGate open(DataSource dataSource) {
    try {
      return new RowLockGate(dataSource);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a locking statement in the gate's transaction, e.g. {@code SELECT ... FOR UPDATE} or an INSERT. */
  public RowLockGate hold(String sql, Object... parameters) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.execute();
      return this;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until this many sessions of the database wait for a lock (the gate's, or one queued behind it). */
  public void awaitWaiting(int sessions) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
        .untilAsserted(() -> assertThat(waiting()).as("requests waiting at the gate").isGreaterThanOrEqualTo(sessions));
  }

  private int waiting() throws SQLException {
    try (Connection observer = dataSource.getConnection();
        PreparedStatement statement = observer.prepareStatement("SELECT count(*) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** Ends the gate's transaction without a trace: the waiting requests go on. */
  public void release() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try (connection) {
      connection.rollback();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
