package org.hldprep.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request sent from a chosen loopback address (127.0.0.x): the login throttle counts by
 * client address, and Java 17's HttpClient cannot choose its own. So a test that drains an address's
 * budget does not slow down the other tests, which call from 127.0.0.1.
 */
public final class FromAddress {

  private FromAddress() {
  }

  public record Answer(int status, Map<String, String> headers, String body) {
  }

  public static Answer get(String localAddress, int port, String path, String user, String password) {
    String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(localAddress, port, "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port
        + "\r\nAuthorization: Basic " + auth + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n");
  }

  public static Answer postForm(String localAddress, int port, String path, String form, String cookies,
      String csrfToken) {
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    return send(localAddress, port, "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port
        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
        + "\r\nCookie: " + cookies + "\r\nX-XSRF-TOKEN: " + csrfToken
        + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n" + form);
  }

  /** A JSON POST with HTTP Basic credentials. */
  public static Answer postJson(String localAddress, int port, String path, String user, String password, String json) {
    String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return send(localAddress, port, "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port
        + "\r\nAuthorization: Basic " + auth + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
        + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n" + json);
  }

  /** A GET without credentials, e.g. to obtain a session and CSRF token. */
  public static Answer open(String localAddress, int port, String path) {
    return send(localAddress, port, "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port
        + "\r\nConnection: close\r\n\r\n");
  }

  private static Answer send(String localAddress, int port, String request) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
      socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String[] head = text.substring(0, end).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        headers.merge(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim(),
            (a, b) -> a + "\n" + b);
      }
      return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, text.substring(end + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
