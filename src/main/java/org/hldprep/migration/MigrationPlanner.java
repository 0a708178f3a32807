package org.hldprep.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
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
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.hldprep.migration.MigrationService.InstanceReport;
import org.hldprep.migration.MigrationService.Mapping;
import org.hldprep.migration.MigrationService.Report;
import org.hldprep.migration.MigrationService.Request;
import org.hldprep.migration.MigrationService.SourceReport;
import org.hldprep.migration.MigrationService.Version;
import org.hldprep.platform.api.InvalidRequestException;
import org.hldprep.platform.api.NotFoundException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plan of a migration and its dry run ({@link MigrationService}): the versions it moves from and to,
 * Camunda's plan per source version, and each running instance's verdict, from a real migration of that
 * instance alone inside a transaction that is rolled back.
 */
class MigrationPlanner {

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transactions;

  MigrationPlanner(RepositoryService repositoryService, RuntimeService runtimeService,
      TransactionTemplate transactions) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.transactions = transactions;
  }

  Planned plan(Request request) {
    if (request == null || request.processDefinitionKey() == null || request.processDefinitionKey().isBlank()) {
      throw new InvalidRequestException("processDefinitionKey is required");
    }
    String key = request.processDefinitionKey().trim();
    List<ProcessDefinition> versions = Queries
        .all(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
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
    List<ProcessInstance> running = Queries.all(query.orderByProcessInstanceId().asc());
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
  final class SourcePlan {
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

  record Planned(List<SourcePlan> sources, Report report) {
  }
}
