package cn.baoxue;

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

/**
 * The walk of the "done when": a black-box client, using only Camunda's REST API with HTTP
 * Basic, takes a case from the report to 销号 as each role in turn, and each role sees only the
 * tasks of its own groups.
 */
@BaoxueWebTest
class CaseWalkThroughRestTests {

  @Autowired TestRestTemplate anonymous;

  @Test
  void eachRoleWalksItsStepsFromReportToClosure() {
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    EngineRest official = EngineRest.as(anonymous, "official-jianshan");
    EngineRest cadre = EngineRest.as(anonymous, "cadre-changan");
    EngineRest otherTeacher = EngineRest.as(anonymous, "teacher-nantai");
    EngineRest otherOfficial = EngineRest.as(anonymous, "official-nantai");

    var started = teacher.startCase(TestStudents.changanGirl());
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String pi = (String) started.getBody().get("id");
    String caseNumber = (String) started.getBody().get("businessKey");
    assertThat(caseNumber).matches("530627-\\d{4}-\\d{5}");

    String verify = onlyTask(teacher, pi, "verify");
    assertThat(otherTeacher.tasks(pi)).isEmpty();
    assertThat(official.tasks(pi)).isEmpty();
    assertThat(teacher.claim(verify, "teacher-changan").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(teacher.complete(verify, Map.of("verifyResult", "CONFIRMED", "verifyNotes", "连续两周未到校，已电话核实"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    String assign = onlyTask(official, pi, "assignHelpers");
    assertThat(otherOfficial.tasks(pi)).isEmpty();
    var refused = official.complete(assign, Map.of("teacherHelper", "teacher-nantai", "cadreHelper", "cadre-changan"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).isEqualTo("包保教师“teacher-nantai”不是本案学校的教师，请重新选择");
    official.complete(assign, Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));

    String visit = onlyTask(teacher, pi, "homeVisit");
    assertThat(cadre.tasks(pi)).extracting(task -> task.get("taskDefinitionKey")).containsExactly("homeVisit");
    teacher.complete(visit, Map.of("visitDate", LocalDate.now().toString(), "metWith", "父亲", "childWhereabouts", "AT_HOME",
        "reason", "WEARY", "familyAttitude", "HESITANT", "visitNotes", "孩子在家，不愿上学"));

    teacher.complete(onlyTask(teacher, pi, "persuadeSchool"), Map.of("persuasionResult", "NOT_RETURNED", "persuasionNotes", "谈心两次"));
    cadre.complete(onlyTask(cadre, pi, "persuadeJoint"), Map.of("persuasionResult", "NOT_RETURNED", "persuasionNotes", "村乡联合入户"));
    official.complete(onlyTask(official, pi, "issueReturnOrder"), Map.of("orderDeadline", LocalDate.now().plusDays(10).toString(),
        "persuasionResult", "RETURNED", "persuasionNotes", "送达通知书后家长送回"));
    teacher.complete(onlyTask(teacher, pi, "planPlacement"), Map.of("placement", "ORIGINAL_CLASS", "placementPlan", "回原班，结对帮扶"));

    EngineRest admin = EngineRest.as(anonymous, "admin");
    List<Map<String, Object>> followUpTimer =
        admin.getList("/engine-rest/job?processInstanceId=" + pi + "&activityId=followUpDue&timers=true").getBody();
    assertThat(followUpTimer).hasSize(1);
    admin.post("/engine-rest/job/" + followUpTimer.get(0).get("id") + "/execute", Map.of());
    String followUp = onlyTask(teacher, pi, "followUp");
    teacher.complete(followUp, Map.of("followUpResult", "STABLE", "followUpNotes", "按时到校"));
    ClosureEvidence.attachThroughApi(anonymous, "cadre-changan", caseNumber);
    official.complete(onlyTask(official, pi, "approveClosure"), Map.of("closureDecision", "APPROVE", "closureComment", "同意销号"));

    var history = teacher.get("/api/cases/" + caseNumber);
    assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(history.getBody()).containsEntry("status", "CLOSED").containsEntry("statusLabel", "已销号");
    assertThat(otherTeacher.get("/api/cases/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(teacher.tasks(pi)).isEmpty();
  }

  @Test
  void anOverdueTaskAppearsForTheTownshipWithASupervisionTask() {
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    EngineRest official = EngineRest.as(anonymous, "official-jianshan");
    EngineRest admin = EngineRest.as(anonymous, "admin");
    Map<String, Object> started = teacher.startCase(TestStudents.changanGirl()).getBody();
    String pi = (String) started.get("id");
    String caseNumber = (String) started.get("businessKey");
    assertThat(official.tasks(pi)).isEmpty();

    List<Map<String, Object>> timers =
        admin.getList("/engine-rest/job?processInstanceId=" + pi + "&activityId=verify&timers=true").getBody();
    assertThat(timers).hasSize(1);
    assertThat(admin.post("/engine-rest/job/" + timers.get(0).get("id") + "/execute", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(official.tasks(pi)).extracting(task -> task.get("taskDefinitionKey")).containsExactly("verify");
    String supervisionOfThisCase = "/engine-rest/task?processDefinitionKey=supervision&processInstanceBusinessKey=" + caseNumber;
    assertThat(official.getList(supervisionOfThisCase).getBody()).extracting(task -> task.get("name"))
        .containsExactly("督办：核实是否辍学");
    assertThat(EngineRest.as(anonymous, "official-nantai").getList(supervisionOfThisCase).getBody()).isEmpty();
    String casePage = anonymous.withBasicAuth("official-jianshan", "demo").getForObject("/cases/" + caseNumber, String.class);
    assertThat(casePage.substring(casePage.indexOf("逾期督办"), casePage.indexOf("包保责任人")))
        .contains("核实是否辍学", "<td>尖山乡</td>", "<td>长安村小学</td>").doesNotContain("无逾期", "township_", "school_");
  }

  private static String onlyTask(EngineRest user, String pi, String taskKey) {
    List<Map<String, Object>> tasks = user.tasks(pi);
    assertThat(tasks).extracting(task -> task.get("taskDefinitionKey")).containsExactly(taskKey);
    return (String) tasks.get(0).get("id");
  }
}
