package org.hldprep.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.hldprep.assignment.GroupIds;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Defence in depth for advisories against Camunda 7.24.0 CE, which will never be patched. Applies to
 * {@code /engine-rest} and to the webapps' own copy of the engine API under {@code /camunda/api/engine}:
 * <ul>
 *   <li>the first-run admin setup is refused whenever an administrator exists (CVE-2026-77226);</li>
 *   <li>ad-hoc task queries carrying an expression ({@code ${} or {@code #{}) in any field, orQueries
 *       included, are refused with 400 before they reach the engine (CVE-2026-109432);</li>
 *   <li>only {@code camunda-admin} may create, change or delete filters (stored queries, where
 *       expressions legitimately live) and deployments;</li>
 *   <li>a task completion carries exactly the fields of the task's form ({@link TaskFormGuard}), and a
 *       task's variables are not written any other way by anyone but an administrator.</li>
 * </ul>
 */
public class EngineApiGuardFilter extends OncePerRequestFilter {

  static final int MAX_QUERY_BODY_BYTES = 256 * 1024;

  private static final Pattern REST_API = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?(/.*)$");
  private static final Pattern WEBAPP_API = Pattern.compile("^/camunda/api/engine/engine/([^/]+)(/.*)$");
  private static final String ADMIN_SETUP = "/camunda/api/admin/setup/";
  private static final Pattern TASK_QUERY = Pattern.compile("^/(task(/count)?|filter/[^/]+/(list|count|singleResult))/?$");
  private static final Pattern FILTER_WRITE = Pattern.compile("^/filter/(create|[^/]+)/?$");
  private static final Pattern DEPLOYMENT_WRITE = Pattern.compile("^/deployment/(create|[^/]+(/redeploy)?)/?$");
  private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "DELETE", "PATCH");
  private static final Pattern TASK_COMPLETION = Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve)/?$");
  private static final Pattern TASK_VARIABLE_WRITE = Pattern.compile("^/task/[^/]+/(variables|localVariables)(/.*)?$");

  /** Looked up on first use: the engine must not be built while the servlet container starts. */
  private final Supplier<IdentityService> identityService;
  private final TaskFormGuard taskFormGuard;
  private final ObjectMapper objectMapper = new ObjectMapper();

  public EngineApiGuardFilter(Supplier<IdentityService> identityService, TaskFormGuard taskFormGuard) {
    this.identityService = identityService;
    this.taskFormGuard = taskFormGuard;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // The decoded path, as the servlets see it (/engine-rest/%74ask is /engine-rest/task).
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());

    if (path.startsWith(ADMIN_SETUP)) {
      if (adminExists()) {
        JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
            "The first-run admin setup is closed: an administrator already exists.");
        return;
      }
      chain.doFilter(request, response);
      return;
    }

    String enginePath;
    String callerId;
    List<String> callerGroups;
    Matcher rest = REST_API.matcher(path);
    Matcher webapp = WEBAPP_API.matcher(path);
    if (rest.matches()) {
      enginePath = rest.group(1);
      callerId = springUser();
      callerGroups = springGroups();
    } else if (webapp.matches()) {
      enginePath = webapp.group(2);
      UserAuthentication user = webappUser(request.getSession(false), webapp.group(1));
      callerId = user == null ? null : user.getIdentityId();
      callerGroups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    } else {
      chain.doFilter(request, response);
      return;
    }

    String method = request.getMethod();
    if (WRITE_METHODS.contains(method) && isAdminOnlyWrite(method, enginePath)
        && !callerGroups.contains(GroupIds.ADMIN)) {
      JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
          "Only members of camunda-admin may create, change or delete filters and deployments.");
      return;
    }

    boolean admin = callerGroups.contains(GroupIds.ADMIN);
    if (!admin && WRITE_METHODS.contains(method) && TASK_VARIABLE_WRITE.matcher(enginePath).matches()) {
      JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
          "A task's variables change only through its form, when the task is completed.");
      return;
    }
    Matcher completion = TASK_COMPLETION.matcher(enginePath);
    if (!admin && callerId != null && "POST".equals(method) && completion.matches()) {
      byte[] body = readBody(request.getInputStream());
      JsonNode json = body == null ? null : parse(body);
      if (json == null) {
        JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequest",
            "The body of a task completion must be a JSON object of at most " + MAX_QUERY_BODY_BYTES + " bytes.");
        return;
      }
      String refusal = taskFormGuard.refusal(completion.group(1), json.get("variables"), callerId, callerGroups);
      if (refusal != null) {
        JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequest", refusal);
        return;
      }
      chain.doFilter(new CachedBodyRequest(request, body), response);
      return;
    }

    if (TASK_QUERY.matcher(enginePath).matches()) {
      if (containsExpression(request.getQueryString())) {
        refuseExpression(response);
        return;
      }
      if ("POST".equals(method)) {
        byte[] body = readBody(request.getInputStream());
        if (body == null) {
          JsonErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequest",
              "A task query body may not exceed " + MAX_QUERY_BODY_BYTES + " bytes.");
          return;
        }
        if (body.length > 0) {
          JsonNode json;
          try {
            json = objectMapper.readTree(body);
          } catch (IOException e) {
            JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequest",
                "The task query body is not valid JSON.");
            return;
          }
          if (containsExpression(json)) {
            refuseExpression(response);
            return;
          }
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean isAdminOnlyWrite(String method, String enginePath) {
    Matcher filter = FILTER_WRITE.matcher(enginePath);
    if (filter.matches()) {
      return "create".equals(filter.group(1)) ? "POST".equals(method) : !"POST".equals(method);
    }
    return DEPLOYMENT_WRITE.matcher(enginePath).matches();
  }

  private boolean adminExists() {
    // Any member of camunda-admin, or any user at all: HLD Prep never runs with users but no admin
    // (production refuses to start without one), so an existing user means setup is over.
    return identityService.get().createUserQuery().memberOfGroup(GroupIds.ADMIN).count() > 0
        || identityService.get().createUserQuery().count() > 0;
  }

  private static List<String> springGroups() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null) {
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

  /** A JSON object, an empty body as an empty object, anything else null. */
  private JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return objectMapper.createObjectNode();
    }
    try {
      JsonNode json = objectMapper.readTree(body);
      return json != null && json.isObject() ? json : null;
    } catch (IOException e) {
      return null;
    }
  }

  static boolean containsExpression(String text) {
    if (text == null) {
      return false;
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // A malformed escape may hide an expression from this check but not from the REST layer's
      // own, more lenient decoding: refuse it (fail closed).
      return true;
    }
    return hasExpressionMarker(text) || hasExpressionMarker(decoded);
  }

  static boolean containsExpression(JsonNode node) {
    if (node.isTextual()) {
      return hasExpressionMarker(node.textValue());
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (hasExpressionMarker(field.getKey()) || containsExpression(field.getValue())) {
          return true;
        }
      }
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (containsExpression(element)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasExpressionMarker(String value) {
    return value.contains("${") || value.contains("#{");
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_QUERY_BODY_BYTES + 1);
    return body.length > MAX_QUERY_BODY_BYTES ? null : body;
  }

  private static void refuseExpression(HttpServletResponse response) throws IOException {
    JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequest",
        "Task queries may not contain expressions (${...} or #{...}); use a filter for stored queries.");
  }
}
