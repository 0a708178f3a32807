package org.hldprep.platform.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hldprep.platform.input.PlainJson;
import org.springframework.http.HttpStatus;

/**
 * Error bodies written outside Spring MVC (security chains, guard, throttle): {@code /api} answers RFC 9457
 * {@code application/problem+json}, as its controllers do; the engine REST API and the webapps keep
 * Camunda's own shape {@code {"type": ..., "message": ...}}, which Camunda's clients parse.
 */
public final class JsonErrors {

  private static final ObjectMapper MAPPER = PlainJson.MAPPER;

  private JsonErrors() {
  }

  /** Camunda's shape. */
  public static void write(HttpServletResponse response, int status, String type, String message)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    send(response, status, "application/json", body);
  }

  /** The shape the request's path calls for: problem+json under /api, Camunda's elsewhere. */
  public static void write(HttpServletRequest request, HttpServletResponse response, int status, String type,
      String message) throws IOException {
    if (isApi(request)) {
      problem(response, status, message, request.getRequestURI());
    } else {
      write(response, status, type, message);
    }
  }

  /** RFC 9457 problem details, as Spring's {@code ProblemDetail} serializes them. */
  public static void problem(HttpServletResponse response, int status, String detail, String instance)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    HttpStatus known = HttpStatus.resolve(status);
    body.put("title", known == null ? "Error" : known.getReasonPhrase());
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", instance);
    send(response, status, "application/problem+json", body);
  }

  static boolean isApi(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.equals("/api") || path.startsWith("/api/");
  }

  private static void send(HttpServletResponse response, int status, String contentType, Map<String, Object> body)
      throws IOException {
    response.setStatus(status);
    response.setContentType(contentType);
    response.setCharacterEncoding("UTF-8");
    MAPPER.writeValue(response.getOutputStream(), body);
  }
}
