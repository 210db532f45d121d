package cn.baoxue.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A teacher may claim her school's task for herself, not hand it to a teacher of another school:
 * the engine would let anyone who may work a task claim it for any user id, and the new assignee
 * would keep the right to read the case.
 */
@BaoxueWebTest
class ClaimForSelfOnlyTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;

  @Test
  void aTeacherCannotClaimHerSchoolsTaskForATeacherOfAnotherSchool() {
    EngineRest changan = EngineRest.as(anonymous, "teacher-changan");
    String processInstanceId = (String) changan.startCase(TestStudents.changanGirl()).getBody().get("id");
    String verify = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();

    var handedOver = changan.claim(verify, "teacher-nantai");

    assertThat(handedOver.getStatusCode().value()).as("%s", handedOver.getBody()).isEqualTo(403);
    assertThat(handedOver.getBody().get("message")).isEqualTo("只能为自己认领任务；把任务交给他人需要指派权限");
    assertThat(taskService.createTaskQuery().taskId(verify).singleResult().getAssignee()).isNull();
    assertThat(authorizationService.createAuthorizationQuery().userIdIn("teacher-nantai")
        .resourceType(Resources.TASK).resourceId(verify).count()).isZero();
    assertThat(EngineRest.as(anonymous, "teacher-nantai").tasks(processInstanceId)).isEmpty();
  }

  @Test
  void claimingForOneselfStillWorks() {
    EngineRest changan = EngineRest.as(anonymous, "teacher-changan");
    String processInstanceId = (String) changan.startCase(TestStudents.changanGirl()).getBody().get("id");
    String verify = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();

    assertThat(changan.claim(verify, "teacher-changan").getStatusCode().value()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(verify).singleResult().getAssignee()).isEqualTo("teacher-changan");
  }

  @Test
  void eitherHelperClaimsTheHomeVisitForHerselfAndNobodyElseMay() {
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    EngineRest official = EngineRest.as(anonymous, "official-jianshan");
    EngineRest cadre = EngineRest.as(anonymous, "cadre-changan");
    String processInstanceId = (String) teacher.startCase(TestStudents.changanGirl()).getBody().get("id");
    teacher.complete(onlyTask(processInstanceId), java.util.Map.of("verifyResult", "CONFIRMED"));
    official.complete(onlyTask(processInstanceId), java.util.Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));
    String visit = onlyTask(processInstanceId);

    // Neither the school's principal nor the township may take it; the cadre may not hand it to the teacher.
    assertThat(EngineRest.as(anonymous, "principal-changan").claim(visit, "principal-changan").getStatusCode().value()).isEqualTo(403);
    assertThat(official.claim(visit, "official-jianshan").getStatusCode().value()).isEqualTo(403);
    var handedOver = cadre.claim(visit, "teacher-changan");
    assertThat(handedOver.getStatusCode().value()).isEqualTo(403);
    assertThat(handedOver.getBody().get("message")).isEqualTo("只能为自己认领任务；把任务交给他人需要指派权限");
    assertThat(taskService.createTaskQuery().taskId(visit).singleResult().getAssignee()).isNull();

    assertThat(cadre.claim(visit, "cadre-changan").getStatusCode().value()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(visit).singleResult().getAssignee()).isEqualTo("cadre-changan");
    // The teacher, a step behind, is told in Chinese that the task is taken.
    var late = teacher.claim(visit, "teacher-changan");
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat(taskService.createTaskQuery().taskId(visit).singleResult().getAssignee()).isEqualTo("cadre-changan");
  }

  private String onlyTask(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }
}
