package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.cockpit.impl.plugin.resources.BaseRootResource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.hldprep.JaxRsRoutes.Route;
import org.hldprep.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Nobody gets in without logging in: every route of {@code /api} (as Spring MVC maps them, read from the
 * application's own RequestMappingHandlerMapping, so a new controller is covered the day it is added),
 * every route of the engine REST API (read from Camunda's JAX-RS resources: CamundaRestResources, walked
 * through their sub-resource locators, at {@code /engine-rest} and {@code /engine-rest/engine/default}),
 * called without credentials, answers 401 with the authentication error and nothing else; so do the
 * actuator's endpoints but health. Without a webapp session, the webapps' copy of the engine API,
 * Cockpit's plugin API (the base plugin's resources, walked the same way) and the project's own
 * webapp endpoints refuse the call (401, or the guard's 403 before Camunda's login check). No route is called with credentials; each test then checks that the refused calls
 * left nothing behind (see {@link #footprint}).
 */
class AnonymousAccessIT extends PostgresIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]+}");

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  PathMappedEndpoints actuatorEndpoints;

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  FilterService filterService;
  @Autowired
  ManagementService managementService;
  @Autowired
  HistoryService historyService;
  @Autowired
  JdbcTemplate jdbc;

  /**
   * What an anonymous write could have created, changed or removed, counted where other tests' work
   * still running in the background (timers, mails) cannot move the figure: deployments and
   * definitions, their suspension, identities and authorizations, filters, cycles claimed, mail
   * preferences, and what was started since {@code since} (root process instances, standalone tasks,
   * batches). Equal before and after = nothing created, changed or deleted by the refused calls.
   */
  private Map<String, Long> footprint(Instant since) {
    Date from = Date.from(since);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("deployments", repositoryService.createDeploymentQuery().count());
    counts.put("process definitions", repositoryService.createProcessDefinitionQuery().count());
    counts.put("suspended process definitions", repositoryService.createProcessDefinitionQuery().suspended().count());
    counts.put("decision definitions", repositoryService.createDecisionDefinitionQuery().count());
    counts.put("suspended job definitions", managementService.createJobDefinitionQuery().suspended().count());
    counts.put("users", identityService.createUserQuery().count());
    counts.put("groups", identityService.createGroupQuery().count());
    counts.put("tenants", identityService.createTenantQuery().count());
    counts.put("authorizations", authorizationService.createAuthorizationQuery().count());
    counts.put("filters", filterService.createFilterQuery().count());
    counts.put("cycles claimed", jdbc.queryForObject("select count(*) from hldprep_cycle", Long.class));
    counts.put("mail preferences", jdbc.queryForObject("select count(*) from hldprep_mail_preference", Long.class));
    counts.put("root process instances started since", historyService.createHistoricProcessInstanceQuery()
        .rootProcessInstances().startedAfter(from).count());
    counts.put("standalone tasks created since", historyService.createHistoricTaskInstanceQuery()
        .startedAfter(from).list().stream()
        .filter(t -> t.getProcessInstanceId() == null && t.getCaseInstanceId() == null)
        .count());
    counts.put("batches started since", historyService.createHistoricBatchQuery().list().stream()
        .map(HistoricBatch::getStartTime).filter(start -> !start.before(from)).count());
    return counts;
  }

  /** Runs the anonymous calls and checks that they left the footprint as it was. */
  private void leavesNothingBehind(Runnable calls) {
    Instant since = Instant.now().minusSeconds(1);
    Map<String, Long> before = footprint(since);
    calls.run();
    assertThat(footprint(since)).as("what the anonymous calls left behind").isEqualTo(before);
  }

  private record Answer(int status, String body, String contentType, String authenticate) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        return JSON.createObjectNode();
      }
    }
  }

  private Answer call(Route route) {
    HttpRequest.BodyPublisher body = Set.of("POST", "PUT", "PATCH").contains(route.method())
        ? HttpRequest.BodyPublishers.ofString("{}")
        : HttpRequest.BodyPublishers.noBody();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + route.path()))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .method(route.method(), body).build();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("WWW-Authenticate").orElse(""));
    } catch (IOException e) {
      throw new IllegalStateException(route + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The routes Spring MVC maps under these prefixes, each method (all writes and GET where none is named). */
  private Set<Route> springRoutes(String... prefixes) {
    Set<Route> routes = new TreeSet<>(java.util.Comparator.comparing(Route::toString));
    for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<String> patterns = info.getPathPatternsCondition() != null
            ? info.getPathPatternsCondition().getPatternValues()
            : info.getPatternValues();
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : patterns) {
          if (java.util.Arrays.stream(prefixes).noneMatch(pattern::startsWith)) {
            continue;
          }
          String path = TEMPLATE.matcher(pattern).replaceAll("ANON1");
          if (methods.isEmpty()) {
            List.of("GET", "POST", "PUT", "DELETE").forEach(m -> routes.add(new Route(m, path)));
          } else {
            methods.forEach(m -> routes.add(new Route(m.name(), path)));
          }
        }
      }
    }
    return routes;
  }

  /** Every route of Camunda's engine REST API below a root path. */
  private static Set<Route> engineRoutes(String root) {
    Set<Route> routes = new LinkedHashSet<>();
    for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
      routes.addAll(JaxRsRoutes.of(resource, root));
    }
    return routes;
  }

  /** 401 with the Basic challenge and the authentication error: problem+json under /api, Camunda's shape elsewhere. */
  private static void expect401(List<String> wrong, Route route, Answer answer, boolean problemJson) {
    JsonNode json = answer.json();
    boolean ok = answer.status() == 401 && answer.authenticate().equals("Basic realm=\"HLD Prep\"");
    if (ok && problemJson) {
      ok = answer.contentType().startsWith("application/problem+json") && json.path("status").asInt() == 401
          && json.path("detail").asText().startsWith("Authentication required");
    } else if (ok) {
      ok = "AuthenticationException".equals(json.path("type").asText()) && json.size() == 2;
    }
    if (!ok) {
      wrong.add(route + " -> " + answer.status() + " " + abbreviate(answer.body()));
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 160 ? body.substring(0, 160) + "..." : body;
  }

  @Test
  void everyRouteOfApiAnswers401ToAnAnonymousCaller() {
    Set<Route> routes = springRoutes("/api/", "/api");
    assertThat(routes).as("the routes of /api found").hasSizeGreaterThan(25)
        .contains(new Route("GET", "/api/cycles"), new Route("POST", "/api/cycles"),
            new Route("GET", "/api/cycles/ANON1/progress"), new Route("GET", "/api/reference/member-states"),
            new Route("GET", "/api/reference/rcps/ANON1"), new Route("GET", "/api/me"),
            new Route("GET", "/api/admin/mail"), new Route("PUT", "/api/me/notifications"));
    List<String> wrong = new ArrayList<>();
    leavesNothingBehind(() -> routes.forEach(route -> expect401(wrong, route, call(route), true)));
    assertThat(wrong).as("routes of /api that did not answer 401 with the authentication problem").isEmpty();
    // And the OpenAPI document of /api, which names them all.
    List<String> docs = new ArrayList<>();
    expect401(docs, new Route("GET", "/v3/api-docs"), call(new Route("GET", "/v3/api-docs")), false);
    assertThat(docs).isEmpty();
  }

  @Test
  void everyRouteOfTheEngineRestApiAnswers401ToAnAnonymousCaller() {
    Set<Route> routes = new LinkedHashSet<>(engineRoutes("/engine-rest"));
    routes.addAll(engineRoutes("/engine-rest/engine/default"));
    assertThat(routes).as("the routes of Camunda's REST API").hasSizeGreaterThan(500)
        .contains(new Route("GET", "/engine-rest/task"), new Route("POST", "/engine-rest/task/1/complete"),
            new Route("POST", "/engine-rest/process-definition/key/1/start"), new Route("GET", "/engine-rest/metrics"),
            new Route("POST", "/engine-rest/deployment/create"), new Route("GET", "/engine-rest/engine"),
            new Route("GET", "/engine-rest/engine/default/history/process-instance"));
    List<String> wrong = new ArrayList<>();
    leavesNothingBehind(() -> routes.forEach(route -> expect401(wrong, route, call(route), false)));
    assertThat(wrong).as("engine REST routes that did not answer 401 with the authentication error").isEmpty();
  }

  @Test
  void theActuatorOpensHealthAloneAndHealthTellsNoDetails() {
    List<String> wrong = new ArrayList<>();
    Set<String> paths = new TreeSet<>(actuatorEndpoints.getAllPaths());
    assertThat(paths).contains("/actuator/health", "/actuator/info", "/actuator/metrics");
    for (String path : paths) {
      Answer answer = call(new Route("GET", path));
      if (path.equals("/actuator/health")) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).isEqualTo("UP");
        assertThat(answer.json().has("components")).as("no details for an anonymous caller").isFalse();
        assertThat(answer.json().has("details")).isFalse();
      } else {
        expect401(wrong, new Route("GET", path), answer, false);
      }
    }
    for (String path : List.of("/actuator", "/actuator/health/db", "/actuator/metrics/jvm.memory.used",
        "/actuator/env", "/actuator/beans")) {
      expect401(wrong, new Route("GET", path), call(new Route("GET", path)), false);
    }
    expect401(wrong, new Route("POST", "/actuator/health"), call(new Route("POST", "/actuator/health")), false);
    assertThat(wrong).isEmpty();
  }

  @Test
  void theWebappsApisRefuseACallerWithoutASession() {
    Set<Route> routes = new LinkedHashSet<>();
    for (Route route : engineRoutes("/camunda/api/engine/engine/default")) {
      if (route.method().equals("GET")) {
        routes.add(route);
      }
    }
    for (Route route : JaxRsRoutes.of(BaseRootResource.class, "/camunda/api/cockpit")) {
      // The plugins' static assets are public by design: the login page loads them.
      if (route.method().equals("GET") && !route.path().contains("/static/")) {
        routes.add(route);
      }
    }
    springRoutes("/camunda/api/").stream().filter(r -> r.method().equals("GET")).forEach(routes::add);
    assertThat(routes).as("the webapps' API routes").hasSizeGreaterThan(250)
        .contains(new Route("GET", "/camunda/api/engine/engine/default/task"),
            new Route("GET", "/camunda/api/cockpit/plugin/base/1/process-definition/statistics-count"),
            new Route("GET", "/camunda/api/hldprep/notifications"));
    List<String> wrong = new ArrayList<>();
    leavesNothingBehind(() -> {
      for (Route route : routes) {
        Answer answer = call(route);
        // Refused without a session: Camunda's 401, or the guard's 403 before it (the rules also see
        // anonymous calls here); a route the webapps do not serve answers 404. Nothing is shown.
        if (!Set.of(401, 403, 404).contains(answer.status()) || answer.body().contains("\"id\"")) {
          wrong.add(route + " -> " + answer.status() + " " + abbreviate(answer.body()));
        }
      }
    });
    assertThat(wrong).as("webapp API routes that did not refuse an anonymous caller").isEmpty();
  }
}
