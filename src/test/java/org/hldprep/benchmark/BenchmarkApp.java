package org.hldprep.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application under test in a JVM of its own: started with the benchmark's JVM settings, timed from
 * the process start to its first REST answer, measured for resident memory, stopped. Each start appends
 * to {@code target/benchmark/<name>.log}.
 */
final class BenchmarkApp {

  final String name;
  final int port;
  final BenchmarkClient client;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path log;
  private final String readyPath;
  private Process process;
  private int starts;

  BenchmarkApp(String name, List<String> jvmArguments, String classpath, String mainClass, List<String> arguments,
      Map<String, String> environment, Path outputDirectory, String readyPath, String user, String password) {
    this.name = name;
    this.port = freePort();
    this.environment = environment;
    this.log = outputDirectory.resolve(name + ".log");
    this.readyPath = readyPath;
    this.client = new BenchmarkClient("http://127.0.0.1:" + port, user, password);
    List<String> all = new ArrayList<>();
    all.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    all.addAll(jvmArguments);
    all.add("-cp");
    all.add(classpath);
    all.add(mainClass);
    all.addAll(arguments);
    all.add("--server.port=" + port);
    this.command = all;
  }

  /** Starts the JVM and waits for its first REST answer; returns the milliseconds that took. */
  double start(List<String> extraJvmArguments) {
    List<String> run = new ArrayList<>(command);
    run.addAll(1, extraJvmArguments);
    ProcessBuilder builder = new ProcessBuilder(run).redirectErrorStream(true)
        .redirectOutput(Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    starts++;
    long t0 = System.nanoTime();
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
    long deadline = t0 + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see " + log);
      }
      if (client.tryGet(readyPath) == 200) {
        return (System.nanoTime() - t0) / 1e6;
      }
      sleep(25);
    }
    throw new IllegalStateException(name + " did not answer within 5 minutes; see " + log);
  }

  int starts() {
    return starts;
  }

  /** Resident set size of the JVM process, in MiB. */
  double rssMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("No VmRSS for " + name);
  }

  /** Stops the JVM the way a service manager does (SIGTERM, then SIGKILL after a minute). */
  void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
