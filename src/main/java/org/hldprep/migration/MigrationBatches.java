package org.hldprep.migration;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.hldprep.migration.MigrationService.BatchProgress;
import org.hldprep.migration.MigrationService.FailedJob;
import org.hldprep.platform.api.NotFoundException;

/** The progress of a migration batch, while it runs and after ({@link MigrationService#batch}). */
class MigrationBatches {

  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HistoryService historyService;

  MigrationBatches(RuntimeService runtimeService, ManagementService managementService,
      HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.historyService = historyService;
  }

  /** A migration batch: its progress while it runs, its end once it is done, and its failed jobs. */
  BatchProgress batch(String batchId) {
    BatchStatistics running = managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
    if (running != null) {
      requireMigration(running.getType(), batchId);
      List<FailedJob> failed = new ArrayList<>();
      for (Job job : Queries.all(managementService.createJobQuery().jobDefinitionId(running.getBatchJobDefinitionId())
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

  private static void requireMigration(String type, String batchId) {
    if (!Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(type)) {
      throw new NotFoundException("No migration batch " + batchId + " (it is a batch of type " + type + ")");
    }
  }
}
