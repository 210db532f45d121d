package cn.baoxue.placement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.identity.StaffRole;
import cn.baoxue.kernel.time.BeijingTime;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The summary's {@code disabledPlacement} block counts what the register says. A county no other
 * test uses, 庆阳市's 环县 (seed 004: 毛井乡 and 曲子镇), gets a known population through the public
 * API: 毛井乡 registers five disabled children, the county bureau three in 曲子镇; 环县's expert
 * committee places seven of them (三 随班就读, 一 特教学校, 二 送教上门, 一 延缓入学) and leaves one to
 * assess. Every figure is asserted for a school, the two townships, the county, the prefecture and
 * a range that ends before any registration. The population is registered and placed on
 * 2026-10-15 (the engine clock moved there), so its first 送教 period is November 2026: 毛井乡's
 * teacher visits twice, 曲子镇's official once, against two visits planned each (November is in
 * term).
 */
@BaoxueWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlacementSummaryTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger CHILDREN = new AtomicInteger();
  static final String PROVINCE = "620000";
  static final String PREFECTURE = "621000";
  static final String COUNTY = "621022";
  static final String MAOJING = "621022205";
  static final String QUZI = "621022101";
  static final String MAOJING_VILLAGE = "621022205201";
  static final String QUZI_VILLAGE = "621022101201";
  static final String MAOJING_SCHOOL = "6210220001";

  @LocalServerPort int port;
  @Autowired OrgUnitImport orgUnitImport;
  @Autowired OrgUnitRepository units;
  @Autowired StaffAccounts accounts;

  @BeforeAll
  void huanCountyWithItsDisabledChildren() {
    assertThat(orgUnitImport.importRows(List.of(
        new UnitRow(2, "省", PROVINCE, "甘肃省", null),
        new UnitRow(3, "市", PREFECTURE, "庆阳市", PROVINCE),
        new UnitRow(4, "县", COUNTY, "环县", PREFECTURE),
        new UnitRow(5, "乡镇", MAOJING, "毛井乡", COUNTY),
        new UnitRow(6, "乡镇", QUZI, "曲子镇", COUNTY),
        new UnitRow(7, "村", MAOJING_VILLAGE, "毛井村", MAOJING),
        new UnitRow(8, "村", QUZI_VILLAGE, "曲子村", QUZI),
        new UnitRow(9, "学校", MAOJING_SCHOOL, "毛井小学", MAOJING_VILLAGE))).accepted()).isTrue();
    enrol("bureau-huanxian", "马国庆", StaffRole.EDUCATION_BUREAU, COUNTY);
    enrol("official-maojing", "白玉兰", StaffRole.TOWNSHIP_OFFICIAL, MAOJING);
    enrol("official-quzi", "慕春生", StaffRole.TOWNSHIP_OFFICIAL, QUZI);
    enrol("teacher-maojing", "王彩霞", StaffRole.TEACHER, MAOJING_SCHOOL);
    enrol("experts-huanxian", "李文博", StaffRole.EXPERT_COMMITTEE, COUNTY);
    enrol("bureau-qingyang", "张建军", StaffRole.PREFECTURE_BUREAU, PREFECTURE);

    ClockUtil.setCurrentTime(java.util.Date.from(java.time.ZonedDateTime.of(2026, 10, 15, 10, 0, 0, 0, BeijingTime.zone()).toInstant()));
    try {
      population();
    } finally {
      ClockUtil.reset();
    }
  }

  private void population() {
    Caller township = Caller.basic(port, "official-maojing");
    Caller bureau = Caller.basic(port, "bureau-huanxian");
    Caller experts = Caller.basic(port, "experts-huanxian");
    assess(experts, register(township, MAOJING_VILLAGE, MAOJING_SCHOOL), "{\"placement\":\"INCLUSIVE_CLASS\"}");
    assess(experts, register(township, MAOJING_VILLAGE, MAOJING_SCHOOL), "{\"placement\":\"INCLUSIVE_CLASS\"}");
    assess(experts, register(township, MAOJING_VILLAGE, null), "{\"placement\":\"SPECIAL_SCHOOL\"}");
    long maojingAtHome = register(township, MAOJING_VILLAGE, MAOJING_SCHOOL);
    assess(experts, maojingAtHome, "{\"placement\":\"HOME_DELIVERED\",\"deliveryTeachers\":[\"teacher-maojing\"]}");
    register(township, MAOJING_VILLAGE, null);
    assess(experts, register(bureau, QUZI_VILLAGE, null), "{\"placement\":\"INCLUSIVE_CLASS\"}");
    long quziAtHome = register(bureau, QUZI_VILLAGE, null);
    assess(experts, quziAtHome, "{\"placement\":\"HOME_DELIVERED\",\"deliveryTeachers\":\"official-quzi\"}");
    assess(experts, register(bureau, QUZI_VILLAGE, null), "{\"placement\":\"DEFERRED\",\"deferralReason\":\"住院治疗，家长申请\","
        + "\"deferralAppliedOn\":\"" + BeijingTime.today().minusDays(5) + "\"}");
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.ZonedDateTime.of(2026, 11, 28, 17, 0, 0, 0, BeijingTime.zone()).toInstant()));
    visit(Caller.basic(port, "teacher-maojing"), maojingAtHome, "2026-11-05");
    visit(Caller.basic(port, "teacher-maojing"), maojingAtHome, "2026-11-20");
    visit(Caller.basic(port, "official-quzi"), quziAtHome, "2026-11-10");
    // Before its first period: a visit counts as delivered, none is planned yet.
    visit(Caller.basic(port, "official-quzi"), quziAtHome, "2026-10-20");
  }

  private static void visit(Caller teacher, long child, String date) {
    Reply logged = teacher.postJson("/api/placement/children/" + child + "/visits",
        "{\"date\":\"" + date + "\",\"hours\":2,\"content\":\"康复训练与识字\"}");
    assertThat(logged.status()).as("%s", logged).isEqualTo(201);
  }

  @Test
  void theCountyAndThePrefectureCountEveryChildByPlacement() throws Exception {
    assertThat(placements(block("bureau-huanxian", COUNTY, ""))).isEqualTo(expected(3, 1, 2, 1, 1));
    assertThat(placements(block("bureau-qingyang", PREFECTURE, ""))).isEqualTo(expected(3, 1, 2, 1, 1));
    assertThat(block("bureau-huanxian", COUNTY, "").get("visitsDelivered").asInt()).isEqualTo(4);
  }

  @Test
  void eachTownshipAndTheSchoolCountTheirOwn() throws Exception {
    assertThat(placements(block("official-maojing", MAOJING, ""))).isEqualTo(expected(2, 1, 1, 0, 1));
    assertThat(placements(block("bureau-huanxian", QUZI, ""))).isEqualTo(expected(1, 0, 1, 1, 0));
    assertThat(placements(block("teacher-maojing", MAOJING_SCHOOL, ""))).isEqualTo(expected(2, 0, 1, 0, 0));
  }

  @Test
  void novembersVisitsAreCountedAgainstTheVisitsPlannedForIt() throws Exception {
    String november = "&from=2026-11-01&to=2026-11-30";
    assertThat(visits(block("bureau-huanxian", COUNTY, november))).containsExactly(3, 4);
    assertThat(visits(block("bureau-qingyang", PREFECTURE, november))).containsExactly(3, 4);
    assertThat(visits(block("official-maojing", MAOJING, november))).containsExactly(2, 2);
    assertThat(visits(block("bureau-huanxian", QUZI, november))).containsExactly(1, 2);
    assertThat(visits(block("teacher-maojing", MAOJING_SCHOOL, november))).containsExactly(2, 2);
    // October: the placement month, before the first period: one visit delivered, none planned.
    assertThat(visits(block("bureau-huanxian", COUNTY, "&from=2026-10-01&to=2026-10-31"))).containsExactly(1, 0);
  }

  @Test
  void aRangeEndingBeforeAnyRegistrationCountsNothing() throws Exception {
    JsonNode before = block("bureau-huanxian", COUNTY, "&to=2026-10-14");
    assertThat(placements(before)).isEqualTo(expected(0, 0, 0, 0, 0));
    assertThat(visits(before)).containsExactly(0, 0);
  }

  private static JsonNode placements(JsonNode block) {
    var copy = block.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(List.of("visitsDelivered", "visitsPlanned"));
    return copy;
  }

  private static List<Integer> visits(JsonNode block) {
    return List.of(block.get("visitsDelivered").asInt(), block.get("visitsPlanned").asInt());
  }

  // --- helpers ---

  private JsonNode expected(int inclusive, int special, int home, int deferred, int notAssessed) {
    var block = JSON.createObjectNode();
    block.put("INCLUSIVE_CLASS", inclusive);
    block.put("SPECIAL_SCHOOL", special);
    block.put("HOME_DELIVERED", home);
    block.put("DEFERRED", deferred);
    block.put("NOT_ASSESSED", notAssessed);
    block.put("children", inclusive + special + home + deferred + notAssessed);
    return block;
  }

  private JsonNode block(String user, String scope, String range) throws Exception {
    Reply reply = Caller.basic(port, user).get("/api/reports/summary?scope=" + scope + range);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonNode block = JSON.readTree(reply.body()).get("disabledPlacement").deepCopy();
    return block;
  }

  private void enrol(String id, String name, StaffRole role, String unitCode) {
    accounts.enrol(id, name, role, units.findById(unitCode).orElseThrow(), EngineRest.DEMO_PASSWORD);
  }

  private static long register(Caller registrar, String village, String school) {
    String idNumber = TestStudents.idNumber(BeijingTime.today().minusYears(10).minusDays(900 + CHILDREN.incrementAndGet()), true);
    Reply created = registrar.postJson("/api/placement/children", PlacementChildren.child(idNumber, "环县儿童", village, school));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    try {
      return JSON.readTree(created.body()).get("id").asLong();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assess(Caller experts, long child, String decision) {
    Reply placed = experts.postJson("/api/placement/children/" + child + "/assessment", decision);
    assertThat(placed.status()).as("%s", placed).isEqualTo(200);
  }
}
