package cn.baoxue.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.operations.EngineSchemaMigration;
import cn.baoxue.operations.MaskPersonalVariablesMigration;
import cn.baoxue.org.OrgUnit;
import cn.baoxue.testing.PostgresDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The {@code care} block on PostgreSQL, the production database: migration V28 on a fresh database,
 * the block for a township, its county and a school, a date range, and the audit chain's check of a
 * pairing's and a contact's entry against their rows (a day concatenated as PostgreSQL writes it).
 * (The web tests count on H2.)
 */
class CareFiguresPostgresTests {

  @Test
  void theCareBlockIsCountedOnPostgres() throws Exception {
    try (PostgresDatabase postgres = PostgresDatabase.create("care");
        Connection connection = postgres.connect()) {
      DataSource dataSource = new SingleConnectionDataSource(connection, true);
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
          .javaMigrations(new EngineSchemaMigration(), new MaskPersonalVariablesMigration()).load().migrate();
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      jdbc.update("insert into org_unit (code, name, unit_type, parent_code) values ('530627', '镇雄县', 'COUNTY', null),"
          + " ('530627205', '尖山乡', 'TOWNSHIP', '530627'), ('530627104', '南台镇', 'TOWNSHIP', '530627'),"
          + " ('530627205201', '长安村', 'VILLAGE', '530627205'), ('530627104201', '南台村', 'VILLAGE', '530627104'),"
          + " ('5306270001', '长安村小学', 'SCHOOL', '530627205201')");
      LocalDate today = LocalDate.of(2026, 12, 7);
      long orphan = pairing(jdbc, "530627201503181082", "ORPHAN", "5306270001", "530627205201", "530627205", today);
      long disabled = pairing(jdbc, "530627201504181081", "SEVERELY_DISABLED", null, "530627104201", "530627104", today);
      contact(jdbc, orphan, "FUNDS", today, new BigDecimal("500.00"));
      contact(jdbc, orphan, "PHONE", today, null);
      contact(jdbc, disabled, "FUNDS", today.minusDays(30), new BigDecimal("120.50"));
      contact(jdbc, disabled, "HOME_VISIT", today, null);

      CareFigures figures = new CareFigures(JdbcClient.create(dataSource));
      CareBlock township = figures.of(new ReportScope(unit("530627205", OrgUnitType.TOWNSHIP), null, null));
      assertThat(township.pairings()).isEqualTo(Map.of("ORPHAN", 1L, "DE_FACTO_UNSUPPORTED", 0L, "SEVERELY_DISABLED", 0L,
          "EXTREME_HARDSHIP", 0L));
      assertThat(township.contacts()).containsEntry("FUNDS", 1L).containsEntry("PHONE", 1L).containsEntry("HOME_VISIT", 0L);
      assertThat(township.fundsYuan()).isEqualByComparingTo("500.00");

      CareBlock county = figures.of(new ReportScope(unit("530627", OrgUnitType.COUNTY), null, null));
      assertThat(county.pairings()).containsEntry("ORPHAN", 1L).containsEntry("SEVERELY_DISABLED", 1L);
      assertThat(county.contacts()).containsEntry("FUNDS", 2L).containsEntry("PHONE", 1L).containsEntry("HOME_VISIT", 1L);
      assertThat(county.fundsYuan()).isEqualByComparingTo("620.50");

      CareBlock school = figures.of(new ReportScope(unit("5306270001", OrgUnitType.SCHOOL), null, null));
      assertThat(school.pairings()).containsEntry("ORPHAN", 1L).containsEntry("SEVERELY_DISABLED", 0L);

      CareBlock lastWeek = figures.of(new ReportScope(unit("530627", OrgUnitType.COUNTY), today.minusDays(7), today));
      assertThat(lastWeek.contacts()).containsEntry("FUNDS", 1L);
      assertThat(lastWeek.fundsYuan()).isEqualByComparingTo("500.00");

      // audit.AuditVerification's checks of CARE_PAIRING and CARE_CONTACT entries, with the payloads care.CareAudit writes.
      assertThat(jdbc.queryForObject("select count(*) from care_pairing where id = ? and ? like concat('pairing=', id, ';kind=', kind,"
          + " ';village=', village_code, ';school=', coalesce(school_code, ''), ';group=', created_by_group, ';%')", Long.class, orphan,
          "pairing=" + orphan + ";kind=ORPHAN;village=530627205201;school=5306270001;group=township_530627205;helper=teacher-changan;idNumber=530627********1082"))
          .isEqualTo(1);
      long funds = jdbc.queryForObject("select min(id) from care_contact where pairing_id = ?", Long.class, orphan);
      assertThat(jdbc.queryForObject("select count(*) from care_contact where id = ? and ? like concat('contact=', id, ';pairing=',"
          + " pairing_id, ';type=', contact_type, ';date=', contact_date, ';%')", Long.class, funds,
          "contact=" + funds + ";pairing=" + orphan + ";type=FUNDS;date=2026-12-07;amountYuan=500.00")).isEqualTo(1);
    }
  }

  private static OrgUnit unit(String code, OrgUnitType type) {
    return new OrgUnit(code, code, type, null);
  }

  private static long pairing(JdbcTemplate jdbc, String idNumber, String kind, String school, String village, String township,
      LocalDate day) {
    jdbc.update("insert into care_pairing (kind, id_number, person_name, helper, school_code, village_code, township_code,"
        + " county_code, created_by, created_by_group, created_at) values (?, ?, '关爱对象', 'teacher-changan', ?, ?, ?, '530627',"
        + " 'official-jianshan', ?, ?)", kind, idNumber, school, village, township, "township_" + township, day.atTime(9, 0));
    return jdbc.queryForObject("select id from care_pairing where id_number = ?", Long.class, idNumber);
  }

  private static void contact(JdbcTemplate jdbc, long pairing, String type, LocalDate day, BigDecimal amount) {
    jdbc.update("insert into care_contact (pairing_id, contact_type, contact_date, amount_yuan, recorded_by, recorded_at)"
        + " values (?, ?, ?, ?, 'teacher-changan', ?)", pairing, type, day, amount, LocalDateTime.now());
  }
}
