package cn.baoxue.reports;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The summary's {@code care} block counts what the pairing register says. A county no other test
 * uses, 大关县 (翠华镇 and 玉碗镇), gets a known population through the public API: 翠华镇 pairs three
 * people, the county bureau two in 玉碗镇; their helpers log contacts. Every figure is asserted for
 * a school, the two townships, the county, and date ranges.
 */
@BaoxueWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CareSummaryTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Each person paired here is born on a day of her own, so her 身份证号 is hers alone. */
  private static final java.util.concurrent.atomic.AtomicInteger PEOPLE = new java.util.concurrent.atomic.AtomicInteger();
  private static final String COUNTY = "530624";
  private static final String CUIHUA = "530624100";
  private static final String YUWAN = "530624101";
  private static final String CUIHUA_VILLAGE = "530624100201";
  private static final String YUWAN_VILLAGE = "530624101201";
  private static final String CUIHUA_SCHOOL = "5306240001";

  @LocalServerPort int port;
  @Autowired OrgUnitImport orgUnitImport;
  @Autowired OrgUnitRepository units;
  @Autowired StaffAccounts accounts;

  @BeforeAll
  void daguanCountyWithItsPairings() {
    assertThat(orgUnitImport.importRows(List.of(
        new UnitRow(2, "县", COUNTY, "大关县", "530600"),
        new UnitRow(3, "乡镇", CUIHUA, "翠华镇", COUNTY),
        new UnitRow(4, "乡镇", YUWAN, "玉碗镇", COUNTY),
        new UnitRow(5, "村", CUIHUA_VILLAGE, "翠屏村", CUIHUA),
        new UnitRow(6, "村", YUWAN_VILLAGE, "玉碗村", YUWAN),
        new UnitRow(7, "学校", CUIHUA_SCHOOL, "翠华小学", CUIHUA_VILLAGE))).accepted()).isTrue();
    enrol("bureau-daguan", "韩立新", StaffRole.EDUCATION_BUREAU, COUNTY);
    enrol("official-cuihua", "罗春燕", StaffRole.TOWNSHIP_OFFICIAL, CUIHUA);
    enrol("teacher-cuihua", "潘雪梅", StaffRole.TEACHER, CUIHUA_SCHOOL);
    enrol("cadre-yuwan", "龙德贵", StaffRole.VILLAGE_CADRE, YUWAN_VILLAGE);

    Caller township = Caller.basic(port, "official-cuihua");
    Caller bureau = Caller.basic(port, "bureau-daguan");
    Caller teacher = Caller.basic(port, "teacher-cuihua");
    Caller cadre = Caller.basic(port, "cadre-yuwan");
    String today = BeijingTime.today().toString();
    String longAgo = BeijingTime.today().minusDays(40).toString();

    long p1 = pair(township, "ORPHAN", "teacher-cuihua", CUIHUA_VILLAGE, CUIHUA_SCHOOL);
    long p2 = pair(township, "SEVERELY_DISABLED", "teacher-cuihua", CUIHUA_VILLAGE, null);
    long p3 = pair(township, "EXTREME_HARDSHIP", "official-cuihua", CUIHUA_VILLAGE, null);
    long p4 = pair(bureau, "DE_FACTO_UNSUPPORTED", "cadre-yuwan", YUWAN_VILLAGE, null);
    long p5 = pair(bureau, "ORPHAN", "teacher-cuihua", YUWAN_VILLAGE, null);

    log(teacher, p1, "PHONE", today, null);
    log(teacher, p1, "HOME_VISIT", today, null);
    log(teacher, p1, "FUNDS", today, "500");
    log(township, p1, "POLICY", today, null);
    log(teacher, p2, "VIDEO", today, null);
    log(teacher, p2, "FUNDS", today, "120.50");
    log(township, p3, "ERRAND", today, null);
    log(township, p3, "PROBLEM_SOLVED", today, null);
    log(cadre, p4, "HOME_VISIT", today, null);
    log(cadre, p4, "FUNDS", today, "1000");
    log(cadre, p4, "ESCALATED", today, null);
    log(bureau, p4, "PHONE", today, null);
    log(teacher, p5, "PHONE", longAgo, null);
  }

  @Test
  void theTownshipsBlockCountsItsOwnPairingsAndContacts() throws Exception {
    JsonNode care = care("official-cuihua", CUIHUA, "");
    assertThat(care.get("pairings")).isEqualTo(counts(Map.of("ORPHAN", 1, "SEVERELY_DISABLED", 1, "EXTREME_HARDSHIP", 1),
        "ORPHAN", "DE_FACTO_UNSUPPORTED", "SEVERELY_DISABLED", "EXTREME_HARDSHIP"));
    assertThat(care.get("contacts")).isEqualTo(contacts(Map.of("PHONE", 1, "VIDEO", 1, "HOME_VISIT", 1, "POLICY", 1,
        "PROBLEM_SOLVED", 1, "ERRAND", 1, "FUNDS", 2)));
    assertThat(care.get("fundsYuan").decimalValue()).isEqualByComparingTo("620.50");

    JsonNode yuwan = care("bureau-daguan", YUWAN, "");
    assertThat(yuwan.get("pairings")).isEqualTo(counts(Map.of("ORPHAN", 1, "DE_FACTO_UNSUPPORTED", 1),
        "ORPHAN", "DE_FACTO_UNSUPPORTED", "SEVERELY_DISABLED", "EXTREME_HARDSHIP"));
    assertThat(yuwan.get("contacts")).isEqualTo(contacts(Map.of("PHONE", 2, "HOME_VISIT", 1, "FUNDS", 1, "ESCALATED", 1)));
    assertThat(yuwan.get("fundsYuan").decimalValue()).isEqualByComparingTo("1000.00");

    // The school's block: the pairing of its pupil only.
    JsonNode school = care("official-cuihua", CUIHUA_SCHOOL, "");
    assertThat(school.get("pairings")).isEqualTo(counts(Map.of("ORPHAN", 1),
        "ORPHAN", "DE_FACTO_UNSUPPORTED", "SEVERELY_DISABLED", "EXTREME_HARDSHIP"));
    assertThat(school.get("contacts")).isEqualTo(contacts(Map.of("PHONE", 1, "HOME_VISIT", 1, "POLICY", 1, "FUNDS", 1)));
    assertThat(school.get("fundsYuan").decimalValue()).isEqualByComparingTo("500.00");
  }

  @Test
  void theCountysBlockCountsBothTownshipsAndNothingOfTheCaseFigures() throws Exception {
    Reply reply = Caller.basic(port, "bureau-daguan").get("/api/reports/summary?scope=" + COUNTY);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonNode summary = JSON.readTree(reply.body());
    JsonNode care = summary.get("care");
    assertThat(care.get("pairings")).isEqualTo(counts(Map.of("ORPHAN", 2, "DE_FACTO_UNSUPPORTED", 1, "SEVERELY_DISABLED", 1,
        "EXTREME_HARDSHIP", 1), "ORPHAN", "DE_FACTO_UNSUPPORTED", "SEVERELY_DISABLED", "EXTREME_HARDSHIP"));
    assertThat(care.get("contacts")).isEqualTo(contacts(Map.of("PHONE", 3, "VIDEO", 1, "HOME_VISIT", 2, "POLICY", 1,
        "PROBLEM_SOLVED", 1, "ERRAND", 1, "FUNDS", 3, "ESCALATED", 1)));
    assertThat(care.get("fundsYuan").decimalValue()).isEqualByComparingTo("1620.50");
    // The case figures are the cases' own: no pairing's contact is counted among them.
    assertThat(summary.get("cases").asInt()).isZero();
    summary.get("contacts").forEach(count -> assertThat(count.asInt()).isZero());
    assertThat(summary.get("fundsYuan").decimalValue()).isEqualByComparingTo("0");

    // The prefecture's block holds the county's and the demo county's pairings.
    JsonNode prefecture = care("bureau-zhaotong", "530600", "");
    assertThat(prefecture.at("/pairings/ORPHAN").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(prefecture.get("fundsYuan").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("1620.50"));
  }

  @Test
  void aRangeCountsThePairingsThatExistedAtItsEndAndTheContactsDatedInIt() throws Exception {
    // The last week: every pairing, and every contact but the phone call of 40 days ago.
    JsonNode week = care("bureau-daguan", COUNTY, "&from=" + BeijingTime.today().minusDays(7));
    assertThat(week.get("pairings")).isEqualTo(counts(Map.of("ORPHAN", 2, "DE_FACTO_UNSUPPORTED", 1, "SEVERELY_DISABLED", 1,
        "EXTREME_HARDSHIP", 1), "ORPHAN", "DE_FACTO_UNSUPPORTED", "SEVERELY_DISABLED", "EXTREME_HARDSHIP"));
    assertThat(week.at("/contacts/PHONE").asInt()).isEqualTo(2);
    assertThat(week.get("fundsYuan").decimalValue()).isEqualByComparingTo("1620.50");
    // Until yesterday: no pairing existed yet; the phone call of 40 days ago is in the range.
    JsonNode before = care("bureau-daguan", COUNTY, "&to=" + BeijingTime.today().minusDays(1));
    assertThat(before.get("pairings")).isEqualTo(counts(Map.of(),
        "ORPHAN", "DE_FACTO_UNSUPPORTED", "SEVERELY_DISABLED", "EXTREME_HARDSHIP"));
    assertThat(before.get("contacts")).isEqualTo(contacts(Map.of("PHONE", 1)));
    assertThat(before.get("fundsYuan").decimalValue()).isEqualByComparingTo("0");
  }

  @Test
  void aTownshipReadsNoOtherTownshipsBlock() {
    Reply refused = Caller.basic(port, "official-cuihua").get("/api/reports/summary?scope=" + YUWAN);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("您无权查看玉碗镇的统计").doesNotContain("pairings");
  }

  // --- helpers ---

  private void enrol(String id, String name, StaffRole role, String unitCode) {
    accounts.enrol(id, name, role, units.findById(unitCode).orElseThrow(), EngineRest.DEMO_PASSWORD);
  }

  private static long pair(Caller creator, String kind, String helper, String village, String school) {
    String idNumber = TestStudents.idNumber(BeijingTime.today().minusYears(11).minusDays(700 + PEOPLE.incrementAndGet()), false);
    String body = "{\"kind\":\"" + kind + "\",\"idNumber\":\"" + idNumber + "\",\"name\":\"关爱对象\",\"helper\":\"" + helper
        + "\",\"villageCode\":\"" + village + "\"" + (school == null ? "" : ",\"schoolCode\":\"" + school + "\"") + "}";
    Reply created = creator.postJson("/api/care/pairings", body);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    try {
      return JSON.readTree(created.body()).get("id").asLong();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void log(Caller who, long pairing, String type, String date, String amount) {
    String body = "{\"type\":\"" + type + "\",\"date\":\"" + date + "\"" + (amount == null ? "" : ",\"amountYuan\":\"" + amount + "\"") + "}";
    Reply logged = who.postJson("/api/care/pairings/" + pairing + "/contacts", body);
    assertThat(logged.status()).as("%s", logged).isEqualTo(201);
  }

  private JsonNode care(String user, String scope, String range) throws Exception {
    Reply reply = Caller.basic(port, user).get("/api/reports/summary?scope=" + scope + range);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return JSON.readTree(reply.body()).get("care");
  }

  private static JsonNode contacts(Map<String, Integer> counts) {
    return counts(counts, "PHONE", "VIDEO", "HOME_VISIT", "POLICY", "PROBLEM_SOLVED", "ERRAND", "FUNDS", "ESCALATED");
  }

  private static JsonNode counts(Map<String, Integer> counts, String... codes) {
    Map<String, Integer> all = new LinkedHashMap<>();
    for (String code : codes) {
      all.put(code, counts.getOrDefault(code, 0));
    }
    return JSON.valueToTree(all);
  }
}
