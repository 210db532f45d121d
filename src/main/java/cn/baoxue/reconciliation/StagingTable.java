package cn.baoxue.reconciliation;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of one registry file written to its staging table as they are read, many rows to one
 * {@code insert … values (…), (…), …} statement: the same on H2 and PostgreSQL, and on PostgreSQL as
 * fast as the driver's {@code reWriteBatchedInserts} without asking every installation to set it.
 * Only one statement's rows are held at a time.
 */
final class StagingTable implements AutoCloseable {

  /** Rows per statement: 500 × at most 12 columns stays far below PostgreSQL's 32,767 parameters. */
  static final int ROWS_PER_STATEMENT = 500;

  private final JdbcTemplate jdbc;
  private final String insertPrefix;
  private final String rowPlaceholders;
  private final int columns;
  private final List<Object> pending = new ArrayList<>();
  private String fullStatement;
  private int pendingRows;
  private int written;

  StagingTable(JdbcTemplate jdbc, String table, String... columnNames) {
    this.jdbc = jdbc;
    this.columns = columnNames.length;
    this.insertPrefix = "insert into " + table + " (" + String.join(", ", columnNames) + ") values ";
    this.rowPlaceholders = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
  }

  void add(Object... values) {
    if (values.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
    }
    Collections.addAll(pending, values);
    if (++pendingRows == ROWS_PER_STATEMENT) {
      flush();
    }
  }

  void flush() {
    if (pendingRows == 0) {
      return;
    }
    String sql;
    if (pendingRows == ROWS_PER_STATEMENT) {
      if (fullStatement == null) {
        fullStatement = statement(ROWS_PER_STATEMENT);
      }
      sql = fullStatement;
    } else {
      sql = statement(pendingRows);
    }
    Object[] values = pending.toArray();
    // Typed setters, never the driver's guess: a null with an unknown type costs PostgreSQL a round trip.
    jdbc.update(sql, statement -> {
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          statement.setNull(i + 1, Types.VARCHAR);
        } else {
          statement.setObject(i + 1, values[i]);
        }
      }
    });
    written += pendingRows;
    pending.clear();
    pendingRows = 0;
  }

  int written() {
    return written;
  }

  private String statement(int rows) {
    return insertPrefix + String.join(", ", Collections.nCopies(rows, rowPlaceholders));
  }

  @Override
  public void close() {
    flush();
  }
}
