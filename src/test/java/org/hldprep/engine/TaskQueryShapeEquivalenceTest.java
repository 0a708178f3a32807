package org.hldprep.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.TaskQuery;
import org.hldprep.engine.TaskQueryEquivalence.Caller;
import org.hldprep.engine.TaskQueryEquivalence.DataSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The semi-join task query gives exactly what Camunda's own gives, caller by caller and query by query,
 * with revoke checks off (as HLD Prep runs) and on; and it really is another query: no join on the
 * authorizations, no DISTINCT unless identity links are joined. Two engines on one H2 database, one
 * stock and one with {@link TaskQueryAuthorizationPlugin} and {@link CallerGroupsPlugin} (the caller's
 * groups as given: among them groups without any authorization). TaskQueryShapeEquivalenceIT does the same on
 * PostgreSQL against the application's own engine.
 */
class TaskQueryShapeEquivalenceTest {

  private static final String URL = "jdbc:h2:mem:task-query-equivalence;DB_CLOSE_DELAY=-1";
  private static final List<String> SQL = Collections.synchronizedList(new ArrayList<>());

  private static ProcessEngine stock;
  private static ProcessEngine semiJoin;
  private static ProcessEngine stockWithRevokes;
  private static ProcessEngine semiJoinWithRevokes;
  private static DataSet data;

  @BeforeAll
  static void engines() {
    stock = engine("stock", false, "never", "create-drop");
    semiJoin = engine("semi-join", true, "never", "false");
    stockWithRevokes = engine("stock-revokes", false, "always", "false");
    semiJoinWithRevokes = engine("semi-join-revokes", true, "always", "false");
    ((ProcessEngineConfigurationImpl) semiJoin.getProcessEngineConfiguration()).getSqlSessionFactory()
        .getConfiguration().addInterceptor(new SqlRecorder());
    ((ProcessEngineConfigurationImpl) stock.getProcessEngineConfiguration()).getSqlSessionFactory()
        .getConfiguration().addInterceptor(new SqlRecorder());
    data = TaskQueryEquivalence.create(stock, "eq");
  }

  @AfterAll
  static void close() {
    for (ProcessEngine engine : List.of(semiJoinWithRevokes, stockWithRevokes, semiJoin, stock)) {
      if (engine != null) {
        engine.close();
      }
    }
  }

  @Test
  void sameTasksSameOrderSameCountsWithRevokeChecksOff() {
    int callersWithTasks = TaskQueryEquivalence.assertSameResults(stock, semiJoin, data, Function.identity());
    assertThat(callersWithTasks).as("callers who see something").isGreaterThanOrEqualTo(8);
  }

  @Test
  void sameTasksSameOrderSameCountsWithRevokeChecksOn() {
    TaskQueryEquivalence.assertSameResults(stockWithRevokes, semiJoinWithRevokes, data, Function.identity());
  }

  /** The data set tells the callers apart, so that equal results are not equally empty. */
  @Test
  void theDataSetSeparatesCallers() {
    long all = data.taskIds().size();
    assertThat(visible("admin")).isEqualTo(all);
    assertThat(visible("eve")).as("TASK '*' READ").isEqualTo(all);
    // Camunda matches any grant's resource id against the task id, its definition key and '*': a
    // PROCESS_DEFINITION '*' grant shows standalone tasks too.
    assertThat(visible("stan")).as("PROCESS_DEFINITION '*' READ_TASK").isEqualTo(all);
    assertThat(visible("ann")).isBetween(2L, all - 1);
    assertThat(visible("ulla")).as("UPDATE alone shows nothing but the global grant").isEqualTo(1);
    assertThat(visible("tess")).as("one task grant and the global grant").isEqualTo(2);
    assertThat(visible("nobody")).as("the global grant only").isEqualTo(1);
    long eveWithRevokes = TaskQueryEquivalence.visible(stockWithRevokes, caller("eve"), Function.identity());
    assertThat(eveWithRevokes).as("a revoke counts when revoke checks are on").isEqualTo(all - 1);
  }

  @Test
  void theListHasNoAuthorizationJoinAndNoDistinct() {
    SQL.clear();
    run(semiJoin, caller("ann"), q -> q.orderByTaskCreateTime().desc().listPage(0, 15));
    String list = lastTaskQuery();
    assertThat(list).containsIgnoringCase("RES.ID_ in ( select A.RESOURCE_ID_")
        .containsIgnoringCase("RES.PROC_DEF_ID_ in (select P.ID_")
        .doesNotContainIgnoringCase("distinct").doesNotContain("AUTH.");
    run(semiJoin, caller("ann"), TaskQuery::count);
    assertThat(lastTaskQuery()).containsIgnoringCase("count(*)").doesNotContainIgnoringCase("distinct");
    // Identity links can repeat a task: then DISTINCT stays.
    run(semiJoin, caller("ann"), q -> q.taskCandidateGroupIn(List.of(data.group("g1"))).includeAssignedTasks().list());
    assertThat(lastTaskQuery()).containsIgnoringCase("distinct");
    // ...and the comparison is with Camunda's own shape.
    run(stock, caller("ann"), q -> q.orderByTaskCreateTime().desc().listPage(0, 15));
    assertThat(lastTaskQuery()).contains("AUTH.RESOURCE_ID_").containsIgnoringCase("distinct");
  }

  private static long visible(String name) {
    return TaskQueryEquivalence.visible(stock, caller(name), Function.identity());
  }

  private static Caller caller(String name) {
    return data.callers().stream().filter(c -> c.userId().equals("eq-" + name)).findFirst().orElseThrow();
  }

  private static void run(ProcessEngine engine, Caller caller, Function<TaskQuery, Object> query) {
    engine.getIdentityService().setAuthentication(caller.userId(), caller.groups());
    try {
      query.apply(engine.getTaskService().createTaskQuery());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static String lastTaskQuery() {
    synchronized (SQL) {
      for (int i = SQL.size() - 1; i >= 0; i--) {
        if (SQL.get(i).contains("ACT_RU_TASK RES")) {
          return SQL.get(i).replaceAll("\\s+", " ");
        }
      }
    }
    throw new AssertionError("no task query ran");
  }

  private static ProcessEngine engine(String name, boolean withPlugins, String revokes, String schemaUpdate) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("task-query-" + name);
    configuration.setJdbcUrl(URL);
    configuration.setDatabaseSchemaUpdate(schemaUpdate);
    configuration.setAuthorizationEnabled(true);
    configuration.setAuthorizationCheckRevokes(revokes);
    configuration.setJobExecutorActivate(false);
    configuration.setDbMetricsReporterActivate(false);
    configuration.setHistory("none");
    configuration.setDmnEnabled(false); // nothing here needs it; saves the FEEL engine's start-up
    if (withPlugins) {
      configuration.getProcessEnginePlugins().add(new TaskQueryAuthorizationPlugin());
      configuration.getProcessEnginePlugins().add(new CallerGroupsPlugin());
    }
    return configuration.buildProcessEngine();
  }

  /** Records the SQL of every query the engine's MyBatis runs. */
  @Intercepts(@Signature(type = Executor.class, method = "query", args = {MappedStatement.class, Object.class,
      RowBounds.class, ResultHandler.class}))
  static class SqlRecorder implements Interceptor {
    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
      SQL.add(statement.getBoundSql(invocation.getArgs()[1]).getSql());
      return invocation.proceed();
    }
  }
}
