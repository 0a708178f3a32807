package org.hldprep.security.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.hldprep.platform.input.InputLimits;
import org.hldprep.platform.input.PlainJson;
import org.hldprep.routing.GroupIds;

/**
 * One request to the engine API as the guard's rules see it: who calls, which engine resource, and the
 * body, read at most once (and at most {@value #MAX_BODY_BYTES} bytes) and replayed to the engine.
 *
 * @param path the decoded servlet path, e.g. {@code /engine-rest/task/1/complete}
 * @param enginePath the path below the engine ({@code /task/1/complete}), or null outside the engine API
 * @param webapp true for the webapps' copy of the API (session login), false for {@code /engine-rest}
 */
public final class EngineApiCall {

  public static final int MAX_BODY_BYTES = InputLimits.MAX_BODY_BYTES;
  private static final ObjectMapper JSON = PlainJson.MAPPER;

  private final HttpServletRequest request;
  private final String path;
  private final String enginePath;
  private final boolean webapp;
  private final String userId;
  private final List<String> groups;
  private byte[] body;
  private boolean bodyRead;
  private JsonNode json;
  private boolean jsonParsed;
  private java.util.Set<String> answerFields;

  public EngineApiCall(HttpServletRequest request, String path, String enginePath, boolean webapp, String userId,
      List<String> groups) {
    this.request = request;
    this.path = path;
    this.enginePath = enginePath;
    this.webapp = webapp;
    this.userId = userId;
    this.groups = groups == null ? List.of() : groups;
  }

  public String method() {
    return request.getMethod();
  }

  public boolean isWrite() {
    return !"GET".equals(method()) && !"HEAD".equals(method()) && !"OPTIONS".equals(method());
  }

  public String path() {
    return path;
  }

  public String enginePath() {
    return enginePath;
  }

  public boolean isEngineApi() {
    return enginePath != null;
  }

  public boolean webapp() {
    return webapp;
  }

  /** The caller's user id, null when nobody is logged in. */
  public String userId() {
    return userId;
  }

  public List<String> groups() {
    return groups;
  }

  public boolean isAdmin() {
    return groups.contains(GroupIds.ADMIN);
  }

  public String contentType() {
    return request.getContentType();
  }

  public String queryString() {
    return request.getQueryString();
  }

  public String parameter(String name) {
    // Query string only: reading form parameters would consume a form body.
    String query = request.getQueryString();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq),
          java.nio.charset.StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return eq < 0
            ? ""
            : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** The raw body, or null when it is larger than {@value #MAX_BODY_BYTES} bytes. */
  public byte[] body() throws IOException {
    if (!bodyRead) {
      byte[] read = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
      body = read.length > MAX_BODY_BYTES ? null : read;
      bodyRead = true;
    }
    return body;
  }

  /** The body as JSON: an empty body is an empty object; null when too large or not JSON. */
  public JsonNode json() throws IOException {
    if (!jsonParsed) {
      jsonParsed = true;
      byte[] raw = body();
      if (raw != null) {
        try {
          json = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        } catch (IOException e) {
          json = null;
        }
      }
    }
    return json;
  }

  /** The engine gets this JSON instead of the body sent (a rule took something out of it). */
  public void rewriteBody(JsonNode rewritten) throws IOException {
    body = JSON.writeValueAsBytes(rewritten);
    bodyRead = true;
    json = rewritten;
    jsonParsed = true;
  }

  /** The engine's JSON answer, an object, is to keep these members only (a rule narrowed what is read). */
  public void narrowAnswerTo(java.util.Set<String> fields) {
    answerFields = java.util.Set.copyOf(fields);
  }

  /** The members the answer keeps, or null to pass it as the engine gives it. */
  public java.util.Set<String> answerFields() {
    return answerFields;
  }

  /** True once a rule has read the body: the engine then gets the cached copy. */
  boolean bodyConsumed() {
    return bodyRead;
  }

  /** True when a rule tried to read the body and it was larger than {@value #MAX_BODY_BYTES} bytes. */
  public boolean bodyTooLarge() {
    return bodyRead && body == null;
  }

  byte[] cachedBody() {
    return body == null ? new byte[0] : body;
  }

  HttpServletRequest request() {
    return request;
  }
}
