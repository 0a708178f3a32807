package org.hldprep.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.hldprep.security.guard.AccountChangesRule;
import org.hldprep.security.guard.AdminOnlyEndpointsRule;
import org.hldprep.security.guard.AdminSetupRule;
import org.hldprep.security.guard.CockpitPluginRule;
import org.hldprep.security.guard.EngineApiCall;
import org.hldprep.security.guard.EngineApiRule;
import org.hldprep.security.guard.ExpressionQueryRule;
import org.hldprep.security.guard.Refusal;
import org.hldprep.security.guard.SkipFlagsRule;
import org.hldprep.security.guard.StartVariablesRule;
import org.hldprep.security.guard.TaskCompletionRule;
import org.hldprep.security.guard.TaskFormGuard;
import org.hldprep.security.guard.TaskRoutingRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The engine API guard filter itself, with Spring's mock requests: who it takes the caller to be, which
 * engine path it hands the rules, that the first refusal answers in Camunda's error shape and nothing
 * reaches the engine, that a body a rule read is replayed byte for byte, and its 413 and malformed-JSON
 * answers with the rules of the application in the application's order.
 */
class EngineApiGuardFilterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  /** The rules as SecurityConfig builds them; no engine (a test that reaches it fails). */
  private static EngineApiGuardFilter applicationGuard() {
    java.util.function.Supplier<ProcessEngine> noEngine = () -> {
      throw new AssertionError("the engine was asked");
    };
    return new EngineApiGuardFilter(List.of(new AdminSetupRule(() -> true), new CockpitPluginRule(),
        new AccountChangesRule(), new AdminOnlyEndpointsRule(), new SkipFlagsRule(), new StartVariablesRule(),
        new TaskRoutingRule(), new TaskCompletionRule(new TaskFormGuard(noEngine), noEngine),
        new ExpressionQueryRule()));
  }

  private static MockHttpServletRequest request(String method, String servletPath, String pathInfo, String body) {
    MockHttpServletRequest request = new MockHttpServletRequest(method,
        servletPath + (pathInfo == null ? "" : pathInfo));
    request.setServletPath(servletPath);
    request.setPathInfo(pathInfo);
    if (body != null) {
      request.setContentType("application/json");
      request.setContent(body.getBytes(StandardCharsets.UTF_8));
    }
    return request;
  }

  private static void loggedIn(String user, String... groups) {
    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
        java.util.Arrays.stream(groups).map(SimpleGrantedAuthority::new).toList()));
  }

  private record Answer(MockHttpServletResponse response, MockFilterChain chain) {
    int status() {
      return response.getStatus();
    }

    JsonNode json() throws Exception {
      return JSON.readTree(response.getContentAsString());
    }

    boolean passed() {
      return chain.getRequest() != null;
    }
  }

  private static Answer filter(EngineApiGuardFilter guard, MockHttpServletRequest request) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    guard.doFilter(request, response, chain);
    return new Answer(response, chain);
  }

  @Test
  void restCallsAreReadAsTheSpringUserOnTheEnginePathBelowTheEngineName() {
    loggedIn("phl-officer", "co-phl", "staff");
    EngineApiCall call = EngineApiGuardFilter.call(request("GET", "/engine-rest", "/task/1/form", null));
    assertThat(call.enginePath()).isEqualTo("/task/1/form");
    assertThat(call.path()).isEqualTo("/engine-rest/task/1/form");
    assertThat(call.webapp()).isFalse();
    assertThat(call.userId()).isEqualTo("phl-officer");
    assertThat(call.groups()).containsExactly("co-phl", "staff");
    assertThat(EngineApiGuardFilter.call(request("POST", "/engine-rest/engine/default/task/1/complete", null, null))
        .enginePath()).as("the named engine").isEqualTo("/task/1/complete");
    assertThat(EngineApiGuardFilter.call(request("GET", "/engine-rest/engine", null, null)).enginePath())
        .isEqualTo("/engine");
  }

  @Test
  void anUnauthenticatedSpringCallerIsNobody() {
    SecurityContextHolder.getContext().setAuthentication(
        new UsernamePasswordAuthenticationToken("phl-officer", "demo"));
    EngineApiCall call = EngineApiGuardFilter.call(request("GET", "/engine-rest/task", null, null));
    assertThat(call.userId()).isNull();
    assertThat(call.groups()).isEmpty();
    SecurityContextHolder.clearContext();
    assertThat(EngineApiGuardFilter.call(request("GET", "/engine-rest/task", null, null)).userId()).isNull();
  }

  @Test
  void webappCallsAreReadAsTheSessionsUserOfThatEngine() {
    loggedIn("someone-else", "camunda-admin"); // the webapps never use Spring's user
    MockHttpServletRequest request = request("POST", "/camunda/api/engine/engine/default/task/1/complete", null, "{}");
    MockHttpSession session = new MockHttpSession();
    Authentications authentications = new Authentications();
    UserAuthentication user = new UserAuthentication("ken-officer", "default");
    user.setGroupIds(List.of("co-ken"));
    authentications.addOrReplace(user);
    authentications.addOrReplace(new UserAuthentication("other-engine-user", "other"));
    AuthenticationUtil.updateSession(session, authentications);
    request.setSession(session);

    EngineApiCall call = EngineApiGuardFilter.call(request);
    assertThat(call.webapp()).isTrue();
    assertThat(call.enginePath()).isEqualTo("/task/1/complete");
    assertThat(call.userId()).isEqualTo("ken-officer");
    assertThat(call.groups()).containsExactly("co-ken");
    assertThat(call.isAdmin()).isFalse();

    MockHttpServletRequest plugin = request("GET", "/camunda/api/cockpit/plugin/base/other/process-definition", null,
        null);
    plugin.setSession(session);
    EngineApiCall pluginCall = EngineApiGuardFilter.call(plugin);
    assertThat(pluginCall.enginePath()).as("not the engine API").isNull();
    assertThat(pluginCall.userId()).as("the plugin's engine").isEqualTo("other-engine-user");
    assertThat(pluginCall.groups()).isEmpty();

    MockHttpServletRequest admin = request("GET", "/camunda/api/admin/auth/user/default", null, null);
    admin.setSession(session);
    assertThat(EngineApiGuardFilter.call(admin).userId()).as("outside the engine API: the default engine")
        .isEqualTo("ken-officer");
    assertThat(EngineApiGuardFilter.call(request("GET", "/camunda/api/engine/engine/default/task", null, null))
        .userId()).as("no session").isNull();
    MockHttpServletRequest emptySession = request("GET", "/camunda/api/engine/engine/default/task", null, null);
    emptySession.setSession(new MockHttpSession());
    assertThat(EngineApiGuardFilter.call(emptySession).userId()).as("a session without a login").isNull();
  }

  @Test
  void theFirstRefusalAnswersInCamundasShapeAndTheRestAreNotAsked() throws Exception {
    List<String> asked = new ArrayList<>();
    EngineApiRule passes = call -> {
      asked.add("passes");
      return null;
    };
    EngineApiRule refuses = call -> {
      asked.add("refuses");
      return Refusal.forbidden("Not for you.");
    };
    EngineApiRule never = call -> {
      asked.add("never");
      return Refusal.badRequest("second refusal");
    };
    loggedIn("phl-officer", "co-phl");
    Answer answer = filter(new EngineApiGuardFilter(List.of(passes, refuses, never)),
        request("GET", "/engine-rest/task", null, null));
    assertThat(asked).containsExactly("passes", "refuses");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.response().getContentType()).startsWith("application/json");
    assertThat(answer.json().get("type").asText()).isEqualTo("AuthorizationException");
    assertThat(answer.json().get("message").asText()).isEqualTo("Not for you.");
    assertThat(answer.passed()).as("nothing reaches the engine").isFalse();
  }

  @Test
  void anAnonymousCallToEngineRestIsLeftToTheAuthenticationBehind_theWebappsApiStaysChecked() throws Exception {
    List<String> asked = new ArrayList<>();
    EngineApiRule refuses = call -> {
      asked.add(call.path());
      return Refusal.forbidden("Not for you.");
    };
    EngineApiGuardFilter guard = new EngineApiGuardFilter(List.of(refuses));
    for (MockHttpServletRequest anonymous : List.of(request("POST", "/engine-rest/process-instance/delete", null, "{}"),
        request("GET", "/engine-rest/engine/default/process-definition/statistics", null, null))) {
      Answer answer = filter(guard, anonymous);
      assertThat(answer.passed()).as(anonymous.getRequestURI() + ": on to the authentication").isTrue();
      assertThat(answer.chain().getRequest()).isSameAs(anonymous);
    }
    assertThat(asked).as("no rule asked for an anonymous call to /engine-rest").isEmpty();
    Answer setup = filter(guard, request("POST", "/camunda/api/admin/setup/default/user/create", null, "{}"));
    assertThat(setup.status()).isEqualTo(403);
    assertThat(setup.passed()).isFalse();
    assertThat(filter(guard, request("GET", "/camunda/api/engine/engine/default/task", null, null)).status())
        .isEqualTo(403);
    assertThat(asked).containsExactly("/camunda/api/admin/setup/default/user/create",
        "/camunda/api/engine/engine/default/task");
    loggedIn("phl-officer", "co-phl");
    assertThat(filter(guard, request("POST", "/engine-rest/process-instance/delete", null, "{}")).status())
        .as("logged in: the rules answer").isEqualTo(403);
  }

  @Test
  void aRequestNoRuleRefusesReachesTheEngineUntouched_orWithItsBodyReplayed() throws Exception {
    loggedIn("phl-officer", "co-phl");
    MockHttpServletRequest untouched = request("GET", "/engine-rest/task", null, null);
    Answer answer = filter(new EngineApiGuardFilter(List.of(call -> null)), untouched);
    assertThat(answer.passed()).isTrue();
    assertThat(answer.chain().getRequest()).isSameAs(untouched);
    assertThat(answer.status()).isEqualTo(200);

    String body = "{\"variables\":{\"reviewDecision\":{\"value\":\"accept\"}}}";
    EngineApiRule reader = call -> {
      assertThat(call.json().path("variables").has("reviewDecision")).isTrue();
      return null;
    };
    Answer replayed = filter(new EngineApiGuardFilter(List.of(reader, reader)),
        request("POST", "/engine-rest/task/1/complete", null, body));
    HttpServletRequest passedOn = (HttpServletRequest) replayed.chain().getRequest();
    assertThat(passedOn).isNotNull();
    assertThat(new String(passedOn.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(body);
    assertThat(passedOn.getReader().readLine()).as("read again, as a reader").isEqualTo(body);
    assertThat(passedOn.getInputStream().isReady()).isTrue();
    var stream = passedOn.getInputStream();
    assertThat(stream.isFinished()).isFalse();
    stream.readAllBytes();
    assertThat(stream.isFinished()).isTrue();
    assertThat(passedOn.getMethod()).isEqualTo("POST");
  }

  @Test
  void aBodyOverTheLimitThatARuleReadIsRefusedWith413() throws Exception {
    loggedIn("phl-officer", "co-phl");
    String big = "{\"a\":\"" + "x".repeat(EngineApiCall.MAX_BODY_BYTES) + "\"}";
    EngineApiRule reader = call -> {
      assertThat(call.body()).as("too large: no body").isNull();
      assertThat(call.json()).isNull();
      return null;
    };
    EngineApiRule refusesWhatItCannotRead = call -> call.json() == null ? Refusal.badRequest("not JSON") : null;
    Answer answer = filter(new EngineApiGuardFilter(List.of(reader, refusesWhatItCannotRead)),
        request("POST", "/engine-rest/message", null, big));
    assertThat(answer.status()).as("413, not the rule's 400").isEqualTo(413);
    assertThat(answer.json().get("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(answer.json().get("message").asText()).isEqualTo("The request body may not exceed 262144 bytes.");
    assertThat(answer.passed()).isFalse();

    // Exactly at the limit: read whole, passed on whole.
    byte[] atLimit = new byte[EngineApiCall.MAX_BODY_BYTES];
    java.util.Arrays.fill(atLimit, (byte) ' ');
    MockHttpServletRequest limit = request("POST", "/engine-rest/message", null, null);
    limit.setContent(atLimit);
    Answer passed = filter(new EngineApiGuardFilter(List.of(call -> {
      assertThat(call.body()).hasSize(EngineApiCall.MAX_BODY_BYTES);
      return null;
    })), limit);
    assertThat(passed.passed()).isTrue();
    assertThat(((HttpServletRequest) passed.chain().getRequest()).getInputStream().readAllBytes())
        .hasSize(atLimit.length);

    // No rule read the big body: the engine gets it (and applies its own limits).
    Answer unread = filter(new EngineApiGuardFilter(List.of(call -> null)),
        request("POST", "/engine-rest/message", null, big));
    assertThat(unread.passed()).isTrue();
  }

  @Test
  void theApplicationsRulesAnswer413ToAHugeTaskQueryAnd400ToMalformedJson() throws Exception {
    loggedIn("phl-officer", "co-phl");
    EngineApiGuardFilter guard = applicationGuard();
    String huge = "{\"nameLike\":\"" + "x".repeat(EngineApiCall.MAX_BODY_BYTES) + "\"}";
    for (String path : List.of("/engine-rest/task", "/engine-rest/process-definition/key/hld-preparation/start",
        "/engine-rest/task/1/complete", "/engine-rest/task/1/claim")) {
      Answer tooLarge = filter(guard, request("POST", path, null, huge));
      assertThat(tooLarge.status()).as(path).isEqualTo(413);
      assertThat(tooLarge.json().get("message").asText()).as(path)
          .isEqualTo("The request body may not exceed 262144 bytes.");
      assertThat(tooLarge.passed()).isFalse();
    }

    Answer badQuery = filter(guard, request("POST", "/engine-rest/task", null, "{\"nameLike\": "));
    assertThat(badQuery.status()).isEqualTo(400);
    assertThat(badQuery.json().get("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(badQuery.json().get("message").asText()).isEqualTo("The task query body is not valid JSON.");

    Answer badCompletion = filter(guard, request("POST", "/engine-rest/task/1/complete", null, "{variables"));
    assertThat(badCompletion.status()).isEqualTo(400);
    assertThat(badCompletion.json().get("message").asText())
        .isEqualTo("The body must be a JSON object of at most 262144 bytes.");
    Answer arrayCompletion = filter(guard, request("POST", "/engine-rest/task/1/complete", null, "[]"));
    assertThat(arrayCompletion.status()).as("JSON, but not an object").isEqualTo(400);

    Answer badStart = filter(guard, request("POST", "/engine-rest/process-definition/key/hld-preparation/start", null,
        "{\"variables\":"));
    assertThat(badStart.status()).isEqualTo(400);
    assertThat(badStart.json().get("message").asText()).isEqualTo("The body of a process start must be a JSON object.");
    for (Answer answer : List.of(badQuery, badCompletion, arrayCompletion, badStart)) {
      assertThat(answer.passed()).isFalse();
    }

    Answer fine = filter(guard, request("POST", "/engine-rest/task", null, "{\"candidateGroup\":\"co-phl\"}"));
    assertThat(fine.passed()).as("a plain task query goes on").isTrue();
    assertThat(new String(((HttpServletRequest) fine.chain().getRequest()).getInputStream().readAllBytes(),
        StandardCharsets.UTF_8)).isEqualTo("{\"candidateGroup\":\"co-phl\"}");
  }

  @Test
  void theApplicationsRulesInTheirOrder() throws Exception {
    EngineApiGuardFilter guard = applicationGuard();
    // An anonymous webapp call to the first-run setup, once set up.
    Answer setup = filter(guard, request("POST", "/camunda/api/admin/setup/default/user/create", null, "{}"));
    assertThat(setup.status()).isEqualTo(403);
    assertThat(setup.json().get("message").asText()).contains("first-run admin setup is closed");

    loggedIn("phl-officer", "co-phl");
    Answer account = filter(guard, request("PUT", "/engine-rest/user/phl-officer/credentials", null, "{}"));
    assertThat(account.status()).isEqualTo(403);
    assertThat(account.json().get("message").asText()).contains("your own account included");
    Answer metrics = filter(guard, request("GET", "/engine-rest/metrics", null, null));
    assertThat(metrics.json().get("message").asText())
        .isEqualTo("Only members of camunda-admin may use engine metrics.");
    Answer skip = filter(guard, request("POST", "/engine-rest/process-definition/key/x/start", null,
        "{\"skipCustomListeners\":true,\"variables\":{\"a\":{\"value\":1,\"type\":\"Object\"}}}"));
    assertThat(skip.json().get("message").asText()).as("skip flags before start variables")
        .contains("skipCustomListeners");
    Answer typed = filter(guard, request("POST", "/engine-rest/process-definition/key/x/start", null,
        "{\"variables\":{\"a\":{\"value\":1,\"type\":\"Object\"}}}"));
    assertThat(typed.status()).isEqualTo(400);
    Answer links = filter(guard,
        request("POST", "/engine-rest/task/1/identity-links", null, "{\"groupId\":\"co-ken\"}"));
    assertThat(links.status()).isEqualTo(403);
    Answer expression = filter(guard, request("GET", "/engine-rest/task", null, null));
    assertThat(expression.passed()).isTrue();
    MockHttpServletRequest withExpression = request("GET", "/engine-rest/task", null, null);
    withExpression.setQueryString("assigneeExpression=${currentUser()}");
    assertThat(filter(guard, withExpression).status()).isEqualTo(400);

    loggedIn("admin", "camunda-admin");
    assertThat(filter(guard, request("GET", "/engine-rest/metrics", null, null)).passed()).isTrue();
    assertThat(filter(guard, request("PUT", "/engine-rest/user/phl-officer/credentials", null, "{}")).passed())
        .isTrue();
  }

  @Test
  void aNarrowedAnswerKeepsTheAllowedMembersOnly_andPassesAnythingElseAsItCame() throws Exception {
    byte[] variables = "{\"countryCode\":{\"value\":\"PHL\"},\"legalComments\":{\"value\":\"advice\"}}"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(new String(EngineApiGuardFilter.narrowed(variables, java.util.Set.of("countryCode", "summaryLink")),
        StandardCharsets.UTF_8)).isEqualTo("{\"countryCode\":{\"value\":\"PHL\"}}");
    for (String other : List.of("", "[1,2]", "not json", "{\"type\":\"x\"")) {
      byte[] body = other.getBytes(StandardCharsets.UTF_8);
      assertThat(EngineApiGuardFilter.narrowed(body, java.util.Set.of("countryCode"))).as(other).isEqualTo(body);
    }
  }
}
