package cn.baoxue.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.identity.StaffRole;
import cn.baoxue.org.OrgUnitImport;
import cn.baoxue.org.OrgUnitImport.UnitRow;
import cn.baoxue.org.OrgUnitRepository;
import cn.baoxue.org.StaffAccounts;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The summary's {@code atRisk} block counts what the registers say. A county no other test uses,
 * 绥江县 (中城镇 and 南岸镇), gets a known population on Tuesday 8 December 2026: five pupils flagged
 * by their special groups (40 points each, the line), one below it; 中城小学's principal confirms
 * one, dismisses one and leaves one; 南岸小学's confirms its one. Every figure is asserted for a
 * school, a township, the county and a range with nothing in it.
 */
@BaoxueWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtRiskSummaryTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final AtomicInteger DAYS = new AtomicInteger(1500);
  private static final String COUNTY = "530626";
  private static final String ZHONGCHENG = "530626100";
  private static final String NANAN = "530626101";
  private static final String ZHONGCHENG_VILLAGE = "530626100201";
  private static final String NANAN_VILLAGE = "530626101201";
  private static final String ZHONGCHENG_SCHOOL = "5306260001";
  private static final String NANAN_SCHOOL = "5306260002";

  @LocalServerPort int port;
  @Autowired OrgUnitImport orgUnitImport;
  @Autowired OrgUnitRepository units;
  @Autowired StaffAccounts accounts;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  void suijiangCountyWithItsFlags() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 8, 10, 0, 0, 0, CHINA).toInstant()));
    assertThat(orgUnitImport.importRows(List.of(
        new UnitRow(2, "县", COUNTY, "绥江县", "530600"),
        new UnitRow(3, "乡镇", ZHONGCHENG, "中城镇", COUNTY),
        new UnitRow(4, "乡镇", NANAN, "南岸镇", COUNTY),
        new UnitRow(5, "村", ZHONGCHENG_VILLAGE, "中城村", ZHONGCHENG),
        new UnitRow(6, "村", NANAN_VILLAGE, "南岸村", NANAN),
        new UnitRow(7, "学校", ZHONGCHENG_SCHOOL, "中城小学", ZHONGCHENG_VILLAGE),
        new UnitRow(8, "学校", NANAN_SCHOOL, "南岸小学", NANAN_VILLAGE))).accepted()).isTrue();
    accounts.enrol("bureau-suijiang", "陈光明", StaffRole.EDUCATION_BUREAU, units.findById(COUNTY).orElseThrow(), EngineRest.DEMO_PASSWORD);
    accounts.enrol("official-zhongcheng", "黄晓东", StaffRole.TOWNSHIP_OFFICIAL, units.findById(ZHONGCHENG).orElseThrow(),
        EngineRest.DEMO_PASSWORD);
    accounts.enrol("principal-zhongcheng", "杨丽萍", StaffRole.PRINCIPAL, units.findById(ZHONGCHENG_SCHOOL).orElseThrow(),
        EngineRest.DEMO_PASSWORD);
    accounts.enrol("principal-nanan", "吴国强", StaffRole.PRINCIPAL, units.findById(NANAN_SCHOOL).orElseThrow(), EngineRest.DEMO_PASSWORD);

    String confirmed = pupil("ORPHAN,DE_FACTO_UNSUPPORTED", ZHONGCHENG_SCHOOL, ZHONGCHENG_VILLAGE);
    String dismissed = pupil("ORPHAN,LEFT_BEHIND,SINGLE_PARENT", ZHONGCHENG_SCHOOL, ZHONGCHENG_VILLAGE);
    pupil("DE_FACTO_UNSUPPORTED,DISABLED,POOR_REGISTERED", ZHONGCHENG_SCHOOL, ZHONGCHENG_VILLAGE);
    pupil("LEFT_BEHIND", ZHONGCHENG_SCHOOL, ZHONGCHENG_VILLAGE);
    String nanan = pupil("ORPHAN,LEFT_BEHIND,DISABLED", NANAN_SCHOOL, NANAN_VILLAGE);

    Caller zhongcheng = Caller.basic(port, "principal-zhongcheng");
    Caller nananPrincipal = Caller.basic(port, "principal-nanan");
    assertThat(zhongcheng.postJson("/api/at-risk/assessments", "{\"schoolCode\":\"" + ZHONGCHENG_SCHOOL + "\"}").status()).isEqualTo(200);
    assertThat(nananPrincipal.postJson("/api/at-risk/assessments", "{\"schoolCode\":\"" + NANAN_SCHOOL + "\"}").status()).isEqualTo(200);
    assertThat(zhongcheng.postJson("/api/at-risk/flags/" + flagOf(confirmed) + "/confirm", "{}").status()).isEqualTo(200);
    assertThat(zhongcheng.postJson("/api/at-risk/flags/" + flagOf(dismissed) + "/dismiss", "{\"reason\":\"家访核实：父亲已返乡照顾\"}")
        .status()).isEqualTo(200);
    assertThat(nananPrincipal.postJson("/api/at-risk/flags/" + flagOf(nanan) + "/confirm", "{}").status()).isEqualTo(200);
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theCountysBlockCountsEveryFlagByReasonWithItsPoints() throws Exception {
    JsonNode atRisk = atRisk("bureau-suijiang", COUNTY, "");
    assertThat(atRisk.get("flagged").asInt()).isEqualTo(4);
    assertThat(atRisk.get("pending").asInt()).isEqualTo(1);
    assertThat(atRisk.get("confirmed").asInt()).isEqualTo(2);
    assertThat(atRisk.get("dismissed").asInt()).isEqualTo(1);
    assertThat(atRisk.get("falseAlarmRate").decimalValue()).isEqualByComparingTo("0.3333");
    assertThat(atRisk.get("plansOpened").asInt()).isEqualTo(2);
    assertThat(atRisk.get("plansLifted").asInt()).isZero();
    assertThat(atRisk.get("leftSchool").asInt()).isZero();
    assertThat(reasons(atRisk)).isEqualTo(
        "DE_FACTO_UNSUPPORTED=2/40,DISABLED=2/20,LEFT_BEHIND=2/20,ORPHAN=3/60,POOR_REGISTERED=1/10,SINGLE_PARENT=1/10");
    assertThat(atRisk.at("/byCategory/HARDSHIP").asInt()).isEqualTo(4);
    assertThat(atRisk.at("/byCategory/WAVERING").asInt()).isZero();
    assertThat(atRisk.at("/byCategory/LEARNING").asInt()).isZero();
  }

  @Test
  void aTownshipAndASchoolCountTheirOwn() throws Exception {
    JsonNode township = atRisk("official-zhongcheng", ZHONGCHENG, "");
    assertThat(township.get("flagged").asInt()).isEqualTo(3);
    assertThat(township.get("confirmed").asInt()).isEqualTo(1);
    assertThat(township.get("dismissed").asInt()).isEqualTo(1);
    assertThat(township.get("falseAlarmRate").decimalValue()).isEqualByComparingTo("0.5000");
    assertThat(reasons(township)).isEqualTo(
        "DE_FACTO_UNSUPPORTED=2/40,DISABLED=1/10,LEFT_BEHIND=1/10,ORPHAN=2/40,POOR_REGISTERED=1/10,SINGLE_PARENT=1/10");
    JsonNode school = atRisk("bureau-suijiang", NANAN_SCHOOL, "");
    assertThat(school.get("flagged").asInt()).isEqualTo(1);
    assertThat(school.get("confirmed").asInt()).isEqualTo(1);
    assertThat(school.get("falseAlarmRate").decimalValue()).isEqualByComparingTo("0");
    assertThat(reasons(school)).isEqualTo("DISABLED=1/10,LEFT_BEHIND=1/10,ORPHAN=1/20");
    JsonNode november = atRisk("bureau-suijiang", COUNTY, "&from=2026-11-01&to=2026-11-30");
    assertThat(november.get("flagged").asInt()).isZero();
    assertThat(november.get("byReason")).isEmpty();
    assertThat(november.get("falseAlarmRate").decimalValue()).isEqualByComparingTo("0");
    JsonNode december = atRisk("bureau-suijiang", COUNTY, "&from=2026-12-01&to=2026-12-31");
    assertThat(december.get("flagged").asInt()).isEqualTo(4);
  }

  private String pupil(String specialGroups, String school, String village) {
    LocalDate birth = LocalDate.of(2014, 1, 1).plusDays(DAYS.incrementAndGet());
    String idNumber = TestStudents.idNumber(birth, false);
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
    jdbc.update("insert into student (id_number, name, gender, birth_date, school_code, grade, village_code, special_groups,"
        + " created_at, updated_at) values (?, '绥江学生', 'F', ?, ?, 5, ?, ?, ?, ?)", idNumber, birth, school, village, specialGroups, now, now);
    return idNumber;
  }

  private long flagOf(String idNumber) {
    return jdbc.queryForObject("select f.id from risk_flag f join student s on s.id = f.student_id where s.id_number = ?", Long.class,
        idNumber);
  }

  private static String reasons(JsonNode atRisk) {
    StringBuilder out = new StringBuilder();
    atRisk.get("byReason").fields().forEachRemaining(e -> out.append(out.length() == 0 ? "" : ",").append(e.getKey()).append("=")
        .append(e.getValue().get("flags").asInt()).append("/").append(e.getValue().get("points").asInt()));
    return out.toString();
  }

  private JsonNode atRisk(String user, String scope, String range) throws Exception {
    Reply reply = Caller.basic(port, user).get("/api/reports/summary?scope=" + scope + range);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return JSON.readTree(reply.body()).get("atRisk");
  }
}
