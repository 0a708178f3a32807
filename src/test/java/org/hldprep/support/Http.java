package org.hldprep.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for the ITs: Basic auth as a demo user, JSON in and out. */
public final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final String baseUrl;
  private final String user;
  private final String password;
  private final Map<String, String> headers;

  private Http(String baseUrl, String user, String password) {
    this(baseUrl, user, password, Map.of());
  }

  private Http(String baseUrl, String user, String password, Map<String, String> headers) {
    this.baseUrl = baseUrl;
    this.user = user;
    this.password = password;
    this.headers = headers;
  }

  public static Http anonymous(int port) {
    return new Http("http://localhost:" + port, null, null);
  }

  public static Http as(int port, String user) {
    return new Http("http://localhost:" + port, user, "demo");
  }

  public static Http as(int port, String user, String password) {
    return new Http("http://localhost:" + port, user, password);
  }

  /** The same client, sending this header too (e.g. the Origin a browser would send). */
  public Http withHeader(String name, String value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new Http(baseUrl, user, password, more);
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body))));
  }

  public Response put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body))));
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept",
        "application/json");
    headers.forEach(builder::header);
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      builder.header("Authorization", "Basic " + token);
    }
    return builder;
  }

  private static Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Engine REST variables ({@code {"name": {"value": ...}}}) from plain values; lists, as a Camunda
   * Forms checklist sends them, become JSON variables.
   */
  public static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, value instanceof java.util.List<?>
        ? Map.of("value", write(value), "type", "Json")
        : Map.of("value", value)));
    return variables;
  }

  /** Status, body and headers (names in any case) of one answer; {@link #json()} parses the body. */
  public record Response(int status, String body, Map<String, java.util.List<String>> headers) {
    public Response(int status, String body) {
      this(status, body, Map.of());
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
      }
    }

    /**
     * The body of a 200 as JSON; any other status throws at once (not an AssertionError, so that a test
     * polling with Awaitility's untilAsserted fails on a 500 instead of waiting it out).
     */
    public JsonNode okJson() {
      if (status != 200) {
        throw new IllegalStateException("Expected 200, got " + status + ": " + body);
      }
      return json();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
