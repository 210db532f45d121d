package cn.baoxue.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.org.OrgUnitImport.UnitRow;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 云南省 above 昭通市 above 镇雄县, 彝良县 and 威信县: the prefecture's bureau reads its counties' cases
 * and figures, not a neighbour prefecture's; a county's bureau reads its own county only; the
 * summary adds up from county to prefecture to province; the org import keeps every county under
 * the code of its prefecture.
 */
@BaoxueWebTest
class PrefectureAndProvinceTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired StaffDirectory staff;
  @Autowired OrgUnitService orgUnits;
  @Autowired OrgUnitImport orgUnitImport;
  @Autowired OrgTree orgTree;

  @Test
  void thePrefecturesBureauReadsItsCountiesCasesAndACountysBureauItsOwnOnly() {
    ProcessInstance zhenxiongCase = new ActingUsers(engine, staff).reportAtChangan();
    String path = "/api/cases/" + zhenxiongCase.getBusinessKey();

    Reply zhaotong = Caller.basic(port, "bureau-zhaotong").get(path);
    assertThat(zhaotong.status()).as(zhaotong.toString()).isEqualTo(200);
    assertThat(Caller.basic(port, "bureau-zhenxiong").get(path).status()).isEqualTo(200);
    Reply yiliang = Caller.basic(port, "bureau-yiliang").get(path);
    assertThat(yiliang.status()).as("彝良县 reads no case of 镇雄县").isEqualTo(404);
    assertThat(Caller.basic(port, "bureau-yiliang").get("/api/cases").body()).doesNotContain(zhenxiongCase.getBusinessKey());
    assertThat(Caller.basic(port, "bureau-zhaotong").get("/api/cases").body()).contains(zhenxiongCase.getBusinessKey());
  }

  @Test
  void theSummaryAddsUpFromCountyToPrefectureToProvince() throws Exception {
    new ActingUsers(engine, staff).reportAtChangan();
    Caller admin = Caller.basic(port, "admin");
    long zhenxiong = cases(admin, "530627");
    long counties = zhenxiong + cases(admin, "530628") + cases(admin, "530629");
    assertThat(zhenxiong).isPositive();
    assertThat(cases(admin, "530600")).isEqualTo(counties);
    assertThat(cases(admin, "530000")).isEqualTo(counties);
    JsonNode prefecture = JSON.readTree(admin.get("/api/reports/summary?scope=530600").body());
    assertThat(prefecture.get("scopeName").asText()).isEqualTo("昭通市");
    assertThat(prefecture.get("scopeType").asText()).isEqualTo("PREFECTURE");

    Caller zhaotong = Caller.basic(port, "bureau-zhaotong");
    assertThat(cases(zhaotong, "530600")).isEqualTo(counties);
    assertThat(cases(zhaotong, "530627")).isEqualTo(zhenxiong);
    assertThat(zhaotong.get("/api/reports/summary?scope=530000").status()).as("the province is above it").isEqualTo(403);
    assertThat(Caller.basic(port, "bureau-yiliang").get("/api/reports/summary?scope=530627").status()).isEqualTo(403);
    assertThat(Caller.basic(port, "bureau-yiliang").get("/api/reports/summary?scope=530600").status()).isEqualTo(403);
  }

  @Test
  void aNeighbourPrefectureIsNotThePrefecturesToRead() {
    orgUnits.register("530300", "曲靖市", OrgUnitType.PREFECTURE, "530000");
    orgUnits.register("530302", "麒麟区", OrgUnitType.COUNTY, "530300");
    Caller zhaotong = Caller.basic(port, "bureau-zhaotong");
    assertThat(zhaotong.get("/api/reports/summary?scope=530300").status()).isEqualTo(403);
    assertThat(zhaotong.get("/api/reports/summary?scope=530302").status()).isEqualTo(403);
    assertThat(Caller.basic(port, "admin").get("/api/reports/summary?scope=530000").status()).isEqualTo(200);
  }

  @Test
  void everyCountyStaysUnderTheCodeOfItsPrefecture() {
    var refused = orgUnitImport.importRows(List.of(new UnitRow(2, "县", "530701", "古城区", "530600")));
    assertThat(refused.accepted()).isFalse();
    assertThat(refused.badRows().toString()).contains("县代码须以所属市代码的前4位开头", "530701 不属于 530600");
    var provinceWithParent = orgUnitImport.importRows(List.of(new UnitRow(2, "省", "520000", "贵州省", "530000")));
    assertThat(provinceWithParent.accepted()).isFalse();
    assertThat(provinceWithParent.badRows().toString()).contains("省是最高一级");
    assertThat(orgTree.find("530701", OrgUnitType.COUNTY)).isEmpty();
    // A county at the top of its own deployment, as Baoxue began, is still welcome.
    var topCounty = orgUnitImport.importRows(List.of(new UnitRow(2, "县", "450101", "测试县", null)));
    assertThat(topCounty.accepted()).as(topCounty.toString()).isTrue();
  }

  @Test
  void aCountysOverdueTaskClimbsToItsPrefectureAndProvince() {
    assertThat(orgTree.groupsAboveCounty("530627")).containsExactly("prefecture_530600", "province_530000");
    assertThat(staff.groupName("prefecture_530600")).isEqualTo("昭通市教育局");
    assertThat(staff.groupName("province_530000")).isEqualTo("云南省教育厅");
  }

  private static long cases(Caller caller, String scope) throws Exception {
    Reply reply = caller.get("/api/reports/summary?scope=" + scope);
    assertThat(reply.status()).as(scope + ": " + reply).isEqualTo(200);
    return JSON.readTree(reply.body()).get("cases").asLong();
  }
}
