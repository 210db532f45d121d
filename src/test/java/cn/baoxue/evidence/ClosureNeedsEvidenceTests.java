package cn.baoxue.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.ClosureEvidence;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 销号 needs 佐证材料 on the home visit and the closing follow-up (baoxue.evidence.required-for-closure):
 * the township's approval without them is refused in Chinese, naming what is missing, before
 * anything is written; a return to follow-up is not held up; evidence uploaded on the completed
 * tasks afterwards lets the case close.
 */
@BaoxueWebTest
class ClosureNeedsEvidenceTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcClient jdbc;

  @Test
  void approvalWithoutEvidenceIsRefusedNamingTheStepsAndAllowedOnceUploadedOnTheCompletedTasks() {
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    EngineRest official = EngineRest.as(anonymous, "official-jianshan");
    EngineRest admin = EngineRest.as(anonymous, "admin");
    Map<String, Object> started = teacher.startCase(TestStudents.changanGirl()).getBody();
    String pi = (String) started.get("id");
    String caseNumber = (String) started.get("businessKey");
    String verify = onlyTask(teacher, pi, "verify");
    teacher.claim(verify, "teacher-changan");
    teacher.complete(verify, Map.of("verifyResult", "CONFIRMED", "verifyNotes", "连续两周未到校"));
    official.complete(onlyTask(official, pi, "assignHelpers"), Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));
    teacher.complete(onlyTask(teacher, pi, "homeVisit"), Map.of("visitDate", LocalDate.now().toString(), "metWith", "父亲",
        "childWhereabouts", "AT_HOME", "reason", "WEARY", "familyAttitude", "HESITANT", "visitNotes", "孩子在家"));
    teacher.complete(onlyTask(teacher, pi, "persuadeSchool"), Map.of("persuasionResult", "RETURNED", "persuasionNotes", "谈心后返校"));
    teacher.complete(onlyTask(teacher, pi, "planPlacement"), Map.of("placement", "ORIGINAL_CLASS", "placementPlan", "回原班"));
    List<Map<String, Object>> timer = admin.getList("/engine-rest/job?processInstanceId=" + pi + "&activityId=followUpDue&timers=true").getBody();
    admin.post("/engine-rest/job/" + timer.get(0).get("id") + "/execute", Map.of());
    teacher.complete(onlyTask(teacher, pi, "followUp"), Map.of("followUpResult", "STABLE", "followUpNotes", "按时到校"));
    String approval = onlyTask(official, pi, "approveClosure");

    var refused = official.complete(approval, Map.of("closureDecision", "APPROVE", "closureComment", "同意销号"));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).isEqualTo(
        "尚缺佐证材料，不能销号：“入户家访”至少1份（现有0份），“跟踪回访”至少1份（现有0份）。请在个案页面的“佐证材料”中上传后再审批");
    assertThat(onlyTask(official, pi, "approveClosure")).isEqualTo(approval);
    assertThat(reviewsOf(caseNumber)).isZero();
    assertThat(teacher.get("/api/cases/" + caseNumber).getBody().get("status")).isNotEqualTo("CLOSED");

    // One item on the visit is not enough: the follow-up is still named.
    String visitTask = (String) admin.getList("/engine-rest/history/task?processInstanceId=" + pi + "&taskDefinitionKey=homeVisit")
        .getBody().get(0).get("id");
    assertThat(ClosureEvidence.upload(anonymous, "cadre-changan", caseNumber, Map.of("step", visitTask), "visit.jpg",
        ClosureEvidence.photo()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    var stillRefused = official.complete(approval, Map.of("closureDecision", "APPROVE"));
    assertThat((String) stillRefused.getBody().get("message")).contains("“跟踪回访”至少1份（现有0份）").doesNotContain("入户家访");

    // Returning to follow-up needs no evidence.
    assertThat(official.complete(approval, Map.of("closureDecision", "RETURN", "closureComment", "补充到校照片"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    teacher.complete(onlyTask(teacher, pi, "followUp"), Map.of("followUpResult", "STABLE", "followUpNotes", "已补充"));

    ClosureEvidence.attachThroughApi(anonymous, "teacher-changan", caseNumber);
    assertThat(official.complete(onlyTask(official, pi, "approveClosure"), Map.of("closureDecision", "APPROVE", "closureComment", "同意销号"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(teacher.get("/api/cases/" + caseNumber).getBody()).containsEntry("status", "CLOSED");
    assertThat(EngineRest.as(anonymous, "auditor").get("/api/audit/verify").getBody()).containsEntry("intact", true);
  }

  private long reviewsOf(String caseNumber) {
    return jdbc.sql("select count(*) from closure_review r join dropout_case c on c.id = r.case_id where c.case_number = ?")
        .param(caseNumber).query(Long.class).single();
  }

  private static String onlyTask(EngineRest user, String pi, String taskKey) {
    List<Map<String, Object>> tasks = user.tasks(pi);
    assertThat(tasks).extracting(task -> task.get("taskDefinitionKey")).containsExactly(taskKey);
    return (String) tasks.get(0).get("id");
  }
}
