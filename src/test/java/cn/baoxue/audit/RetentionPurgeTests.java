package cn.baoxue.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A case closed longer ago than the retention loses its records; an open case loses nothing; the trail still verifies. */
@BaoxueWebTest
class RetentionPurgeTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired RetentionPurge retention;

  @Test
  void recordsOfLongClosedCasesGoAndTheTrailStillVerifies() {
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    Map<String, Object> closed = teacher.startCase(TestStudents.changanGirl()).getBody();
    String closedPi = (String) closed.get("id");
    managementService.executeJob(managementService.createJobQuery().processInstanceId(closedPi).activityId("verify")
        .timers().singleResult().getId());
    String verify = taskService.createTaskQuery().processInstanceId(closedPi).singleResult().getId();
    teacher.complete(verify, Map.of("verifyResult", "NOT_DROPOUT", "notDropoutReason", "TRANSFERRED"));
    jdbc.sql("update dropout_case set closed_at = ? where case_number = ?")
        .params(LocalDateTime.now().minusYears(11), closed.get("businessKey")).update();
    String open = (String) teacher.startCase(TestStudents.changanGirl()).getBody().get("businessKey");
    Long closedId = caseId((String) closed.get("businessKey"));

    int purged = retention.purgeClosedBefore(LocalDateTime.now().minusDays(3650));

    assertThat(purged).isOne();
    assertThat(count("select count(*) from dropout_case where case_number = ?", closed.get("businessKey"))).isZero();
    assertThat(count("select count(*) from escalation where case_id = ?", closedId)).isZero();
    assertThat(count("select count(*) from dropout_case where case_number = ?", open)).isOne();
    assertThat(count("select count(*) from audit_trail where entry_kind = 'RETENTION_PURGE' and case_id = ?", closedId)).isOne();
    assertThat(EngineRest.as(anonymous, "auditor").get("/api/audit/verify").getBody()).containsEntry("intact", true);
  }

  private Long caseId(String caseNumber) {
    return jdbc.sql("select id from dropout_case where case_number = ?").param(caseNumber).query(Long.class).single();
  }

  private int count(String sql, Object param) {
    return jdbc.sql(sql).param(param).query(Integer.class).single();
  }
}
