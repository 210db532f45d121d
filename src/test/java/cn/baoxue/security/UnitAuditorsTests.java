package cn.baoxue.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.identity.StaffRole;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.OrgUnitService;
import cn.baoxue.org.Roles;
import cn.baoxue.org.StaffAccounts;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.EngineRest;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The auditors of a county, a prefecture and a province (县、市、省督导审计) read the cases of their
 * own units in Baoxue's pages and APIs, change nothing, and do not open Cockpit, which cannot keep to
 * a jurisdiction; the deployment's auditors (督导审计) still read everything there. 昭通市's auditor
 * reads 镇雄县's case; 彝良县's auditor does not; 曲靖市, the neighbour prefecture, is nobody's here.
 */
@BaoxueWebTest
class UnitAuditorsTests {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired StaffDirectory staff;
  @Autowired StaffAccounts accounts;
  @Autowired OrgUnitService orgUnits;
  @Autowired OrgTree orgTree;
  @Autowired Roles roles;
  @Autowired DropoutCaseRepository cases;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void auditorsOfACountyAndOfTheNeighbourPrefecture() {
    orgUnits.register("530300", "曲靖市", OrgUnitType.PREFECTURE, "530000");
    orgUnits.register("530302", "麒麟区", OrgUnitType.COUNTY, "530300");
    accounts.enrol("auditor-yiliang", "韦文静", StaffRole.COUNTY_AUDITOR, orgTree.find("530628", OrgUnitType.COUNTY).orElseThrow(),
        EngineRest.DEMO_PASSWORD);
    accounts.enrol("bureau-qujing", "蒋国庆", StaffRole.PREFECTURE_BUREAU, orgTree.find("530300", OrgUnitType.PREFECTURE).orElseThrow(),
        EngineRest.DEMO_PASSWORD);
  }

  @Test
  void eachAuditorsGroupKeepsToItsUnitAndGivesNoWork() {
    assertThat(staff.groupIdsOf("auditor-zhaotong")).containsExactly("audit_prefecture_530600");
    assertThat(staff.groupIdsOf("auditor-yiliang")).containsExactly("audit_county_530628");
    assertThat(roles.describe("auditor-zhaotong")).isEqualTo("龚雪梅（昭通市督导审计）");

    Jurisdiction zhaotong = Jurisdiction.ofGroups(List.of("audit_prefecture_530600"));
    assertThat(zhaotong.isEverywhere()).isFalse();
    assertThat(zhaotong.covers("530627")).isTrue();
    assertThat(zhaotong.covers("530629")).isTrue();
    assertThat(zhaotong.covers("530302")).as("曲靖市's county").isFalse();
    Jurisdiction yiliang = Jurisdiction.ofGroups(List.of("audit_county_530628"));
    assertThat(yiliang.covers("530628")).isTrue();
    assertThat(yiliang.covers("530627")).isFalse();
    assertThat(Jurisdiction.ofGroups(List.of("audit_province_530000")).covers("530302")).isTrue();

    assertThat(GroupIds.kindOf("audit_county_530628").givesWork()).isFalse();
    assertThat(GroupIds.kindOf("audit_county_530628").audits()).isTrue();
    assertThat(GroupIds.kindOf(GroupIds.AUDITORS)).isEqualTo(GroupIds.Kind.AUDITORS);
    // Refused every write before Baoxue or the engine is asked, as the deployment's auditors are.
    assertThat(ReadOnlyRoles.isReadOnly(new Staff("auditor-yiliang", List.of("audit_county_530628")))).isTrue();
    assertThat(ReadOnlyRoles.isReadOnly(new Staff("bureau-yiliang", List.of("audit_county_530628", "county_530628")))).isFalse();
  }

  @Test
  void thePrefecturesAuditorReadsItsCountiesCasesAndFiguresOnly() {
    ProcessInstance zhenxiong = new ActingUsers(engine, staff).reportAtChangan();
    String casePath = "/api/cases/" + zhenxiong.getBusinessKey();
    Caller zhaotong = Caller.basic(port, "auditor-zhaotong");

    assertThat(zhaotong.get(casePath).status()).isEqualTo(200);
    assertThat(zhaotong.get("/api/cases").body()).contains(zhenxiong.getBusinessKey());
    assertThat(zhaotong.get("/api/reports/summary?scope=530600").status()).isEqualTo(200);
    assertThat(zhaotong.get("/api/reports/summary?scope=530627").status()).isEqualTo(200);
    assertThat(zhaotong.get("/api/reports/summary?scope=530000").status()).as("the province is above it").isEqualTo(403);
    assertThat(zhaotong.get("/api/reports/summary?scope=530300").status()).as("the neighbour prefecture").isEqualTo(403);
    assertThat(zhaotong.get("/api/reports/summary?scope=530302").status()).isEqualTo(403);

    Caller yiliang = Caller.basic(port, "auditor-yiliang");
    assertThat(yiliang.get(casePath).status()).as("彝良县's auditor reads no case of 镇雄县").isEqualTo(404);
    assertThat(yiliang.get("/api/cases").body()).doesNotContain(zhenxiong.getBusinessKey());
    assertThat(yiliang.get("/api/reports/summary?scope=530628").status()).isEqualTo(200);
    assertThat(yiliang.get("/api/reports/summary?scope=530627").status()).isEqualTo(403);
  }

  @Test
  void aUnitsAuditorChangesNothing() {
    ProcessInstance zhenxiong = new ActingUsers(engine, staff).reportAtChangan();
    String caseNumber = zhenxiong.getBusinessKey();
    Task verify = engine.getTaskService().createTaskQuery().processInstanceId(zhenxiong.getId()).singleResult();
    long contactsBefore = contacts(caseNumber);

    Caller zhaotong = Caller.basic(port, "auditor-zhaotong");
    Reply contact = zhaotong.postJson("/api/cases/" + caseNumber + "/contacts",
        "{\"type\":\"PHONE\",\"date\":\"" + LocalDate.now() + "\",\"notes\":\"督导试写\"}");
    assertThat(contact.status()).as(contact.toString()).isEqualTo(403);
    Reply claim = zhaotong.postJson("/engine-rest/task/" + verify.getId() + "/claim", "{\"userId\":\"auditor-zhaotong\"}");
    assertThat(claim.status()).as(claim.toString()).isEqualTo(403);

    assertThat(contacts(caseNumber)).isEqualTo(contactsBefore);
    assertThat(engine.getTaskService().createTaskQuery().taskId(verify.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void onlyTheDeploymentsAuditorsOpenCockpitAndItsReads() {
    ProcessInstance zhenxiong = new ActingUsers(engine, staff).reportAtChangan();
    String instance = "/engine-rest/process-instance/" + zhenxiong.getId();
    assertThat(Caller.basic(port, "auditor").get(instance).status()).isEqualTo(200);
    assertThat(Caller.basic(port, "auditor-zhaotong").get(instance).status()).isEqualTo(403);
    assertThat(Caller.basic(port, "auditor-zhaotong").get("/engine-rest/history/process-instance/" + zhenxiong.getId()).status())
        .isEqualTo(403);

    Reply home = Caller.loggedIn(port, "auditor-zhaotong").get("/");
    assertThat(home.body()).contains("案件检索与办理记录（督导审计）").doesNotContain("流程监控");
    assertThat(Caller.loggedIn(port, "auditor").get("/").body()).contains("流程监控");
  }

  @Test
  void aUnitsAuditorAsksAboutThePeopleOfItsUnitsOnly() {
    ProcessInstance zhenxiong = new ActingUsers(engine, staff).reportAtChangan();
    String idNumber = cases.findByCaseNumber(zhenxiong.getBusinessKey()).orElseThrow().getStudent().getIdNumber();

    Caller zhaotong = Caller.basic(port, "auditor-zhaotong");
    assertThat(zhaotong.get("/api/audit/operations?user=official-jianshan").status()).isEqualTo(200);
    assertThat(zhaotong.get("/api/audit/operations?user=bureau-zhaotong").status()).isEqualTo(200);
    assertThat(zhaotong.get("/api/audit/access?student=" + idNumber).status()).isEqualTo(200);
    assertThat(zhaotong.get("/api/audit/verify").status()).isEqualTo(200);
    Reply neighbour = zhaotong.get("/api/audit/operations?user=bureau-qujing");
    assertThat(neighbour.status()).isEqualTo(403);
    assertThat(neighbour.body()).contains("该工作人员不在您督导的单位");
    assertThat(zhaotong.get("/api/audit/access?user=bureau-qujing").status()).isEqualTo(403);

    Caller yiliang = Caller.basic(port, "auditor-yiliang");
    assertThat(yiliang.get("/api/audit/access?student=" + idNumber).status()).as("a pupil of 镇雄县").isEqualTo(403);
    assertThat(yiliang.get("/api/audit/operations?user=official-jianshan").status()).isEqualTo(403);
    assertThat(yiliang.get("/api/audit/operations?user=bureau-yiliang").status()).isEqualTo(200);
    assertThat(Caller.basic(port, "auditor").get("/api/audit/operations?user=bureau-qujing").status()).isEqualTo(200);
  }

  private long contacts(String caseNumber) {
    return jdbc.sql("select count(*) from contact_log l join dropout_case c on c.id = l.case_id where c.case_number = ?")
        .param(caseNumber).query(Long.class).single();
  }
}
