package org.hldprep.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser's session with the Camunda webapps, reduced to what travels on the wire: its cookies (the
 * session cookie, whatever its name) and Camunda's CSRF token (cookie {@code XSRF-TOKEN}, sent back as header {@code X-XSRF-TOKEN}).
 * Requests may go to any node: the session is whatever the cookie names.
 */
public final class NodeWebappSession {

  private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Cookies by name, as a browser keeps them for this site (the session cookie, XSRF-TOKEN). */
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrfToken;

  private NodeWebappSession() {
  }

  /** Opens Tasklist, logs in as Tasklist's login form does, and loads the user as Tasklist then does. */
  public static NodeWebappSession login(int port, String user, String password) {
    NodeWebappSession session = new NodeWebappSession();
    session.send(port, HttpRequest.newBuilder(uri(port, "/camunda/app/tasklist/default/")).GET());
    // As Tasklist does: its first read of the webapps' API opens the session and hands out the CSRF token.
    session.send(port, HttpRequest.newBuilder(uri(port, "/camunda/api/admin/auth/user/default")).GET());
    Http.Response loggedIn = session.send(port, HttpRequest.newBuilder(
        uri(port, "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
    if (loggedIn.status() != 200) {
      throw new IllegalStateException("Login of " + user + " refused: " + loggedIn);
    }
    session.get(port, "/camunda/api/admin/auth/user/default");
    return session;
  }

  public Http.Response get(int port, String path) {
    return send(port, HttpRequest.newBuilder(uri(port, path)).header("Accept", "application/json").GET());
  }

  public Http.Response post(int port, String path, Object body) {
    try {
      return send(port, HttpRequest.newBuilder(uri(port, path)).header("Accept", "application/json")
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Http.Response send(int port, HttpRequest.Builder builder) {
    if (csrfToken != null) {
      builder.header("X-XSRF-TOKEN", csrfToken);
    }
    if (!cookies.isEmpty()) {
      builder.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
          .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      for (String cookie : response.headers().allValues("Set-Cookie")) {
        String pair = cookie.contains(";") ? cookie.substring(0, cookie.indexOf(';')) : cookie;
        String name = pair.substring(0, pair.indexOf('=')).trim();
        String value = pair.substring(pair.indexOf('=') + 1).trim();
        if (value.isEmpty()) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
        if (name.equals("XSRF-TOKEN") && !value.isEmpty()) {
          csrfToken = value;
        }
      }
      response.headers().firstValue("X-XSRF-TOKEN").filter(t -> !t.equals("Required")).ifPresent(t -> csrfToken = t);
      return new Http.Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static URI uri(int port, String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
