package cn.baoxue.children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.operations.EngineSchemaMigration;
import cn.baoxue.operations.MaskPersonalVariablesMigration;
import cn.baoxue.testing.PostgresDatabase;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.web.server.ResponseStatusException;

/**
 * The duplicate search and the merge on PostgreSQL, the production database: migrations V19 and
 * V20 on a fresh database, the month-level match of an estimated birth date, the rows moved and
 * left, the refusal of two open cases. (The web tests run them on H2.)
 */
class ChildRecordsPostgresTests {

  static final Staff BUREAU = new Staff("bureau-zhenxiong", List.of("county_530627"));

  @Test
  void duplicatesAreFoundAndMergedOnPostgres() throws Exception {
    try (PostgresDatabase postgres = PostgresDatabase.create("children");
        Connection connection = postgres.connect()) {
      DataSource dataSource = new SingleConnectionDataSource(connection, true);
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
          .javaMigrations(new EngineSchemaMigration(), new MaskPersonalVariablesMigration()).load().migrate();
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      jdbc.update("insert into org_unit (code, name, unit_type, parent_code) values ('530627', '镇雄县', 'COUNTY', null),"
          + " ('530627205', '尖山乡', 'TOWNSHIP', '530627'), ('530627205201', '长安村', 'VILLAGE', '530627205'),"
          + " ('5306270001', '长安村小学', 'SCHOOL', '530627205201')");
      long provisional = student(jdbc, "T53062700000000001", "王小梅", LocalDate.of(2015, 3, 1), true, null);
      long real = student(jdbc, "530627201503181082", "王小梅", LocalDate.of(2015, 3, 18), false, "5306270001");
      long other = student(jdbc, "530627201504181081", "王小梅", LocalDate.of(2015, 4, 18), false, "5306270001");
      long openCase = dropoutCase(jdbc, "530627-2026-00001", provisional, true);
      jdbc.update("insert into absence (student_id, absence_date, excused, recorded_at) values (?, ?, false, ?), (?, ?, false, ?), (?, ?, false, ?)",
          provisional, LocalDate.of(2026, 11, 2), LocalDateTime.now(), provisional, LocalDate.of(2026, 11, 3), LocalDateTime.now(),
          real, LocalDate.of(2026, 11, 3), LocalDateTime.now());

      JdbcClient client = JdbcClient.create(dataSource);
      DuplicateChildren duplicates = new DuplicateChildren(client);
      DuplicateChildren.Listing listing = duplicates.of(BUREAU);
      assertThat(listing.pairs()).extracting(p -> p.first().id() + "-" + p.second().id()).containsExactly(provisional + "-" + real);
      assertThat(listing.pairs().get(0).reasons()).contains("姓名、出生年月相同，监护人相同");
      assertThat(listing.pairs().get(0).suggestedKeptId()).isEqualTo(real);

      List<Object> events = new ArrayList<>();
      ChildMerges merges = new ChildMerges(client, duplicates, events::add);
      // Two open cases refuse the merge.
      long otherCase = dropoutCase(jdbc, "530627-2026-00002", real, true);
      assertThatThrownBy(() -> merges.merge(new MergeChildren(real, provisional, null), BUREAU))
          .isInstanceOf(ResponseStatusException.class).hasMessageContaining("530627-2026-00001").hasMessageContaining("530627-2026-00002");
      jdbc.update("update dropout_case set open_student_id = null, closed_at = ? where id = ?", LocalDateTime.now(), otherCase);

      ChildMerges.Receipt receipt = merges.merge(new MergeChildren(real, provisional, "同一人"), BUREAU);
      assertThat(receipt.moved().get("dropout_case")).containsExactly(openCase);
      assertThat(receipt.moved().get("absence")).hasSize(1);
      assertThat(receipt.leftOnMerged().get("absence")).hasSize(1);
      assertThat(jdbc.queryForMap("select student_id, open_student_id from dropout_case where id = ?", openCase))
          .isEqualTo(Map.of("student_id", real, "open_student_id", real));
      assertThat(jdbc.queryForObject("select merged_into_id from student where id = ?", Long.class, provisional)).isEqualTo(real);
      assertThat(events).singleElement().isInstanceOfSatisfying(ChildrenMerged.class,
          merged -> assertThat(merged.detail()).startsWith("merge=" + receipt.mergeId() + ";kept=" + real + ";merged=" + provisional + ";"));
      // The audit verification's check of the entry against its merge row.
      ChildrenMerged merged = (ChildrenMerged) events.get(0);
      assertThat(jdbc.queryForObject("select count(*) from child_merge where id = ? and ? like concat('merge=', id, ';kept=',"
          + " kept_student_id, ';merged=', merged_student_id, ';%')", Long.class, merged.mergeId(), merged.detail())).isEqualTo(1);
      assertThat(duplicates.of(BUREAU).pairs()).isEmpty();
      assertThat(other).isPositive();
    }
  }

  private static long student(JdbcTemplate jdbc, String idNumber, String name, LocalDate birthDate, boolean estimated, String school) {
    jdbc.update("insert into student (id_number, name, gender, birth_date, school_code, grade, village_code, guardian_name,"
        + " birth_date_estimated, provisional_number, created_at, updated_at) values (?, ?, 'F', ?, ?, ?, '530627205201', '王大山', ?, ?, ?, ?)",
        idNumber, name, birthDate, school, school == null ? null : 4, estimated, estimated ? idNumber : null, LocalDateTime.now(),
        LocalDateTime.now());
    return jdbc.queryForObject("select id from student where id_number = ?", Long.class, idNumber);
  }

  private static long dropoutCase(JdbcTemplate jdbc, String number, long studentId, boolean open) {
    jdbc.update("insert into dropout_case (case_number, student_id, open_student_id, village_code, township_code, county_code, gender,"
        + " source, reason, status, reported_at) values (?, ?, ?, '530627205201', '530627205', '530627', 'F', 'SURVEY', 'OTHER', 'REPORTED', ?)",
        number, studentId, open ? studentId : null, LocalDateTime.now());
    return jdbc.queryForObject("select id from dropout_case where case_number = ?", Long.class, number);
  }
}
