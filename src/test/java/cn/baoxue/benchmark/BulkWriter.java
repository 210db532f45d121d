package cn.baoxue.benchmark;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Writes many rows of one table at once: PostgreSQL's COPY, or JDBC batches elsewhere. */
interface BulkWriter {

  void write(String table, List<String> columns, List<Object[]> rows) throws SQLException;

  /** COPY … FROM STDIN in PostgreSQL's text format. */
  final class Copy implements BulkWriter {
    private final CopyManager copy;

    /**
     * The copies are consistent by construction (copies of consistent cases), so the session skips
     * the foreign-key triggers (session_replication_role, as pg_restore does) and does not wait
     * for each chunk's commit to reach the disk.
     */
    Copy(Connection connection) throws SQLException {
      this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
      try (var statement = connection.createStatement()) {
        statement.execute("set session_replication_role = replica");
        statement.execute("set synchronous_commit = off");
      }
    }

    @Override
    public void write(String table, List<String> columns, List<Object[]> rows) throws SQLException {
      StringBuilder text = new StringBuilder(rows.size() * 200);
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          if (i > 0) {
            text.append('\t');
          }
          append(text, row[i]);
        }
        text.append('\n');
      }
      try {
        copy.copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin", new StringReader(text.toString()));
      } catch (IOException e) {
        throw new SQLException(e);
      }
    }

    private static void append(StringBuilder text, Object value) {
      if (value == null) {
        text.append("\\N");
      } else if (value instanceof Boolean bool) {
        text.append(bool ? 't' : 'f');
      } else if (value instanceof byte[] bytes) {
        text.append("\\\\x").append(HexFormat.of().formatHex(bytes));
      } else if (value instanceof Number || value instanceof java.util.Date) {
        text.append(value);
      } else {
        String string = value.toString();
        for (int i = 0; i < string.length(); i++) {
          char c = string.charAt(i);
          switch (c) {
            case '\\' -> text.append("\\\\");
            case '\t' -> text.append("\\t");
            case '\n' -> text.append("\\n");
            case '\r' -> text.append("\\r");
            default -> text.append(c);
          }
        }
      }
    }
  }

  /** Batched inserts (H2). */
  final class Batch implements BulkWriter {
    private final Connection connection;

    Batch(Connection connection) {
      this.connection = connection;
    }

    @Override
    public void write(String table, List<String> columns, List<Object[]> rows) throws SQLException {
      String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
          + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
      try (PreparedStatement insert = connection.prepareStatement(sql)) {
        for (Object[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            insert.setObject(i + 1, row[i]);
          }
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }
}
