package org.hldprep.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.hldprep.platform.api.ConflictException;
import org.hldprep.platform.api.InvalidRequestException;
import org.hldprep.platform.api.NotFoundException;
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

  /** Within the engine's queryMaxResultsLimit (2000). */
  private static final int PAGE = 1000;

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final TransactionTemplate transactions;

  public MigrationService(RepositoryService repositoryService, RuntimeService runtimeService,
      ManagementService managementService, HistoryService historyService,
      PlatformTransactionManager transactionManager) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** What a migration would do, instance by instance; changes nothing. */
  public Report dryRun(Request request) {
    return plan(request).report();
  }

  /** Migrates the instances the dry run passes, as batches; the others stay where they are. */
  public Started migrate(Request request) {
    Planned planned = plan(request);
    Report report = planned.report();
    if (report.migratable() == 0) {
      throw new ConflictException("None of the " + report.instances().size() + " running instances of "
          + report.processDefinitionKey() + " can be migrated to version " + report.target().version()
          + (report.instances().isEmpty() ? "" : ": see the dry run for what fails"));
    }
    List<BatchStarted> batches = new ArrayList<>();
    for (SourcePlan source : planned.sources()) {
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
    BatchStatistics running = managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
    if (running != null) {
      requireMigration(running.getType(), batchId);
      List<FailedJob> failed = new ArrayList<>();
      for (Job job : all(managementService.createJobQuery().jobDefinitionId(running.getBatchJobDefinitionId())
          .withException())) {
        Incident incident = runtimeService.createIncidentQuery().configuration(job.getId()).singleResult();
        failed.add(new FailedJob(job.getId(), job.getRetries(), job.getExceptionMessage(),
            incident == null ? null : incident.getId()));
      }
      return new BatchProgress(batchId, running.isSuspended() ? "suspended" : "running", running.getTotalJobs(),
          running.getCompletedJobs(), running.getRemainingJobs(), running.getFailedJobs(), failed,
          running.getStartTime(), null);
    }
    HistoricBatch done = historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
    if (done == null) {
      throw new NotFoundException("No migration batch " + batchId);
    }
    requireMigration(done.getType(), batchId);
    // Ended: all its jobs ran, or an administrator deleted it in Cockpit. The job log tells which.
    int succeeded = (int) historyService.createHistoricJobLogQuery().jobDefinitionId(done.getBatchJobDefinitionId())
        .successLog().count();
    return new BatchProgress(batchId, done.getEndTime() == null ? "running" : "ended", done.getTotalJobs(),
        succeeded, done.getTotalJobs() - succeeded, 0, List.of(), done.getStartTime(), done.getEndTime());
  }

  // ---------------------------------------------------------------------------------------------

  private Planned plan(Request request) {
    if (request == null || request.processDefinitionKey() == null || request.processDefinitionKey().isBlank()) {
      throw new InvalidRequestException("processDefinitionKey is required");
    }
    String key = request.processDefinitionKey().trim();
    List<ProcessDefinition> versions = all(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .withoutTenantId().orderByProcessDefinitionVersion().asc());
    if (versions.isEmpty()) {
      throw new NotFoundException("No process " + key + " is deployed");
    }
    ProcessDefinition target = request.targetVersion() == null
        ? versions.get(versions.size() - 1)
        : version(versions, key, request.targetVersion());
    List<ProcessDefinition> sources;
    if (request.sourceVersion() != null) {
      if (request.sourceVersion().equals(target.getVersion())) {
        throw new InvalidRequestException("The source and the target are both version " + target.getVersion());
      }
      sources = List.of(version(versions, key, request.sourceVersion()));
    } else {
      sources = versions.stream().filter(v -> v.getVersion() < target.getVersion()).toList();
    }
    List<Mapping> mappings = request.mappings() == null ? List.of() : request.mappings();
    for (Mapping mapping : mappings) {
      if (mapping == null || blank(mapping.from()) || blank(mapping.to())) {
        throw new InvalidRequestException("Every mapping needs 'from' (an activity id of the old version) and 'to'"
            + " (one of the new version)");
      }
    }
    boolean updateEventTriggers = request.updateEventTriggers() == null || request.updateEventTriggers();
    String targetXml = modelXml(target);

    List<SourcePlan> plans = new ArrayList<>();
    List<SourceReport> sourceReports = new ArrayList<>();
    List<InstanceReport> instances = new ArrayList<>();
    for (ProcessDefinition source : sources) {
      SourcePlan plan = new SourcePlan(source, target, applicable(source, mappings), updateEventTriggers);
      List<String> planFailures = plan.validate();
      plans.add(plan);
      List<ProcessInstance> running = chosen(request, source);
      sourceReports.add(new SourceReport(source.getId(), source.getVersion(), source.getVersionTag(),
          running.size(), plan.mappings(), planFailures));
      for (ProcessInstance instance : running) {
        instances.add(check(instance, source, plan, planFailures, targetXml));
      }
    }
    return new Planned(plans, Report.of(key, new Version(target.getId(), target.getVersion(), target.getVersionTag()),
        sourceReports, instances));
  }

  private InstanceReport check(ProcessInstance instance, ProcessDefinition source, SourcePlan plan,
      List<String> planFailures, String targetXml) {
    List<String> activities = runtimeService.getActiveActivityIds(instance.getId()).stream().sorted().toList();
    if (!planFailures.isEmpty()) {
      return new InstanceReport(instance.getId(), instance.getBusinessKey(), source.getVersion(), activities, false,
          List.of("the migration plan itself is invalid (see the plan's failures)"), Map.of());
    }
    Map<String, Object> variables;
    try {
      variables = MigrationDefaults.missing(source.getKey(), targetXml,
          runtimeService.getVariables(instance.getId()), variablesAbove(instance.getId()));
    } catch (IllegalArgumentException e) {
      return new InstanceReport(instance.getId(), instance.getBusinessKey(), source.getVersion(), activities, false,
          List.of("its cycle's dates cannot be read: " + e.getMessage()), Map.of());
    }
    List<String> failures = new ArrayList<>();
    try {
      MigrationPlan migrationPlan = plan.build(variables);
      // A real migration of this instance alone, rolled back: the engine's own verdict, changing nothing.
      transactions.executeWithoutResult(status -> {
        status.setRollbackOnly();
        runtimeService.newMigration(migrationPlan).processInstanceIds(instance.getId()).execute();
      });
    } catch (MigratingProcessInstanceValidationException e) {
      failures.addAll(failures(e.getValidationReport()));
    } catch (MigrationPlanValidationException e) {
      failures.addAll(failures(e.getValidationReport()));
    } catch (ProcessEngineException e) {
      failures.add(e.getMessage());
    }
    return new InstanceReport(instance.getId(), instance.getBusinessKey(), source.getVersion(), activities,
        failures.isEmpty(), failures, variables);
  }

  /** The running instances of a version, narrowed to the request's instances or cycle if it names them. */
  private List<ProcessInstance> chosen(Request request, ProcessDefinition source) {
    ProcessInstanceQuery query = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId());
    if (request.processInstanceIds() != null && !request.processInstanceIds().isEmpty()) {
      query.processInstanceIds(new HashSet<>(request.processInstanceIds()));
    }
    List<ProcessInstance> running = all(query.orderByProcessInstanceId().asc());
    String cycle = blank(request.cycle()) ? null : request.cycle().trim();
    return cycle == null
        ? running
        : running.stream().filter(instance -> instance.getBusinessKey() != null
            && (instance.getBusinessKey().equals(cycle) || instance.getBusinessKey().startsWith(cycle + "-"))).toList();
  }

  /** The variables of the instances above this one (its cycle), the outermost first. */
  private List<Map<String, Object>> variablesAbove(String processInstanceId) {
    List<Map<String, Object>> above = new ArrayList<>();
    ProcessInstance parent = runtimeService.createProcessInstanceQuery().subProcessInstanceId(processInstanceId)
        .singleResult();
    while (parent != null) {
      above.add(0, runtimeService.getVariables(parent.getId()));
      parent = runtimeService.createProcessInstanceQuery().subProcessInstanceId(parent.getId()).singleResult();
    }
    return above;
  }

  /** The explicit mappings whose source activity exists in this version. */
  private List<Mapping> applicable(ProcessDefinition source, List<Mapping> mappings) {
    var model = repositoryService.getBpmnModelInstance(source.getId());
    return mappings.stream().filter(m -> model.getModelElementById(m.from()) != null).toList();
  }

  private String modelXml(ProcessDefinition definition) {
    try (InputStream in = repositoryService.getProcessModel(definition.getId())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProcessDefinition version(List<ProcessDefinition> versions, String key, int version) {
    return versions.stream().filter(v -> v.getVersion() == version).findFirst()
        .orElseThrow(() -> new NotFoundException(key + " has no version " + version + " (versions 1 to "
            + versions.stream().map(ProcessDefinition::getVersion).max(Comparator.naturalOrder()).orElse(0) + ")"));
  }

  private static void requireMigration(String type, String batchId) {
    if (!Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(type)) {
      throw new NotFoundException("No migration batch " + batchId + " (it is a batch of type " + type + ")");
    }
  }

  /** Every result of a query, page by page: the engine refuses unbounded lists (queryMaxResultsLimit). */
  private static <T> List<T> all(Query<?, T> query) {
    List<T> results = new ArrayList<>();
    List<T> page;
    do {
      page = query.listPage(results.size(), PAGE);
      results.addAll(page);
    } while (page.size() == PAGE);
    return results;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  static List<String> failures(MigratingProcessInstanceValidationReport report) {
    List<String> failures = new ArrayList<>(report.getFailures());
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      activity.getFailures().forEach(f -> failures.add(activity.getSourceScopeId() + ": " + f));
    }
    for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
      transition.getFailures().forEach(f -> failures.add(transition.getSourceScopeId() + ": " + f));
    }
    return failures;
  }

  static List<String> failures(MigrationPlanValidationReport report) {
    List<String> failures = new ArrayList<>();
    for (MigrationInstructionValidationReport instruction : report.getInstructionReports()) {
      instruction.getFailures().forEach(f -> failures.add(instruction.getMigrationInstruction().getSourceActivityId()
          + " -> " + instruction.getMigrationInstruction().getTargetActivityId() + ": " + f));
    }
    report.getVariableReports()
        .forEach((name, variable) -> variable.getFailures().forEach(f -> failures.add("variable " + name + ": " + f)));
    return failures;
  }

  /** One source version's plan to the target: built again for each set of variables. */
  private final class SourcePlan {
    private final ProcessDefinition source;
    private final ProcessDefinition target;
    private final List<Mapping> mappings;
    private final boolean updateEventTriggers;

    SourcePlan(ProcessDefinition source, ProcessDefinition target, List<Mapping> mappings,
        boolean updateEventTriggers) {
      this.source = source;
      this.target = target;
      this.mappings = mappings;
      this.updateEventTriggers = updateEventTriggers;
    }

    ProcessDefinition definition() {
      return source;
    }

    List<Mapping> mappings() {
      return mappings;
    }

    MigrationPlan build(Map<String, Object> variables) {
      MigrationInstructionsBuilder equal = runtimeService.createMigrationPlan(source.getId(), target.getId())
          .mapEqualActivities();
      MigrationPlanBuilder builder = updateEventTriggers ? equal.updateEventTriggers() : equal;
      for (Mapping mapping : mappings) {
        builder = builder.mapActivities(mapping.from(), mapping.to());
      }
      if (!variables.isEmpty()) {
        builder = builder.setVariables(MigrationDefaults.typed(variables));
      }
      return builder.build();
    }

    /** The plan's own failures (instructions that cannot hold for any instance), empty if it is valid. */
    List<String> validate() {
      try {
        build(Map.of());
        return List.of();
      } catch (MigrationPlanValidationException e) {
        return failures(e.getValidationReport());
      } catch (ProcessEngineException e) {
        return List.of(e.getMessage());
      }
    }
  }

  private record Planned(List<SourcePlan> sources, Report report) {
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
