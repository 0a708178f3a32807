package org.hldprep.process.hldpreparation;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Cycle names for the engine-only process tests, which have no Flyway tables: the same rule as
 * {@link JdbcCycleNames} (a running master keeps its name, an ended or deleted one gives it up), without
 * the database key that decides between concurrent starts (proved by CycleNameRaceIT on PostgreSQL).
 */
public class InMemoryCycleNames implements CycleNames {

  private final Map<String, String> holders = new HashMap<>();

  @Override
  public synchronized void claim(String name, String processInstanceId, Predicate<String> running) {
    String holder = holders.get(name);
    if (holder != null && running.test(holder)) {
      throw new CycleNameTakenException(name);
    }
    holders.put(name, processInstanceId);
  }
}
