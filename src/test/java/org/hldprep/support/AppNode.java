package org.hldprep.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One node of HLD Prep as a child JVM: the packaged application ({@code target/hld-prep-*.jar}, built
 * by {@code package} before Failsafe runs) in the demo profile on a PostgreSQL database of the test.
 * Two Camunda Spring Boot applications cannot share one JVM (static engine registry, REST engine
 * lookup), and a node that is killed must really die. Its log goes to {@code target/nodes/}. Every node
 * is killed when its test ends ({@link #close}) and, should that be skipped, when the test JVM exits.
 */
public final class AppNode implements AutoCloseable {

  private static final Set<AppNode> RUNNING = ConcurrentHashMap.newKeySet();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** The machine is shared by several builds: a node may need minutes to start. */
  private static final Duration STARTUP = Duration.ofMinutes(5);

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(AppNode::kill)));
  }

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;

  private AppNode(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts a node on the database and waits until {@code /actuator/health} answers UP.
   *
   * @param name names the log file, e.g. {@code TwoNodesIT-a}
   * @param extraArguments further {@code --key=value} application arguments
   */
  public static AppNode start(String name, String jdbcUrl, String... extraArguments) {
    int port = freePort();
    Path log = Path.of("target", "nodes", name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-jar", applicationJar().toString(),
        "--spring.profiles.active=demo",
        "--server.port=" + port,
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--spring.datasource.driver-class-name=org.postgresql.Driver",
        // Timers that fall due are picked up within a second, not after the default back-off.
        "--camunda.bpm.job-execution.wait-time-in-millis=300",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--spring.datasource.hikari.connection-timeout=2000",
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    command.addAll(List.of(extraArguments));
    Process process;
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "");
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start node " + name, e);
    }
    AppNode node = new AppNode(name, port, log, process);
    RUNNING.add(node);
    try {
      await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).until(() -> {
        if (!process.isAlive()) {
          throw new AssertionError("Node " + name + " exited with " + process.exitValue() + "; log: " + log
              + "\n" + node.logTail());
        }
        return node.healthStatus() == 200;
      });
    } catch (RuntimeException | Error e) {
      node.kill();
      throw e;
    }
    return node;
  }

  public int port() {
    return port;
  }

  public String name() {
    return name;
  }

  public Http as(String user) {
    return Http.as(port, user);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Status of {@code GET /actuator/health}, or -1 when nothing answers. */
  public int healthStatus() {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
          .timeout(Duration.ofSeconds(30)).GET().build();
      return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Graceful stop, as an operator stops the service (SIGTERM); killed if it does not end in time. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
    RUNNING.remove(this);
  }

  /** Loss of the node: SIGKILL, no shutdown of any kind. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(this);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static Path applicationJar() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("hld-prep-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException(
              "No target/hld-prep-*.jar: these tests start the packaged application; run them with mvn verify"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name + " (port " + port + ")";
  }
}
