package cn.baoxue.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.operations.EngineSchemaMigration;
import cn.baoxue.operations.MaskPersonalVariablesMigration;
import cn.baoxue.testing.PostgresDatabase;
import cn.baoxue.testing.TestStudents;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The staging (COPY on PostgreSQL, multi-row inserts on H2) and the comparison's SQL give the same
 * findings on both databases Baoxue runs on, from a GBK 学籍 file and a 户籍 file with quotes, commas
 * and a lower-case x in them; duplicates are found by SQL on both.
 */
class ComparisonOnBothDatabasesTests {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  static final RegistryComparison.Window WINDOW = new RegistryComparison.Window(
      LocalDate.of(2009, 8, 31), LocalDate.of(2020, 8, 31), LocalDate.of(2026, 9, 1), "6至16周岁");

  @Test
  void onTheEmbeddedDatabase() throws Exception {
    String url = "jdbc:h2:mem:recon_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      comparesTheSame(new SingleConnectionDataSource(connection, true));
    }
  }

  @Test
  void onPostgres() throws Exception {
    try (PostgresDatabase postgres = PostgresDatabase.create("recon"); Connection connection = postgres.connect()) {
      comparesTheSame(new SingleConnectionDataSource(connection, true));
    }
  }

  private void comparesTheSame(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .javaMigrations(new EngineSchemaMigration(), new MaskPersonalVariablesMigration()).load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("insert into org_unit (code, name, unit_type, parent_code) values ('530627', '镇雄县', 'COUNTY', null)");
    jdbc.update("insert into org_unit (code, name, unit_type, parent_code) values ('530627205', '尖山乡', 'TOWNSHIP', '530627')");
    jdbc.update("insert into org_unit (code, name, unit_type, parent_code) values (?, '长安村', 'VILLAGE', '530627205')",
        TestStudents.CHANGAN_VILLAGE);
    jdbc.update("insert into org_unit (code, name, unit_type, parent_code) values (?, '长安村小学', 'SCHOOL', ?)",
        TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    RunArea area = new RunArea("530627", "530627", Map.of(TestStudents.CHANGAN_VILLAGE, "530627205"),
        Set.of(TestStudents.CHANGAN_VILLAGE), Map.of(TestStudents.CHANGAN_SCHOOL,
            new RunArea.School(TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE, "530627")));

    String enrolled = TestStudents.idNumber(LocalDate.of(2015, 3, 1), true);
    String unenrolled = TestStudents.idNumber(LocalDate.of(2016, 4, 2), false);
    String absent = TestStudents.idNumber(LocalDate.of(2014, 5, 3), true);
    String outside = TestStudents.idNumber(LocalDate.of(2013, 6, 4), false);
    String withX;
    do {
      withX = TestStudents.idNumber(LocalDate.of(2012, 7, 5), true);
    } while (!withX.endsWith("X"));
    String household = "姓名,身份证号,性别,出生日期,户籍村代码,监护人,联系电话\n"
        + "\"张一\"," + enrolled + ",男,2015-03-01," + TestStudents.CHANGAN_VILLAGE + ",张大山,13800000000\n"
        + "李二," + unenrolled + ",女,2016/4/2," + TestStudents.CHANGAN_VILLAGE + ",,\n"
        + "赵三," + absent + ",男,2014年5月3日," + TestStudents.CHANGAN_VILLAGE + ",赵大山,\n"
        + "钱四," + outside + ",女,20130604," + TestStudents.CHANGAN_VILLAGE + ",,\n"
        + "孙五," + withX.toLowerCase() + ",男,2012-07-05," + TestStudents.CHANGAN_VILLAGE + ",,\n";
    String enrolment = "姓名,身份证号,学籍号,学校代码,年级,学籍状态,状态说明\n"
        + "张一," + enrolled + ",," + TestStudents.CHANGAN_SCHOOL + ",五年级,在读,\"转入,\"\"随迁\"\"子女\"\n"
        + "赵三," + absent + ",," + TestStudents.CHANGAN_SCHOOL + ",初一,在读,\n"
        + "钱四," + outside + ",,4400000001,7,在读,\n"
        + "孙五," + withX + ",," + TestStudents.CHANGAN_SCHOOL + ",8,在读,\n";
    String attendance = "身份证号,学校代码,最后到校日期\n"
        + enrolled + "," + TestStudents.CHANGAN_SCHOOL + ",2026-11-30\n"
        + withX + "," + TestStudents.CHANGAN_SCHOOL + ",2026-11-30\n"
        + absent + "," + TestStudents.CHANGAN_SCHOOL + ",2026-06-30\n";

    RegistryStaging staging = new RegistryStaging(jdbc, 1000, 50);
    BadRows bad = new BadRows();
    assertThat(staging.stage(1, Registry.HOUSEHOLD, household.getBytes(StandardCharsets.UTF_8), area, bad)).isEqualTo(5);
    assertThat(staging.stage(1, Registry.ENROLMENT, enrolment.getBytes(Charset.forName("GBK")), area, bad)).isEqualTo(4);
    assertThat(staging.stage(1, Registry.ATTENDANCE, attendance.getBytes(StandardCharsets.UTF_8), area, bad)).isEqualTo(3);
    assertThat(bad.kept()).isEmpty();
    assertThat(jdbc.queryForObject("select name from reconciliation_household where id_number = ?", String.class, enrolled))
        .isEqualTo("张一");
    assertThat(jdbc.queryForObject("select standing_note from reconciliation_enrolment where id_number = ?", String.class, enrolled))
        .isEqualTo("转入,\"随迁\"子女");
    assertThat(jdbc.queryForObject("select guardian_name from reconciliation_household where id_number = ?", String.class, unenrolled))
        .isNull();

    List<Finding> findings = new RegistryComparison(JdbcClient.create(dataSource)).compare(1, area, WINDOW, true, false);
    Map<String, String> typeById = findings.stream().collect(Collectors.toMap(f -> f.idNumber, f -> f.type.name()));
    assertThat(typeById).containsExactlyInAnyOrderEntriesOf(
        Map.of(unenrolled, "NOT_ENROLLED", absent, "NOT_ATTENDING", outside, "ENROLLED_OUTSIDE"));
    assertThat(findings.stream().filter(f -> f.idNumber.equals(absent)).findFirst().orElseThrow().grade).isEqualTo(7);
  }
}
