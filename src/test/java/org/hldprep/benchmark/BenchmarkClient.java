package org.hldprep.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** HTTP/1.1 with keep-alive against one application; Basic credentials per call when given. */
final class BenchmarkClient {

  static final ObjectMapper JSON = new ObjectMapper();
  /** What Tasklist's HTTP client sends as Accept. */
  static final String HAL = "application/hal+json, application/json; q=0.5";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;
  private final String user;
  private final String password;

  BenchmarkClient(String baseUrl, String user, String password) {
    this.baseUrl = baseUrl;
    this.user = user;
    this.password = password;
  }

  record Response(int status, String body, long nanos) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
      }
    }

    Response expect(int expected, String what) {
      if (status != expected) {
        throw new IllegalStateException(what + ": expected " + expected + ", got " + status + " " + body);
      }
      return this;
    }
  }

  Response get(String path, String asUser) {
    return send(request(path, asUser, "application/json").GET());
  }

  Response post(String path, Object body, String asUser) {
    return post(path, body, asUser, "application/json");
  }

  Response post(String path, Object body, String asUser, String accept) {
    return send(request(path, asUser, accept).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body))));
  }

  Response put(String path, Object body, String asUser) {
    return send(request(path, asUser, "application/json").header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body))));
  }

  /** The status of a GET as the client's own user, or -1 while nothing listens. */
  int tryGet(String path) {
    try {
      return http.send(request(path, user, "application/json").timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (ConnectException e) {
      return -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The user the client authenticates as unless a call names another (null: none). */
  String user() {
    return user;
  }

  private HttpRequest.Builder request(String path, String asUser, String accept) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept)
        .timeout(Duration.ofMinutes(5));
    if (asUser != null) {
      String secret = asUser.equals(user) ? password : BenchmarkUsers.password(asUser);
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((asUser + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private Response send(HttpRequest.Builder builder) {
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), System.nanoTime() - t0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
