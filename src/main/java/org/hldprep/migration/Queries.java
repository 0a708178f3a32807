package org.hldprep.migration;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.query.Query;

/** Engine queries read whole. */
final class Queries {

  /** Within the engine's queryMaxResultsLimit (2000). */
  private static final int PAGE = 1000;

  private Queries() {
  }

  /** Every result of a query, page by page: the engine refuses unbounded lists (queryMaxResultsLimit). */
  static <T> List<T> all(Query<?, T> query) {
    List<T> results = new ArrayList<>();
    List<T> page;
    do {
      page = query.listPage(results.size(), PAGE);
      results.addAll(page);
    } while (page.size() == PAGE);
    return results;
  }
}
