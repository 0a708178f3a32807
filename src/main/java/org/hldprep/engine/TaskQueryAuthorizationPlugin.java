package org.hldprep.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * Task lists that stay flat as the engine fills up: the task query (list and count, as Tasklist, the
 * REST API and every {@code TaskQuery} run it) checks authorizations with a semi-join instead of Camunda
 * 7.24's join on {@code ACT_RU_AUTHORIZATION} plus {@code SELECT DISTINCT}, which compares every open task
 * with every grant of the user and sorts all of them before the first page (administrators: twice, one
 * row per {@code '*'} grant). Who sees which task is unchanged (TaskQueryShapeEquivalenceTest, ...IT).
 *
 * <p>Camunda's extension points: the statements are added to the engine's own MyBatis configuration, and
 * the engine's statement mapping (the one it uses for database-specific statements) sends
 * {@code selectTaskByQueryCriteria} and {@code selectTaskCountByQueryCriteria} to them. The new mapping
 * (task-query-authorization.xml) embeds Camunda's own FROM/WHERE text of the task query, read from the
 * engine jar at start-up, with exactly two changes checked here; if a Camunda version changes that text,
 * start-up fails naming it rather than running a query nobody compared.
 */
public class TaskQueryAuthorizationPlugin extends AbstractProcessEnginePlugin {

  static final String NAMESPACE = "org.hldprep.engine.TaskQueryAuthorization";
  static final String LIST_STATEMENT = NAMESPACE + ".selectTaskListWithSemiJoin";
  static final String COUNT_STATEMENT = NAMESPACE + ".selectTaskCountWithSemiJoin";
  private static final String MAPPING = "org/hldprep/engine/task-query-authorization.xml";
  private static final String STOCK_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
  private static final String PLACEHOLDER = "<!-- STOCK selectTaskByQueryCriteriaSql -->";

  /** The FROM/WHERE part of Camunda's task query. */
  private static final Pattern STOCK_FRAGMENT = Pattern.compile(
      "<sql id=\"selectTaskByQueryCriteriaSql\">.*?</sql>", Pattern.DOTALL);
  /** The join on the caller's authorizations (with its ON clause), dropped. */
  private static final Pattern AUTH_JOIN = Pattern.compile(
      "<if test=\"authCheck\\.shouldPerformAuthorizatioCheck &amp;&amp; authCheck\\.authUserId != null\">\\s*"
          + "<if test=\"!authCheck\\.revokeAuthorizationCheckEnabled\">\\s*"
          + "<include refid=\"org\\.camunda\\.bpm\\.engine\\.impl\\.persistence\\.entity\\.AuthorizationEntity"
          + "\\.authCheckJoinWithoutOnClause\"\\s*/>\\s*"
          + "AUTH ON \\(AUTH\\.RESOURCE_ID_ \\$\\{authJoinStart\\} RES\\.ID_ \\$\\{authJoinSeparator\\} D\\.KEY_ "
          + "\\$\\{authJoinSeparator\\} '\\*' \\$\\{authJoinEnd\\}\\)\\s*</if>\\s*</if>");
  /** The WHERE condition on the joined authorizations, replaced by the semi-join. */
  private static final Pattern AUTH_CONDITION = Pattern.compile(
      "<include refid=\"org\\.camunda\\.bpm\\.engine\\.impl\\.persistence\\.entity\\.AuthorizationEntity"
          + "\\.contextualAuthorizationCheck\"\\s*/>");

  private final boolean enabled;

  public TaskQueryAuthorizationPlugin() {
    this(true);
  }

  /** Disabled, Camunda's own task query stays (for a side-by-side measurement). */
  public TaskQueryAuthorizationPlugin(boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl engineConfiguration) {
    if (!enabled) {
      return;
    }
    Configuration mybatis = engineConfiguration.getSqlSessionFactory().getConfiguration();
    // parse() skips a resource already loaded (a SqlSessionFactory shared between engines).
    new XMLMapperBuilder(new ByteArrayInputStream(mapping().getBytes(StandardCharsets.UTF_8)), mybatis, MAPPING,
        mybatis.getSqlFragments()).parse();
    DbSqlSessionFactory sessions = engineConfiguration.getDbSqlSessionFactory();
    // A copy: the engine may share its database type's map with other engines in the JVM.
    Map<String, String> statements = new HashMap<>();
    if (sessions.getStatementMappings() != null) {
      statements.putAll(sessions.getStatementMappings());
    }
    statements.put("selectTaskByQueryCriteria", LIST_STATEMENT);
    statements.put("selectTaskCountByQueryCriteria", COUNT_STATEMENT);
    sessions.setStatementMappings(statements);
  }

  /** The MyBatis mapping with Camunda's task query text adapted into it. */
  static String mapping() {
    String stock = read(STOCK_MAPPING);
    Matcher fragment = STOCK_FRAGMENT.matcher(stock);
    if (!fragment.find()) {
      throw incompatible("no selectTaskByQueryCriteriaSql");
    }
    String from = replaceOnce(fragment.group(), AUTH_JOIN,
        "<!-- HLD Prep: no join on ACT_RU_AUTHORIZATION; see taskAuthorizationSemiJoin -->", "authorization join");
    from = replaceOnce(from, AUTH_CONDITION, "<include refid=\"taskAuthorizationSemiJoin\"/>",
        "contextual authorization check");
    String own = read(MAPPING);
    if (!own.contains(PLACEHOLDER)) {
      throw new IllegalStateException(MAPPING + " lost its placeholder " + PLACEHOLDER);
    }
    return own.replace(PLACEHOLDER, from);
  }

  private static String replaceOnce(String text, Pattern pattern, String replacement, String what) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw incompatible("no " + what);
    }
    String replaced = text.substring(0, matcher.start()) + replacement + text.substring(matcher.end());
    if (pattern.matcher(text.substring(matcher.end())).find()) {
      throw incompatible("more than one " + what);
    }
    return replaced;
  }

  private static IllegalStateException incompatible(String what) {
    return new IllegalStateException("Camunda's task query (" + STOCK_MAPPING + ") is not the one the semi-join"
        + " authorization check was written for (7.24): " + what + ". Compare the new text with"
        + " task-query-authorization.xml, or set hldprep.engine.task-query-semi-join=false.");
  }

  private static String read(String resource) {
    try (InputStream in = TaskQueryAuthorizationPlugin.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing on the classpath: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
