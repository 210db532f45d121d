package cn.baoxue.field;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Cases walked through the REST API to the step a field test needs. */
final class FieldCases {

  /** A case whose 入户家访 is open, offered to both helpers by name. */
  record AtHomeVisit(String processInstanceId, String caseNumber, String homeVisitTaskId) {}

  private FieldCases() {}

  /** 长安: 李明华 (teacher-changan) and 杨国富 (cadre-changan) are its helpers. */
  static AtHomeVisit changan(TestRestTemplate anonymous) {
    return atHomeVisit(anonymous, TestStudents.changanGirl(), "teacher-changan", "cadre-changan", "official-jianshan");
  }

  /** 南台: another township's case, with its own helpers. */
  static AtHomeVisit nantai(TestRestTemplate anonymous) {
    Map<String, Object> girl = new HashMap<>(TestStudents.changanGirl());
    girl.put("schoolCode", TestStudents.NANTAI_SCHOOL);
    girl.put("villageCode", TestStudents.NANTAI_VILLAGE);
    // A name of her own: other tests read 南台's pages for 长安's 王小梅 and must not find her there.
    girl.put("studentName", "张小兰");
    return atHomeVisit(anonymous, girl, "teacher-nantai", "cadre-nantai", "official-nantai");
  }

  private static AtHomeVisit atHomeVisit(TestRestTemplate anonymous, Map<String, Object> child, String teacherId,
      String cadreId, String officialId) {
    EngineRest teacher = EngineRest.as(anonymous, teacherId);
    EngineRest official = EngineRest.as(anonymous, officialId);
    var started = teacher.startCase(child).getBody();
    String pi = (String) started.get("id");
    String verify = only(teacher, pi, "verify");
    teacher.claim(verify, teacherId);
    assertThat(teacher.complete(verify, Map.of("verifyResult", "CONFIRMED", "verifyNotes", "连续两周未到校")).getStatusCode().value())
        .isEqualTo(204);
    assertThat(official.complete(only(official, pi, "assignHelpers"), Map.of("teacherHelper", teacherId, "cadreHelper", cadreId))
        .getStatusCode().value()).isEqualTo(204);
    return new AtHomeVisit(pi, (String) started.get("businessKey"), only(teacher, pi, "homeVisit"));
  }

  /** The home visit as the form asks for it. */
  static Map<String, Object> visit(String notes) {
    return Map.of("visitDate", LocalDate.now().toString(), "metWith", "父亲王大山", "childWhereabouts", "AT_HOME",
        "reason", "WEARY", "familyAttitude", "HESITANT", "visitNotes", notes);
  }

  static String only(EngineRest user, String pi, String taskKey) {
    List<Map<String, Object>> tasks = user.tasks(pi);
    assertThat(tasks).extracting(task -> task.get("taskDefinitionKey")).containsExactly(taskKey);
    return (String) tasks.get(0).get("id");
  }
}
