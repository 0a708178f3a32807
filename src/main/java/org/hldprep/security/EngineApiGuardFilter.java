package org.hldprep.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.hldprep.platform.api.JsonErrors;
import org.hldprep.platform.input.PlainJson;
import org.hldprep.security.guard.EngineApiCall;
import org.hldprep.security.guard.EngineApiRule;
import org.hldprep.security.guard.GuardedRequests;
import org.hldprep.security.guard.Refusal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine API's own guard, in front of {@code /engine-rest} and of the webapps' copy of it under
 * {@code /camunda/api/engine} (and the rest of {@code /camunda/api}): works out who calls which engine
 * resource, then asks each rule in turn ({@code org.hldprep.security.guard}, one class per policy). The
 * first refusal answers, in the engine REST API's error shape; a body a rule has read is replayed, and an
 * answer a rule narrowed keeps only the members it allows.
 */
public class EngineApiGuardFilter extends OncePerRequestFilter {

  private static final Pattern REST_API = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?(/.*)$");
  private static final Pattern WEBAPP_API = Pattern.compile("^/camunda/api/engine/engine/([^/]+)(/.*)$");
  private static final Pattern WEBAPP_PLUGIN_API = Pattern
      .compile("^/camunda/api/(cockpit|tasklist|admin)/plugin/[^/]+/([^/]+)(/.*)?$");

  private static final ObjectMapper JSON = PlainJson.MAPPER;

  private final List<EngineApiRule> rules;

  public EngineApiGuardFilter(List<EngineApiRule> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    EngineApiCall call = call(request);
    if (call.userId() == null && !call.webapp()) {
      // Nobody logged in on /engine-rest: Spring's authentication behind this filter answers 401 to every
      // route; a rule's 403 would tell an anonymous caller what the API holds. The webapps' API keeps the
      // rules for anonymous callers too (the first-run setup, expressions) before Camunda's own login check.
      chain.doFilter(request, response);
      return;
    }
    for (EngineApiRule rule : rules) {
      Refusal refusal = rule.check(call);
      // A body too large to check is answered as such, whatever the rule made of its absence.
      if (call.bodyTooLarge()) {
        JsonErrors.write(response, 413, "InvalidRequestException",
            "The request body may not exceed " + EngineApiCall.MAX_BODY_BYTES + " bytes.");
        return;
      }
      if (refusal != null) {
        JsonErrors.write(response, refusal.status(), refusal.type(), refusal.message());
        return;
      }
    }
    if (call.answerFields() == null) {
      chain.doFilter(GuardedRequests.replayed(call), response);
      return;
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(GuardedRequests.replayed(call), answer);
    byte[] body = narrowed(answer.getContentAsByteArray(), call.answerFields());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** A JSON object answer with only these members; anything else (an error, not JSON) as it came. */
  static byte[] narrowed(byte[] body, Set<String> fields) throws IOException {
    JsonNode json;
    try {
      json = body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException e) {
      return body;
    }
    if (!(json instanceof ObjectNode object)) {
      return body;
    }
    object.retain(fields);
    return JSON.writeValueAsBytes(object);
  }

  static EngineApiCall call(HttpServletRequest request) {
    // The decoded path, as the servlets see it (/engine-rest/%74ask is /engine-rest/task).
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    Matcher rest = REST_API.matcher(path);
    if (rest.matches()) {
      return new EngineApiCall(request, path, rest.group(1), false, springUser(), springGroups());
    }
    Matcher webapp = WEBAPP_API.matcher(path);
    Matcher plugin = WEBAPP_PLUGIN_API.matcher(path);
    String engineName = webapp.matches() ? webapp.group(1) : plugin.matches() ? plugin.group(2) : "default";
    UserAuthentication user = webappUser(request.getSession(false), engineName);
    return new EngineApiCall(request, path, webapp.matches() ? webapp.group(2) : null, true,
        user == null ? null : user.getIdentityId(),
        user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds());
  }

  private static List<String> springGroups() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      return List.of();
    }
    return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }

  private static String springUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null || !authentication.isAuthenticated() ? null : authentication.getName();
  }

  private static UserAuthentication webappUser(HttpSession session, String engineName) {
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    return authentications.getAuthentications().stream()
        .filter(a -> engineName.equals(a.getProcessEngineName())).findFirst().orElse(null);
  }
}
