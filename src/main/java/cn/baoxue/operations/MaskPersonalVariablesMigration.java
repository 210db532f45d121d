package cn.baoxue.operations;

import cn.baoxue.workflow.PersonalVariables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema version 11: a database written by an earlier release holds the personal start variables
 * ({@link PersonalVariables}: ID number, guardian's phone, birth date) in full in Camunda's
 * runtime and history tables, where every engine query could read them. This step masks them in
 * place with the same masks the engine now applies itself, so that open cases go on exactly as
 * before (nothing in the model reads them) and the history reads as if it had been written masked.
 *
 * <p>A Java migration rather than SQL: the masks are {@code PersonalDataPolicy}'s and live once;
 * Flyway runs it after version 7 has created (or adopted) the engine's tables and before the engine
 * starts. Masking is idempotent, so running it again, or on a database already masked, changes
 * nothing. The rows are read and written through JDBC with plain SQL that H2 and PostgreSQL share.
 */
public class MaskPersonalVariablesMigration extends NumberedJavaMigration {

  private static final Logger log = LoggerFactory.getLogger(MaskPersonalVariablesMigration.class);

  /** Each table with the column naming the value's type. */
  private static final List<String[]> TABLES = List.of(
      new String[] {"ACT_RU_VARIABLE", "TYPE_"},
      new String[] {"ACT_HI_VARINST", "VAR_TYPE_"},
      new String[] {"ACT_HI_DETAIL", "VAR_TYPE_"});

  public MaskPersonalVariablesMigration() {
    super("11", "mask personal data in Camunda variables");
  }

  @Override
  public void migrate(Context context) throws Exception {
    int masked = maskAll(context.getConnection());
    log.info("Masked {} personal variable values in the engine's runtime and history tables", masked);
  }

  /** Masks every row of the personal variables still in full; returns how many rows it changed. */
  public static int maskAll(Connection connection) throws SQLException {
    int changed = 0;
    for (String[] table : TABLES) {
      changed += mask(connection, table[0], table[1]);
    }
    return changed;
  }

  private static int mask(Connection connection, String table, String typeColumn) throws SQLException {
    String names = PersonalVariables.NAMES.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    List<String[]> updates = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
            "select ID_, NAME_, " + typeColumn + ", TEXT_, LONG_ from " + table + " where NAME_ in (" + names + ")");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String name = rows.getString(2);
        String type = rows.getString(3);
        String text = rows.getString(4);
        long millis = rows.getLong(5);
        String value = text == null && !rows.wasNull() && "date".equals(type)
            ? Instant.ofEpochMilli(millis).atZone(ZoneId.systemDefault()).toLocalDate().toString()
            : text;
        if (value == null) {
          continue; // no value, or one in a byte array: nothing in the text columns to mask
        }
        // A number or a date becomes the masked string it stands for; a form field (no type) stays one.
        String maskedType = type == null ? null : "string";
        String masked = PersonalVariables.masked(name, value);
        if (!masked.equals(text) || !Objects.equals(maskedType, type)) {
          updates.add(new String[] {maskedType, masked, rows.getString(1)});
        }
      }
    }
    if (updates.isEmpty()) {
      return 0;
    }
    try (PreparedStatement update = connection.prepareStatement(
        "update " + table + " set " + typeColumn + " = ?, TEXT_ = ?, TEXT2_ = null, LONG_ = null, DOUBLE_ = null where ID_ = ?")) {
      for (String[] row : updates) {
        update.setString(1, row[0]);
        update.setString(2, row[1]);
        update.setString(3, row[2]);
        update.addBatch();
      }
      update.executeBatch();
    }
    return updates.size();
  }
}
