package org.hldprep.security.guard;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Engine resources that only members of camunda-admin may use at all, whatever the engine's own
 * authorizations say: engine-wide figures (metrics, statistics, reports), the job machinery, and every
 * way to move, skip, restart, migrate, suspend, delete or signal a process other than by working its
 * tasks and sending the contract's events through {@code /api}. Staff work through forms; coordinators
 * follow cycles through {@code /api}.
 */
public class AdminOnlyEndpointsRule implements EngineApiRule {

  static final Set<String> ANY = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
  static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");

  /** What the refusal names, which methods, which engine paths. */
  record Entry(String what, Set<String> methods, Pattern path) {
    Entry(String what, Set<String> methods, String regex) {
      this(what, methods, Pattern.compile("^" + regex + "/?$"));
    }
  }

  static final List<Entry> ENTRIES = List.of(
      new Entry("filters", Set.of("POST"), "/filter/create"),
      new Entry("filters", Set.of("PUT", "DELETE"), "/filter/[^/]+"),
      new Entry("deployments", WRITES, "/deployment(/.*)?"),
      new Entry("engine metrics", ANY, "/(metrics|telemetry)(/.*)?"),
      new Entry("statistics", ANY, "(/.*)?/statistics(/.*)?"),
      new Entry("history reports", ANY, "/history(/.*)?/[a-z-]*report(/.*)?"),
      new Entry("jobs and job definitions", ANY, "/(job|job-definition|batch|external-task)(/.*)?"),
      new Entry("jobs and job definitions", ANY, "/history/(job-log|batch|external-task-log)(/.*)?"),
      new Entry("process instance modification", ANY, "/process-instance/[^/]+/modification(-async)?"),
      new Entry("process instance modification", ANY, "/(modification|migration|restart)(/.*)?"),
      new Entry("process instance modification", ANY, "/process-definition/.*/restart(-async)?"),
      new Entry("bulk process instance operations", WRITES,
          "/process-instance/(delete|delete-historic-query-based|job-retries|job-retries-historic-query-based"
              + "|suspended|suspended-async|variables-async|message-async|correlation-async)"),
      new Entry("bulk process instance operations", WRITES,
          "/history/(process-instance|decision-instance|batch)/(delete|set-removal-time)(/.*)?"),
      new Entry("history cleanup", ANY, "/history/cleanup(/.*)?"),
      // Before the next entry, whose PUT on any process-instance path would otherwise name a variable write
      // a deletion or suspension.
      new Entry("process and execution variables", WRITES, "/process-instance/[^/]+/variables(/.*)?"),
      new Entry("deleting or suspending process instances and definitions", Set.of("DELETE", "PUT"),
          "/process-(instance|definition)(/.*)?"),
      new Entry("executions", WRITES, "/execution(/.*)?"),
      new Entry("messages, signals and conditions (events go through /api)", WRITES,
          "/(message|signal|condition)(/.*)?"));

  @Override
  public Refusal check(EngineApiCall call) {
    if (!call.isEngineApi() || call.isAdmin()) {
      return null;
    }
    for (Entry entry : ENTRIES) {
      if (entry.methods().contains(call.method()) && entry.path().matcher(call.enginePath()).matches()) {
        return Refusal.forbidden("Only members of camunda-admin may use " + entry.what() + ".");
      }
    }
    return null;
  }
}
