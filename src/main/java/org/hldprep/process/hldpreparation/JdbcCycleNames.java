package org.hldprep.process.hldpreparation;

import java.sql.Timestamp;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.hldprep.engine.EngineClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cycle names in {@code hldprep_cycle} (Flyway V1_0). Runs on the engine's own connection and
 * transaction (Spring binds one connection per transaction and data source), so a start that fails
 * later leaves no claim behind. Two starts of a new name at the same moment both insert: the database
 * holds the second insert until the first transaction ends and then refuses it on the primary key.
 * Taking over the name of an ended master goes through {@code SELECT ... FOR UPDATE}, so two such
 * takeovers are serialized too. Never catches an SQL error to carry on in the same transaction:
 * PostgreSQL aborts the transaction on the first error.
 */
@Component
public class JdbcCycleNames implements CycleNames {

  private final JdbcTemplate jdbc;

  public JdbcCycleNames(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  public void claim(String name, String processInstanceId, Predicate<String> running) {
    Timestamp now = Timestamp.from(EngineClock.now());
    try {
      List<String> holders = jdbc.queryForList(
          "SELECT process_instance_id FROM hldprep_cycle WHERE cycle_name = ? FOR UPDATE", String.class, name);
      if (holders.isEmpty()) {
        jdbc.update("INSERT INTO hldprep_cycle (cycle_name, process_instance_id, claimed_at) VALUES (?, ?, ?)",
            name, processInstanceId, now);
      } else if (running.test(holders.get(0))) {
        throw new CycleNameTakenException(name);
      } else {
        jdbc.update("UPDATE hldprep_cycle SET process_instance_id = ?, claimed_at = ? WHERE cycle_name = ?",
            processInstanceId, now, name);
      }
    } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
      // the other start committed first (or, on H2, still holds the row after the lock timeout)
      throw new CycleNameTakenException(name);
    }
  }
}
