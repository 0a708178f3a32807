package org.hldprep.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.hldprep.platform.api.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the running instances of a process to another version of its model, on purpose: a dry run
 * first, then a Camunda batch (visible in Cockpit under Batches, and here by its id).
 *
 * <p>The plan is Camunda's: {@code mapEqualActivities()} (with event triggers updated, so a changed
 * timer takes its new definition) plus the request's explicit mappings for activities whose id
 * changed. The dry run migrates each instance for real inside a transaction that is rolled back, so it
 * reports exactly what the engine would refuse (an instance waiting in an activity the new version
 * lacks, a changed multi-instance, ...). The migration then batches only the instances the dry run
 * passed; the others stay untouched on their version. Variables the new version needs and the instance
 * lacks are set in the migration itself ({@link MigrationDefaults}); instances with different values
 * (cycles with different dates) go into separate batches, because a plan carries one set of variables.
 */
@Service
public class MigrationService {

  private final RuntimeService runtimeService;
  private final MigrationPlanner planner;
  private final MigrationBatches batches;

  public MigrationService(RepositoryService repositoryService, RuntimeService runtimeService,
      ManagementService managementService, HistoryService historyService,
      PlatformTransactionManager transactionManager) {
    this.runtimeService = runtimeService;
    this.planner = new MigrationPlanner(repositoryService, runtimeService, new TransactionTemplate(transactionManager));
    this.batches = new MigrationBatches(runtimeService, managementService, historyService);
  }

  /** What a migration would do, instance by instance; changes nothing. */
  public Report dryRun(Request request) {
    return planner.plan(request).report();
  }

  /** Migrates the instances the dry run passes, as batches; the others stay where they are. */
  public Started migrate(Request request) {
    MigrationPlanner.Planned planned = planner.plan(request);
    Report report = planned.report();
    if (report.migratable() == 0) {
      throw new ConflictException("None of the " + report.instances().size() + " running instances of "
          + report.processDefinitionKey() + " can be migrated to version " + report.target().version()
          + (report.instances().isEmpty() ? "" : ": see the dry run for what fails"));
    }
    List<BatchStarted> batches = new ArrayList<>();
    for (MigrationPlanner.SourcePlan source : planned.sources()) {
      Map<Map<String, Object>, List<String>> byVariables = new LinkedHashMap<>();
      for (InstanceReport instance : report.instances()) {
        if (instance.migratable() && instance.sourceVersion() == source.definition().getVersion()) {
          byVariables.computeIfAbsent(instance.variables(), v -> new ArrayList<>()).add(instance.id());
        }
      }
      byVariables.forEach((variables, ids) -> {
        Batch batch = runtimeService.newMigration(source.build(variables)).processInstanceIds(ids).executeAsync();
        batches.add(new BatchStarted(batch.getId(), source.definition().getVersion(), ids.size(), variables));
      });
    }
    return new Started(batches, report);
  }

  /** A migration batch: its progress while it runs, its end once it is done, and its failed jobs. */
  public BatchProgress batch(String batchId) {
    return batches.batch(batchId);
  }

  // --- request and answers -----------------------------------------------------------------------

  /**
   * What to migrate: the process key, the source version (omitted: every version older than the
   * target), the target version (omitted: the latest), explicit mappings for activities whose id
   * changed, whether timers and other event triggers take the new version's definition (default true),
   * and optionally only one cycle's instances (business key {@code cycle} or {@code cycle-...}) or only
   * the given instances.
   */
  public record Request(String processDefinitionKey, Integer sourceVersion, Integer targetVersion,
      List<Mapping> mappings, Boolean updateEventTriggers, String cycle, List<String> processInstanceIds) {
  }

  /** An activity of the old version that becomes another of the new one. */
  public record Mapping(String from, String to) {
  }

  public record Version(String id, int version, String versionTag) {
  }

  public record SourceReport(String id, int version, String versionTag, int runningInstances,
      List<Mapping> explicitMappings, List<String> planFailures) {
  }

  public record InstanceReport(String id, String businessKey, int sourceVersion, List<String> activities,
      boolean migratable, List<String> failures, Map<String, Object> variables) {
  }

  public record Report(String processDefinitionKey, Version target, int migratable, int notMigratable,
      List<SourceReport> sources, List<InstanceReport> instances) {
    static Report of(String processDefinitionKey, Version target, List<SourceReport> sources,
        List<InstanceReport> instances) {
      int migratable = (int) instances.stream().filter(InstanceReport::migratable).count();
      return new Report(processDefinitionKey, target, migratable, instances.size() - migratable, sources, instances);
    }
  }

  public record BatchStarted(String id, int sourceVersion, int instances, Map<String, Object> variables) {
  }

  public record Started(List<BatchStarted> batches, Report report) {
  }

  public record FailedJob(String jobId, int retries, String exceptionMessage, String incidentId) {
  }

  public record BatchProgress(String id, String state, int totalJobs, int completedJobs, int remainingJobs,
      int failedJobs, List<FailedJob> failedJobDetails, java.util.Date startTime, java.util.Date endTime) {
  }
}
