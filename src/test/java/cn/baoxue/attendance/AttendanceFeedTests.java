package cn.baoxue.attendance;

import cn.baoxue.kernel.validation.IdNumber;
import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.cases.StudentRepository;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.Rosters;
import cn.baoxue.testing.TestStudents;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attendance feed: unexcused absences on consecutive school days open one case at the
 * threshold (3); weekends do not break a run, an excused day does, and repeating a day changes nothing.
 */
@BaoxueWebTest
class AttendanceFeedTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired StudentRepository students;
  @Autowired DropoutCaseRepository cases;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;

  @Test
  void threeUnexcusedSchoolDaysAcrossAWeekendOpenOneCase() {
    String child = registeredChild();
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");

    // Thursday 12, Friday 13 November 2026; the weekend; Monday 16.
    var first = teacher.post("/api/attendance", records(absence(child, "2026-11-12", false), absence(child, "2026-11-13", false)));
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((List<?>) first.getBody().get("openedCases")).isEmpty();

    var third = teacher.post("/api/attendance", records(absence(child, "2026-11-16", false)));
    List<String> opened = (List<String>) third.getBody().get("openedCases");
    assertThat(opened).hasSize(1);
    var dropoutCase = cases.findByCaseNumber(opened.get(0)).orElseThrow();
    assertThat(dropoutCase.getSource().name()).isEqualTo("ATTENDANCE");
    assertThat(dropoutCase.getReportNotes()).isEqualTo("考勤预警：自2026-11-12起连续3个上学日无故缺勤");
    assertThat(dropoutCase.getReportedBy()).isEqualTo("teacher-changan");

    // The same days again, and a fourth: still one case.
    var again = teacher.post("/api/attendance", records(absence(child, "2026-11-16", false), absence(child, "2026-11-17", false)));
    assertThat((List<?>) again.getBody().get("openedCases")).isEmpty();
    assertThat(again.getBody().get("recorded")).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from absence where student_id = ?").param(studentId(child)).query(Integer.class).single())
        .isEqualTo(4);
    // The engine keeps the child's ID number masked only: the case record tells her cases.
    assertThat(jdbc.sql("select count(*) from dropout_case where student_id = ?").param(studentId(child)).query(Integer.class).single())
        .isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("dropout-case")
        .processInstanceBusinessKey(opened.get(0)).count()).isOne();
    assertThat(runtimeService.getVariable(dropoutCase.getProcessInstanceId(), "reason")).isEqualTo("OTHER");
  }

  @Test
  void anExcusedDayBreaksTheRun() {
    String child = registeredChild();

    var response = EngineRest.as(anonymous, "teacher-changan").post("/api/attendance", records(
        absence(child, "2026-11-18", false), absence(child, "2026-11-19", true), absence(child, "2026-11-20", false)));

    assertThat((List<?>) response.getBody().get("openedCases")).isEmpty();
  }

  @Test
  void aPostWithABadRecordIsRefusedWholeAndWritesNothing() {
    String child = registeredChild();

    var response = EngineRest.as(anonymous, "teacher-changan").post("/api/attendance", records(
        absence(child, "2026-11-12", false), absence(child, "2026-11-14", false), absence("530627201403051231", "2026-11-13", false)));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<String>) response.getBody().get("problems")).containsExactly(
        "第2条：2026-11-14 不是上学日（周末、节假日或假期）",
        "第3条：您管辖范围内没有身份证号为 530627********1231 的在册学生");
    assertThat(jdbc.sql("select count(*) from absence where student_id = ?").param(studentId(child)).query(Integer.class).single())
        .isZero();
  }

  @Test
  void aTeacherCannotReportAnotherSchoolsPupils() {
    String child = registeredChild();

    var response = EngineRest.as(anonymous, "teacher-nantai").post("/api/attendance", records(absence(child, "2026-11-12", false)));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // The same answer as for a number nobody holds: nothing tells her where the child studies.
    assertThat((String) response.getBody().get("message"))
        .isEqualTo("第1条：您管辖范围内没有身份证号为 " + IdNumber.mask(child) + " 的在册学生")
        .doesNotContain("长安村小学");
  }

  /** A pupil of 长安村小学, registered as 在校 through the school's roster import. */
  private String registeredChild() {
    return Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
  }

  private Long studentId(String idNumber) {
    return students.findByIdNumber(idNumber).orElseThrow().getId();
  }

  private static Map<String, Object> absence(String idNumber, String date, boolean excused) {
    return Map.of("studentIdNumber", idNumber, "date", date, "excused", excused);
  }

  @SafeVarargs
  private static Map<String, Object> records(Map<String, Object>... absences) {
    return Map.of("records", List.of(absences));
  }
}
