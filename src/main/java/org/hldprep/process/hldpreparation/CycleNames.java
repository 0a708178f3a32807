package org.hldprep.process.hldpreparation;

import java.util.function.Predicate;

/**
 * Who holds a cycle's name. The master's start listener claims the name inside the transaction that
 * starts the master, so the claim and the start commit or roll back together. In the application the
 * claim is a row of the project table {@code hldprep_cycle} ({@link JdbcCycleNames}), whose primary
 * key decides between two starts of one name at the same moment; the engine-only process tests, which
 * have no Flyway tables, use an in-memory implementation.
 */
public interface CycleNames {

  /**
   * Claims {@code name} for the master {@code processInstanceId}. A name whose previous master no
   * longer runs ({@code running} says no: it ended, or an administrator deleted it) is taken over.
   *
   * @throws CycleNameTakenException if a running master holds the name, or another start claims it
   *     at this moment
   */
  void claim(String name, String processInstanceId, Predicate<String> running);
}
