package org.hldprep.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenID Connect provider for the single sign-on ITs: Keycloak's server distribution (unpacked by
 * Maven into target/keycloak, see keycloak.version in pom.xml) run as a process in dev mode on its own H2
 * database, with the realm {@code hldprep} of src/test/resources/sso/hldprep-realm.json imported at start:
 * phl-officer (co-phl), bangkok-ro (ro-bangkok), hld-coordinator (iom-icp), outsider (no HLD Prep group),
 * and the client-credentials clients hld-prep-integration (iom-icp, audience hld-prep) and
 * other-application (no audience hld-prep). Started once per JVM, stopped when the JVM exits; its log is
 * target/keycloak.log.
 *
 * <p>Keycloak 26 needs Java 21 or later: {@code -Dkeycloak.java.home} (set by Failsafe from the Maven
 * property), else the environment variable {@code KEYCLOAK_JAVA_HOME}, else Temurin 25 at its Debian path.
 * Without such a Java the tests fail (never skip) saying so.
 */
public final class Keycloak {

  public static final String REALM = "hldprep";
  public static final String CLIENT_ID = "hld-prep";
  public static final String CLIENT_SECRET = "hld-prep-test-secret";
  private static final String DEFAULT_JAVA = "/usr/lib/jvm/temurin-25-jdk-amd64";
  private static final Duration STARTUP = Duration.ofMinutes(5);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Keycloak running;

  private final int port;
  private final Process process;
  private final Path log;
  private boolean started;

  private Keycloak(int port, Process process, Path log) {
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * The one Keycloak of this JVM, started on first use, without waiting for it: its address is known at
   * once, and the application asks the provider nothing before the first sign-in or token, so the two
   * start side by side.
   */
  public static synchronized Keycloak starting() {
    if (running == null) {
      running = start();
      Keycloak started = running;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
    }
    return running;
  }

  /** The one Keycloak of this JVM, once it answers. */
  public static Keycloak get() {
    Keycloak keycloak = starting();
    keycloak.awaitStarted();
    return keycloak;
  }

  /**
   * The issuer as the application and the browser use it: 127.0.0.1, while the application is served on
   * localhost, so that the provider is another site for the browser, as in production.
   */
  public String issuer() {
    return "http://127.0.0.1:" + port + "/realms/" + REALM;
  }

  public int port() {
    return port;
  }

  /** An access token of a client-credentials client of the realm. */
  public String clientToken(String clientId, String secret) {
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
        .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=" + URLEncoder.encode("client_credentials",
            StandardCharsets.UTF_8)))
        .build();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("No token for " + clientId + ": " + response.body());
      }
      JsonNode body = JSON.readTree(response.body());
      return body.get("access_token").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Keycloak start() {
    Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.7.3"));
    if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException("Keycloak's distribution is not at " + home.toAbsolutePath()
          + ": run the ITs through Maven (mvn verify, or mvn pre-integration-test first), which unpacks it.");
    }
    Path java = javaHome();
    int port = freePort();
    Path log = Path.of("target", "keycloak.log");
    try {
      // A fresh database each run, the realm imported from the test resources.
      Path data = home.resolve("data");
      if (Files.exists(data)) {
        try (Stream<Path> files = Files.walk(data)) {
          files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
      }
      Files.createDirectories(data.resolve("import"));
      try (InputStream realm = Keycloak.class.getResourceAsStream("/sso/hldprep-realm.json")) {
        Files.copy(realm, data.resolve("import/hldprep-realm.json"), StandardCopyOption.REPLACE_EXISTING);
      }
      ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
          "--http-port=" + port, "--import-realm")).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", java.toString());
      // C1 only: a faster start on a busy machine, as for the nodes of TwoNodesIT
      builder.environment().put("JAVA_OPTS_APPEND", "-Xmx512m -XX:TieredStopAtLevel=1");
      return new Keycloak(port, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start Keycloak", e);
    }
  }

  private synchronized void awaitStarted() {
    if (started) {
      return;
    }
    try {
      await().atMost(STARTUP).pollInterval(Duration.ofSeconds(1)).until(() -> {
        if (!process.isAlive()) {
          throw new AssertionError("Keycloak exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
        }
        return discoveryStatus() == 200;
      });
      started = true;
    } catch (RuntimeException | Error e) {
      stop();
      throw e;
    }
  }

  private int discoveryStatus() {
    try {
      return CLIENT.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
          .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The Java Keycloak runs on; fails the test (not skips it) when there is none. */
  static Path javaHome() {
    String configured = System.getProperty("keycloak.java.home");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("KEYCLOAK_JAVA_HOME");
    }
    if (configured == null || configured.isBlank()) {
      configured = DEFAULT_JAVA;
    }
    Path home = Path.of(configured);
    if (!Files.isExecutable(home.resolve("bin/java"))) {
      throw new IllegalStateException("Keycloak 26 needs Java 21 or later, looked for at " + home
          + ": install one and point -Dkeycloak.java.home (or KEYCLOAK_JAVA_HOME) at it.");
    }
    return home;
  }

  private void stop() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
