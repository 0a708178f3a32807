package org.hldprep.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latencies of one kind of request, with the wall time of the rounds that produced them. */
final class Samples {

  private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
  private long wallNanos;

  void add(long latencyNanos) {
    nanos.add(latencyNanos);
  }

  void addWall(long roundNanos) {
    wallNanos += roundNanos;
  }

  int size() {
    return nanos.size();
  }

  /** Nearest-rank percentile in milliseconds. */
  double percentile(double p) {
    List<Long> sorted;
    synchronized (nanos) {
      sorted = new ArrayList<>(nanos);
    }
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
  }

  /** Requests per second over the rounds' wall time (concurrent kinds only). */
  double throughput() {
    return wallNanos == 0 ? Double.NaN : nanos.size() / (wallNanos / 1e9);
  }

  Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("n", size());
    summary.put("p50_ms", round(percentile(50)));
    summary.put("p95_ms", round(percentile(95)));
    summary.put("p99_ms", round(percentile(99)));
    if (wallNanos > 0) {
      summary.put("per_second", round(throughput()));
    }
    return summary;
  }

  static double round(double value) {
    return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
  }
}
