package cn.baoxue.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on the PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth), created
 * for one test class and dropped after it. Where no PostgreSQL answers, the test is skipped with a
 * message — unless BAOXUE_REQUIRE_POSTGRES=true (.ci/run), where that is a failure.
 */
public final class PostgresDatabase implements AutoCloseable {

  public static final String HOST = "127.0.0.1";
  public static final int PORT = 5432;
  private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";

  private final String name;

  private PostgresDatabase(String name) {
    this.name = name;
  }

  public static PostgresDatabase create(String purpose) {
    String name = "baoxue_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
        Statement statement = admin.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      String message = "PostgreSQL at " + HOST + ":" + PORT + " is not reachable (" + e.getMessage() + ")";
      if (Boolean.parseBoolean(System.getenv("BAOXUE_REQUIRE_POSTGRES"))) {
        Assertions.fail(message + "; BAOXUE_REQUIRE_POSTGRES=true makes these tests mandatory");
      }
      Assumptions.abort(message + ": skipping the PostgreSQL tests");
    }
    return new PostgresDatabase(name);
  }

  public String name() {
    return name;
  }

  /** The JDBC URL through the given host and port (the database itself, or a link to it). */
  public String url(String host, int port) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(HOST, PORT), "postgres", "");
  }

  @Override
  public void close() throws SQLException {
    try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
        Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
    }
  }
}
