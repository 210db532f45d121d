package cn.baoxue.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Starting a case through Camunda's REST API: every bad report is refused with a Chinese reason
 * and leaves nothing behind — no process instance, no history, no case, no student.
 */
@BaoxueWebTest
class CaseIntakeRestTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired DropoutCaseRepository cases;
  @Autowired StudentRepository students;

  static Stream<Arguments> badReports() {
    String validId = TestStudents.idNumber(LocalDate.now().minusYears(12), false);
    String wrongCheck = validId.substring(0, 17) + (validId.charAt(17) == '1' ? '2' : '1');
    LocalDate adultBirth = LocalDate.now().minusYears(25);
    String adultId = TestStudents.idNumber(adultBirth, false);
    return Stream.of(
        bad("身份证号校验位不正确", v -> v.put("studentIdNumber", wrongCheck)),
        bad("身份证号须为18位", v -> v.put("studentIdNumber", "53062720")),
        bad("出生日期与身份证号不一致", v -> v.put("birthDate", LocalDate.parse((String) v.get("birthDate")).minusDays(1).toString())),
        bad("性别与身份证号不一致", v -> v.put("gender", "M")),
        bad("不在义务教育适龄范围", v -> {
          v.put("studentIdNumber", adultId);
          v.put("birthDate", adultBirth.toString());
        }),
        bad("学校代码不存在：5306279999", v -> v.put("schoolCode", "5306279999")),
        bad("村代码不存在：530627205999", v -> v.put("villageCode", "530627205999")),
        bad("年级须为1–9之间的整数", v -> v.put("grade", 10)),
        bad("年级须为1–9之间的整数", v -> v.put("grade", "三")),
        bad("未知的辍学原因：GAMING", v -> v.put("reason", "GAMING")),
        bad("未知的特殊群体：RICH", v -> v.put("specialGroups", "LEFT_BEHIND,RICH")),
        bad("学生姓名不能为空", v -> v.put("studentName", "  ")),
        bad("学生姓名不能超过50个字", v -> v.put("studentName", "王".repeat(51))),
        bad("监护人电话格式不正确", v -> v.put("guardianPhone", "call me")),
        bad("出生日期格式应为 yyyy-MM-dd", v -> v.put("birthDate", "12/05/2014")));
  }

  private static Arguments bad(String expectedMessage, Consumer<Map<String, Object>> spoil) {
    return Arguments.of(expectedMessage, spoil);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badReports")
  void aBadReportIsRefusedWithItsReasonAndLeavesNothingBehind(String expectedMessage, Consumer<Map<String, Object>> spoil) {
    Map<String, Object> variables = new HashMap<>(TestStudents.changanGirl());
    spoil.accept(variables);
    Footprint before = footprint();

    var response = EngineRest.as(anonymous, "teacher-changan").startCase(variables);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains(expectedMessage);
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void aSecondOpenCaseForTheSameChildIsRefused() {
    Map<String, Object> child = TestStudents.changanGirl();
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    var first = teacher.startCase(child);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    Footprint before = footprint();

    var second = teacher.startCase(child);

    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) second.getBody().get("message"))
        .isEqualTo("该学生已有未结案件 " + first.getBody().get("businessKey") + "，请在原案件中继续办理");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void aTeacherCannotReportForAnotherSchool() {
    Footprint before = footprint();

    var response = EngineRest.as(anonymous, "teacher-nantai").startCase(TestStudents.changanGirl());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).isEqualTo("您无权为长安村小学（长安村）的学生上报案件");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void routingComesFromTheOrgTreeNotFromTheCaller() {
    Map<String, Object> variables = new HashMap<>(TestStudents.changanGirl());
    variables.put("schoolGroup", "school_5306270002");
    variables.put("townshipGroup", "township_530627104");
    variables.put("caseNumber", "FAKE-1");

    Footprint before = footprint();

    // The report form has no such fields (TaskContracts): a start that carries them is refused whole.
    var refused = EngineRest.as(anonymous, "teacher-changan").startCase(variables);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).contains("“schoolGroup”", "“townshipGroup”", "“caseNumber”");
    assertThat(footprint()).isEqualTo(before);

    var response = EngineRest.as(anonymous, "teacher-changan").startCase(TestStudents.changanGirl());
    String pi = (String) response.getBody().get("id");
    assertThat(runtimeService.getVariable(pi, "schoolGroup")).isEqualTo("school_5306270001");
    assertThat(runtimeService.getVariable(pi, "townshipGroup")).isEqualTo("township_530627205");
    assertThat(runtimeService.getVariable(pi, "caseNumber")).isEqualTo(response.getBody().get("businessKey"));
    DropoutCase opened = cases.findByCaseNumber((String) response.getBody().get("businessKey")).orElseThrow();
    assertThat(opened.getTownshipCode()).isEqualTo("530627205");
    assertThat(opened.getCountyCode()).isEqualTo("530627");
  }

  @Test
  void specialGroupsFromAFormChecklistAreStoredAsCodes() {
    Map<String, Object> variables = new HashMap<>(TestStudents.changanGirl());
    variables.remove("specialGroups");
    var body = new HashMap<String, Object>();
    variables.forEach((name, value) -> body.put(name, Map.of("value", value)));
    // Tasklist submits a checklist as a JSON variable holding an array.
    body.put("specialGroups", Map.of("value", "[\"ORPHAN\",\"留守\"]", "type", "Json"));

    var response = EngineRest.as(anonymous, "teacher-changan")
        .post("/engine-rest/process-definition/key/dropout-case/start", Map.of("variables", body));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    String pi = (String) response.getBody().get("id");
    assertThat(runtimeService.getVariable(pi, "specialGroups")).isEqualTo("ORPHAN,LEFT_BEHIND");
  }

  private Footprint footprint() {
    return new Footprint(
        runtimeService.createProcessInstanceQuery().count(),
        historyService.createHistoricProcessInstanceQuery().count(),
        cases.count(),
        students.count());
  }

  record Footprint(long runningInstances, long historicInstances, long cases, long students) {}
}
