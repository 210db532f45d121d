package cn.baoxue.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migration 8 moves the child's sex and the latest placement onto the case for the summary: a
 * database with cases from before it must come out with every case filled in from the student
 * and from its latest plan, on both databases Baoxue runs on.
 */
class CaseSummaryColumnsMigrationTests {

  @Test
  void fillsInTheCasesOfAnEmbeddedDatabase() throws Exception {
    String url = "jdbc:h2:mem:v8_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      migratesCasesFromBefore(new SingleConnectionDataSource(connection, true));
    }
  }

  @Test
  void fillsInTheCasesOfAProductionDatabase() throws Exception {
    try (PostgresDatabase postgres = PostgresDatabase.create("v8");
        Connection connection = postgres.connect()) {
      migratesCasesFromBefore(new SingleConnectionDataSource(connection, true));
    }
  }

  private void migratesCasesFromBefore(DataSource dataSource) {
    migrate(dataSource, "7");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("insert into org_unit (code, name, unit_type, parent_code) values ('530627', '镇雄县', 'COUNTY', null),"
        + " ('530627205', '坡头镇', 'TOWNSHIP', '530627'), ('530627205201', '德隆村', 'VILLAGE', '530627205'),"
        + " ('5306270001', '坡头镇中心小学', 'SCHOOL', '530627205201')");
    long boy = student(jdbc, "530627201301010011", "M");
    long girl = student(jdbc, "530627201302020022", "F");
    long placedTwice = dropoutCase(jdbc, "530627-2026-00001", boy);
    long notPlaced = dropoutCase(jdbc, "530627-2026-00002", girl);
    plan(jdbc, placedTwice, "ORIGINAL_CLASS");
    plan(jdbc, placedTwice, "VOCATIONAL");

    migrate(dataSource, "8");

    assertThat(jdbc.queryForMap("select gender, placement from dropout_case where id = ?", placedTwice))
        .containsEntry("gender", "M")
        .containsEntry("placement", "VOCATIONAL");
    assertThat(jdbc.queryForMap("select gender, placement from dropout_case where id = ?", notPlaced))
        .containsEntry("gender", "F")
        .containsEntry("placement", null);
  }

  private static void migrate(DataSource dataSource, String target) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .javaMigrations(new EngineSchemaMigration())
        .target(target)
        .load()
        .migrate();
  }

  private static long student(JdbcTemplate jdbc, String idNumber, String gender) {
    jdbc.update("insert into student (id_number, name, gender, birth_date, school_code, grade, village_code, created_at,"
        + " updated_at) values (?, '张三', ?, date '2013-01-01', '5306270001', 6, '530627205201', current_timestamp,"
        + " current_timestamp)", idNumber, gender);
    return jdbc.queryForObject("select id from student where id_number = ?", Long.class, idNumber);
  }

  private static long dropoutCase(JdbcTemplate jdbc, String caseNumber, long studentId) {
    jdbc.update("insert into dropout_case (case_number, student_id, school_code, village_code, township_code, county_code,"
        + " grade, source, reason, status, reported_at) values (?, ?, '5306270001', '530627205201', '530627205', '530627',"
        + " 6, 'REPORT', 'WORK', 'PERSUADING', current_timestamp)", caseNumber, studentId);
    return jdbc.queryForObject("select id from dropout_case where case_number = ?", Long.class, caseNumber);
  }

  private static void plan(JdbcTemplate jdbc, long caseId, String placement) {
    jdbc.update("insert into placement_plan (case_id, placement, plan, recorded_at) values (?, ?, '一人一案', current_timestamp)",
        caseId, placement);
  }
}
