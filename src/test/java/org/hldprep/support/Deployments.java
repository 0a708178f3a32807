package org.hldprep.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Deployments as Camunda Modeler and the webapps send them: a multipart {@code deployment/create}
 * with Basic auth on {@code /engine-rest}, or inside a logged-in webapp session (cookie and CSRF
 * token) on the webapps' engine API.
 */
public final class Deployments {

  private final HttpClient client;
  private final String baseUrl;
  private final String basicAuth;
  private final CookieManager cookies;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private Deployments(int port, String basicAuth, CookieManager cookies) {
    this.baseUrl = "http://localhost:" + port;
    this.basicAuth = basicAuth;
    this.cookies = cookies;
    HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
    this.client = cookies == null ? builder.build() : builder.cookieHandler(cookies).build();
  }

  /** {@code /engine-rest} as a user with password "demo", as Camunda Modeler deploys. */
  public static Deployments engineRest(int port, String user) {
    String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return new Deployments(port, "Basic " + token, null);
  }

  /** The webapps' engine API, after logging in to Cockpit as a user with password "demo". */
  public static Deployments webapp(int port, String user) {
    Deployments session = new Deployments(port, null, new CookieManager());
    session.send(HttpRequest.newBuilder(URI.create(session.baseUrl + "/camunda/app/cockpit/default/")).GET());
    // As Cockpit does: its first read of the webapps' API opens the session and hands out the CSRF token.
    session.send(HttpRequest.newBuilder(URI.create(session.baseUrl + "/camunda/api/admin/auth/user/default")).GET());
    Http.Response login = session.send(session.withCsrf(HttpRequest.newBuilder(
        URI.create(session.baseUrl + "/camunda/api/admin/auth/user/default/login/cockpit")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=demo")));
    if (login.status() != 200) {
      throw new IllegalStateException("Cockpit login of " + user + " failed: " + login);
    }
    // The login starts a new session: its CSRF token comes with the next read.
    session.send(HttpRequest.newBuilder(URI.create(session.baseUrl
        + "/camunda/api/engine/engine/default/deployment/count")).GET());
    return session;
  }

  /** Sends this header with every deployment too (e.g. the Origin a browser would send). */
  public Deployments withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** POST deployment/create with these files (name to content); duplicate filtering as Modeler leaves it, off. */
  public Http.Response create(String deploymentName, Map<String, byte[]> files) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", deploymentName);
    fields.put("deployment-source", "Camunda Modeler");
    return create(fields, files);
  }

  public Http.Response create(Map<String, String> fields, Map<String, byte[]> files) {
    String path = basicAuth != null
        ? "/engine-rest/deployment/create"
        : "/camunda/api/engine/engine/default/deployment/create";
    String boundary = "----hldprep" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> part(body, boundary, "Content-Disposition: form-data; name=\"" + name + "\"",
        value.getBytes(StandardCharsets.UTF_8)));
    files.forEach((name, content) -> part(body, boundary, "Content-Disposition: form-data; name=\"" + name
        + "\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream", content));
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    headers.forEach(request::header);
    return send(basicAuth != null ? request.header("Authorization", basicAuth) : withCsrf(request));
  }

  /** A resource of the test or main classpath, e.g. {@code processes/national-consultation.bpmn}. */
  public static byte[] resource(String name) {
    try (InputStream in = Deployments.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("No resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
    body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
        .map(HttpCookie::getValue).reduce((first, last) -> last).orElse("");
    return request.header("X-XSRF-TOKEN", token);
  }

  private Http.Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Http.Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
