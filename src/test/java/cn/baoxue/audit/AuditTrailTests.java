package cn.baoxue.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail: reads of a student's data are logged and listed for auditors; the chain
 * verifies, and a row changed behind the application's back is reported.
 */
@BaoxueWebTest
class AuditTrailTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;

  @Test
  void everyReadOfAStudentsDataIsLoggedAndListedForAuditors() {
    Map<String, Object> child = TestStudents.changanGirl();
    var started = EngineRest.as(anonymous, "teacher-changan").startCase(child);
    String caseNumber = (String) started.getBody().get("businessKey");

    EngineRest.as(anonymous, "teacher-changan").get("/api/cases/" + caseNumber);
    EngineRest.as(anonymous, "official-jianshan").get("/api/cases/" + caseNumber);

    EngineRest auditor = EngineRest.as(anonymous, "auditor");
    List<Map<String, Object>> reads =
        auditor.getList("/api/audit/access?student=" + child.get("studentIdNumber")).getBody();
    assertThat(reads).extracting(read -> read.get("user")).containsExactly("teacher-changan", "official-jianshan");
    assertThat(reads).allSatisfy(read -> {
      assertThat(read.get("view")).isEqualTo("CASE_API");
      assertThat((String) read.get("student")).contains("********");
    });
    assertThat(EngineRest.as(anonymous, "teacher-changan").get("/api/audit/access?user=official-jianshan")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void ledgerExportsMaskIdentityForRolesThatDoNotNeedItAndAreLogged() throws Exception {
    Map<String, Object> child = TestStudents.changanGirl();
    EngineRest.as(anonymous, "teacher-changan").startCase(child);
    String idNumber = (String) child.get("studentIdNumber");

    List<String> forAuditor = exportedIdNumbers("auditor");
    List<String> forOfficial = exportedIdNumbers("official-jianshan");

    // A provisional number (临时编号, T + county + sequence) says nothing about the child and is shown as it is.
    assertThat(forAuditor).isNotEmpty().allMatch(id -> id.contains("********") || id.matches("T\\d{17}"));
    assertThat(forAuditor).anyMatch(id -> id.contains("********"));
    assertThat(forOfficial).contains(idNumber);
    List<Map<String, Object>> exports = jdbc.sql(
            "select actor, payload from audit_trail where entry_kind = 'PERSONAL_DATA_EXPORT' order by id")
        .query().listOfRows();
    assertThat(exports).extracting(row -> row.get("ACTOR") != null ? row.get("ACTOR") : row.get("actor"))
        .containsSubsequence("auditor", "official-jianshan");
  }

  private List<String> exportedIdNumbers(String user) throws Exception {
    byte[] xlsx = anonymous.withBasicAuth(user, "demo").getForEntity("/ledgers/suspected.xlsx", byte[].class).getBody();
    try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      return workbook.getFirstSheet().read().stream().skip(1).map(row -> row.getCellText(2)).toList();
    }
  }

  @Test
  void theChainVerifiesAndATamperedEscalationIsReported() {
    String pi = (String) EngineRest.as(anonymous, "teacher-changan").startCase(TestStudents.changanGirl()).getBody().get("id");
    String timer = managementService.createJobQuery().processInstanceId(pi).activityId("verify").timers().singleResult().getId();
    managementService.executeJob(timer);
    EngineRest auditor = EngineRest.as(anonymous, "auditor");

    Map<String, Object> before = auditor.get("/api/audit/verify").getBody();
    assertThat(before).containsEntry("intact", true);
    assertThat((Integer) before.get("entries")).isPositive();

    Long escalationId = jdbc.sql("select max(id) from escalation").query(Long.class).single();
    String responsible = jdbc.sql("select responsible from escalation where id = ?").param(escalationId).query(String.class).single();
    jdbc.sql("update escalation set responsible = 'nobody' where id = ?").param(escalationId).update();

    Map<String, Object> after = auditor.get("/api/audit/verify").getBody();
    assertThat(after).containsEntry("intact", false);
    assertThat((List<String>) after.get("problems")).contains("督办记录 #" + escalationId + " 已被改动");

    // Put it back: the other tests of this context verify the same trail.
    jdbc.sql("update escalation set responsible = ? where id = ?").params(responsible, escalationId).update();
    assertThat(auditor.get("/api/audit/verify").getBody()).containsEntry("intact", true);
  }
}
