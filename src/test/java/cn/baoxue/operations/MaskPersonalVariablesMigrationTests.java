package cn.baoxue.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migration 11 masks the personal start variables an earlier release left in full in Camunda's
 * runtime and history tables — strings, a number, a date, Tasklist's form fields — and leaves every
 * other variable alone; run again, it changes nothing; on both databases Baoxue runs on.
 */
class MaskPersonalVariablesMigrationTests {

  static final String ID_NUMBER = "530627201403051230";
  static final String PHONE = "13812345678";

  @Test
  void masksTheVariablesOfAnEmbeddedDatabase() throws Exception {
    String url = "jdbc:h2:mem:v11_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      masksWhatAnEarlierReleaseWrote(new SingleConnectionDataSource(connection, true), connection);
    }
  }

  @Test
  void masksTheVariablesOfAProductionDatabase() throws Exception {
    try (PostgresDatabase postgres = PostgresDatabase.create("v11");
        Connection connection = postgres.connect()) {
      masksWhatAnEarlierReleaseWrote(new SingleConnectionDataSource(connection, true), connection);
    }
  }

  private void masksWhatAnEarlierReleaseWrote(DataSource dataSource, Connection connection) throws Exception {
    migrate(dataSource, "9"); // the earlier release
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    long birthMillis = LocalDate.of(2014, 3, 5).atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
    runtime(jdbc, "r1", "studentIdNumber", "string", ID_NUMBER, null);
    runtime(jdbc, "r2", "guardianPhone", "long", PHONE, Long.parseLong(PHONE));
    runtime(jdbc, "r3", "birthDate", "date", null, birthMillis);
    runtime(jdbc, "r4", "studentName", "string", "王小梅", null);
    runtime(jdbc, "r5", "guardianPhone", "json", null, null);
    jdbc.update("insert into ACT_HI_VARINST (ID_, PROC_INST_ID_, NAME_, VAR_TYPE_, TEXT_, STATE_) values"
        + " ('h1', 'pi', 'studentIdNumber', 'string', ?, 'CREATED'), ('h2', 'pi', 'birthDate', 'string', '2014-03-05', 'CREATED'),"
        + " ('h3', 'pi', 'caseNumber', 'string', '530627-2026-00001', 'CREATED')", ID_NUMBER);
    jdbc.update("insert into ACT_HI_DETAIL (ID_, TYPE_, TIME_, PROC_INST_ID_, NAME_, VAR_TYPE_, TEXT_) values"
        + " ('d1', 'VariableUpdate', current_timestamp, 'pi', 'studentIdNumber', 'string', ?),"
        + " ('d2', 'FormProperty', current_timestamp, 'pi', 'guardianPhone', null, ?),"
        + " ('d3', 'FormProperty', current_timestamp, 'pi', 'studentName', null, '王小梅')", ID_NUMBER, PHONE);

    migrate(dataSource, "11");

    assertThat(jdbc.query("select TYPE_, TEXT_, LONG_ from ACT_RU_VARIABLE order by ID_",
            (row, n) -> row.getString(1) + "|" + row.getString(2) + "|" + row.getObject(3)))
        .containsExactly(
            "string|530627********1230|null",
            "string|138****5678|null",
            "string|2014-**-**|null",
            "string|王小梅|null",
            "json|null|null");
    assertThat(jdbc.queryForList("select TEXT_ from ACT_HI_VARINST order by ID_", String.class))
        .containsExactly("530627********1230", "2014-**-**", "530627-2026-00001");
    assertThat(jdbc.query("select VAR_TYPE_, TEXT_ from ACT_HI_DETAIL order by ID_",
            (row, n) -> row.getString(1) + "|" + row.getString(2)))
        .containsExactly(
            "string|530627********1230",
            "null|138****5678",
            "null|王小梅");
    assertThat(MaskPersonalVariablesMigration.maskAll(connection)).as("run again").isZero();
  }

  private static void runtime(JdbcTemplate jdbc, String id, String name, String type, String text, Long number) {
    jdbc.update("insert into ACT_RU_VARIABLE (ID_, REV_, TYPE_, NAME_, TEXT_, LONG_, VAR_SCOPE_)"
        + " values (?, 1, ?, ?, ?, ?, ?)", id, type, name, text, number, "scope-" + id);
  }

  private static void migrate(DataSource dataSource, String target) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .javaMigrations(new EngineSchemaMigration(), new MaskPersonalVariablesMigration())
        .target(target)
        .load()
        .migrate();
  }
}
