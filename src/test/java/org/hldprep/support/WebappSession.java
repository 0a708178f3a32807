package org.hldprep.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A browser-like session with the webapps over HTTP: the session and CSRF cookies Camunda sets, the
 * X-XSRF-TOKEN header on writes, the login form. No JavaScript, no browser.
 */
public final class WebappSession {

  /**
   * The webapps' session cookie: Spring Session's, since the sessions live in the database (README,
   * Guarantees); the container's JSESSIONID is not used.
   */
  public static final String SESSION_COOKIE = "SESSION";

  private final String base;
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private String sessionCookie;
  private String csrfToken;
  /** The Set-Cookie headers of the last answer. */
  public List<String> lastSetCookies = List.of();

  public WebappSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Opens Tasklist (session and CSRF token), then logs in through the webapps' login form. */
  public Http.Response login(String user, String password) {
    get("/camunda/app/tasklist/default/");
    get("/camunda/api/admin/auth/user/default");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(request("/camunda/api/admin/auth/user/default/login/tasklist", csrfToken)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  public Http.Response get(String path) {
    return send(request(path, null).GET());
  }

  public Http.Response post(String path, String json) {
    return postWithToken(path, json, csrfToken);
  }

  public Http.Response postWithToken(String path, String json, String token) {
    return send(request(path, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public String csrfToken() {
    return csrfToken;
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
    StringBuilder cookies = new StringBuilder();
    if (sessionCookie != null) {
      cookies.append(sessionCookie);
    }
    if (csrfToken != null) {
      cookies.append(cookies.isEmpty() ? "" : "; ").append("XSRF-TOKEN=").append(csrfToken);
    }
    if (!cookies.isEmpty()) {
      builder.header("Cookie", cookies.toString());
    }
    if (token != null) {
      builder.header("X-XSRF-TOKEN", token);
    }
    return builder;
  }

  private Http.Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      lastSetCookies = response.headers().allValues("Set-Cookie");
      for (String cookie : lastSetCookies) {
        String pair = cookie.split(";", 2)[0];
        if (pair.startsWith(SESSION_COOKIE + "=")) {
          sessionCookie = pair;
        }
        if (pair.startsWith("XSRF-TOKEN=")) {
          csrfToken = pair.substring("XSRF-TOKEN=".length());
        }
      }
      Optional<String> header = response.headers().firstValue("X-XSRF-TOKEN");
      header.filter(h -> !"Required".equals(h)).ifPresent(h -> csrfToken = h);
      return new Http.Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
