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
import java.util.List;

/**
 * A browser's session with the Camunda webapps, reduced to what travels on the wire: the session cookie
 * and Camunda's CSRF token (cookie {@code XSRF-TOKEN}, sent back as header {@code X-XSRF-TOKEN}).
 * Requests may go to any node: the session is whatever the cookie names.
 */
public final class WebappSession {

  private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private String sessionCookie;
  private String csrfToken;

  private WebappSession() {}

  /** Opens Tasklist, logs in as Tasklist's login form does, and loads the user as Tasklist then does. */
  public static WebappSession login(int port, String user, String password) {
    WebappSession session = new WebappSession();
    session.send(port, HttpRequest.newBuilder(uri(port, "/camunda/app/tasklist/default/")).GET());
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
    StringBuilder cookies = new StringBuilder();
    if (sessionCookie != null) {
      cookies.append("SESSION=").append(sessionCookie);
    }
    if (csrfToken != null) {
      cookies.append(cookies.isEmpty() ? "" : "; ").append("XSRF-TOKEN=").append(csrfToken);
      builder.header("X-XSRF-TOKEN", csrfToken);
    }
    if (!cookies.isEmpty()) {
      builder.header("Cookie", cookies.toString());
    }
    try {
      HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      List<String> setCookies = response.headers().allValues("Set-Cookie");
      for (String cookie : setCookies) {
        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.contains(";") ? cookie.indexOf(';') : cookie.length());
        if (cookie.startsWith("SESSION=")) {
          sessionCookie = value.isEmpty() ? null : value;
        } else if (cookie.startsWith("XSRF-TOKEN=")) {
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
