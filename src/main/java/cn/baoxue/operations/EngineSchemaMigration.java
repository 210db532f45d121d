package cn.baoxue.operations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Camunda's own tables as a Flyway migration, so that the engine never alters the schema
 * at start-up ({@code schema-update: false}) and every change to a production database is a
 * versioned, reviewed step in {@code flyway_schema_history}. It runs the create scripts that ship
 * inside the pinned {@code camunda-engine} jar for the database at hand; an engine upgrade adds a
 * later migration that runs Camunda's {@code <db>_engine_<from>_to_<to>.sql} the same way.
 *
 * <p>A database whose engine tables already exist (one the engine created itself, before Baoxue
 * managed the schema) is adopted as it is.
 */
public class EngineSchemaMigration extends NumberedJavaMigration {

  static final String ENGINE_VERSION = "7.24.0";
  private static final Logger log = LoggerFactory.getLogger(EngineSchemaMigration.class);
  private static final String SCRIPTS = "org/camunda/bpm/engine/db/create/activiti.%s.create.%s.sql";

  /** Camunda's own order: runtime, history, identity, then CMMN and DMN. */
  private static final List<String> COMPONENTS =
      List.of("engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

  public EngineSchemaMigration() {
    super("7", "Camunda engine " + ENGINE_VERSION + " schema");
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (engineTablesExist(connection)) {
      log.info("Camunda engine tables exist already; adopting them as schema version 7");
      return;
    }
    String database = camundaDatabaseType(connection);
    try (Statement statement = connection.createStatement()) {
      for (String component : COMPONENTS) {
        for (String sql : statements(String.format(SCRIPTS, database, component))) {
          statement.execute(sql);
        }
      }
    }
    log.info("Created the Camunda engine {} schema on {}", ENGINE_VERSION, database);
  }

  private static boolean engineTablesExist(Connection connection) throws SQLException {
    for (String name : List.of("ACT_GE_PROPERTY", "act_ge_property")) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static String camundaDatabaseType(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    if (product.equalsIgnoreCase("H2")) {
      return "h2";
    }
    if (product.equalsIgnoreCase("PostgreSQL")) {
      return "postgres";
    }
    throw new IllegalStateException("Baoxue runs on H2 or PostgreSQL, not on " + product);
  }

  /** Camunda's scripts: "--" comment lines, one statement per ";"-terminated line group. */
  static List<String> statements(String resource) throws IOException {
    InputStream in = EngineSchemaMigration.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Missing Camunda schema script " + resource);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("--")) {
          continue;
        }
        current.append(line).append('\n');
        if (trimmed.endsWith(";")) {
          String sql = current.toString().trim();
          statements.add(sql.substring(0, sql.length() - 1));
          current.setLength(0);
        }
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException("Unterminated statement at the end of " + resource);
    }
    return statements;
  }
}
