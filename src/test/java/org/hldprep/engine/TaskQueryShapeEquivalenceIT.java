package org.hldprep.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.TaskQuery;
import org.hldprep.engine.TaskQueryEquivalence.DataSet;
import org.hldprep.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On PostgreSQL, the application's own engine (semi-join task query, caller groups as given) answers
 * every task query of TaskQueryEquivalence exactly as a stock Camunda engine on the same database does.
 * The data set is this test's own (ids start with a fresh prefix, queries are narrowed to its tasks by
 * name) and is deleted afterwards, so other tests' data neither disturbs nor is disturbed.
 */
class TaskQueryShapeEquivalenceIT extends PostgresIntegrationTest {

  @Autowired
  ProcessEngine application;
  @Autowired
  DataSource dataSource;

  private ProcessEngine stock;
  private DataSet data;

  @Test
  void theApplicationsTaskQueriesMatchCamundasOwn() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) application
        .getProcessEngineConfiguration();
    assertThat(configuration.getDbSqlSessionFactory().mapStatement("selectTaskByQueryCriteria"))
        .as("the application runs the semi-join task query").isEqualTo(TaskQueryAuthorizationPlugin.LIST_STATEMENT);
    stock = stockEngine();
    String prefix = "eq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
    data = TaskQueryEquivalence.create(stock, prefix);
    Function<TaskQuery, TaskQuery> ours = q -> q.taskNameLike(prefix + " task %");

    int callersWithTasks = TaskQueryEquivalence.assertSameResults(stock, application, data, ours);

    assertThat(callersWithTasks).as("callers who see something").isGreaterThanOrEqualTo(8);
  }

  @AfterEach
  void deleteData() {
    if (stock != null) {
      if (data != null) {
        TaskQueryEquivalence.delete(stock, data);
      }
      stock.close();
    }
  }

  /**
   * Camunda as it comes, on the application's database: no plugin, authorizations on, revokes off; it
   * leaves the application's jobs alone.
   */
  private ProcessEngine stockEngine() {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("stock-task-query");
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate("false");
    configuration.setHistory("full");
    configuration.setAuthorizationEnabled(true);
    configuration.setAuthorizationCheckRevokes("never");
    configuration.setJobExecutorActivate(false);
    configuration.setDbMetricsReporterActivate(false);
    configuration.setDmnEnabled(false);
    // A guest on the application's database: at start-up an engine with cleanup enabled reschedules the
    // shared history cleanup job to its own window, and without one it suspends the job (due date null).
    configuration.setHistoryCleanupEnabled(false);
    return configuration.buildProcessEngine();
  }
}
