package cn.baoxue.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The summary counts what the records say. A known population is created at 尖山中学 through the
 * public APIs only (roster import, Camunda REST, the contact log), and every figure is asserted.
 * No other test reports cases at 尖山中学 (5306270003); keep it that way or the figures move.
 */
@BaoxueWebTest
class ReportSummaryTests {

  static final String JIANSHAN_SCHOOL = "5306270003";
  static final String CHANGAN_VILLAGE = TestStudents.CHANGAN_VILLAGE;

  @Autowired TestRestTemplate anonymous;

  @Test
  @SuppressWarnings("unchecked")
  void everyFigureOfTheSummaryAgreesWithTheCasesCreated() throws Exception {
    EngineRest teacher = EngineRest.as(anonymous, "teacher-jianshan");
    EngineRest official = EngineRest.as(anonymous, "official-jianshan");
    EngineRest cadre = EngineRest.as(anonymous, "cadre-changan");

    // Roster: three pupils at school and one girl out of school (case A, stays 疑似辍学).
    String roster = "姓名,身份证号,性别,出生日期,学校代码,年级,村代码,监护人,联系电话,在校状态,辍学原因,特殊群体\r\n"
        + row("甲", 13, true, 7, "在校", "", "残疾")
        + row("乙", 14, false, 8, "在校", "", "")
        + row("丙", 15, true, 9, "在校", "", "")
        + row("案甲", 12, false, 6, "辍学", "外出务工", "留守;建档立卡");
    assertThat(upload("teacher-jianshan", roster).getStatusCode()).isEqualTo(HttpStatus.OK);

    // B: a boy reported, found not to be a dropout.
    String b = start(teacher, child(14, true, 8, "WEARY", ""));
    complete(teacher, b, "verify", Map.of("verifyResult", "NOT_DROPOUT", "notDropoutReason", "TRANSFERRED", "verifyNotes", "已转学"));

    // C: a girl confirmed, visited (the real reason is 厌学), persuaded back, placed in vocational school.
    String c = start(teacher, child(11, false, 5, "POVERTY", "ORPHAN"));
    complete(teacher, c, "verify", Map.of("verifyResult", "CONFIRMED"));
    complete(official, c, "assignHelpers", Map.of("teacherHelper", "teacher-jianshan", "cadreHelper", "cadre-changan"));
    complete(teacher, c, "homeVisit", Map.of("visitDate", LocalDate.now().toString(), "metWith", "母亲",
        "childWhereabouts", "AT_HOME", "reason", "WEARY", "familyAttitude", "HESITANT"));
    complete(teacher, c, "persuadeSchool", Map.of("persuasionResult", "RETURNED", "persuasionNotes", "谈心后返校"));
    complete(teacher, c, "planPlacement", Map.of("placement", "VOCATIONAL", "placementPlan", "转入县职校"));

    // D: a girl confirmed, waiting for her helpers.
    String d = start(teacher, child(13, false, 7, "EARLY_MARRIAGE", ""));
    complete(teacher, d, "verify", Map.of("verifyResult", "CONFIRMED"));

    // The helpers' contacts with C's family; the township may record too, others may not.
    String caseC = caseNumber(teacher, c);
    assertThat(contact(teacher, caseC, Map.of("type", "PHONE", "date", LocalDate.now().toString(), "notes", "询问到校情况"))).isEqualTo(HttpStatus.CREATED);
    assertThat(contact(cadre, caseC, Map.of("type", "PHONE", "date", LocalDate.now().toString()))).isEqualTo(HttpStatus.CREATED);
    assertThat(contact(teacher, caseC, Map.of("type", "FUNDS", "date", LocalDate.now().toString(), "amountYuan", 500))).isEqualTo(HttpStatus.CREATED);
    assertThat(contact(teacher, caseC, Map.of("type", "资助资金", "date", LocalDate.now().toString(), "amountYuan", "250.50"))).isEqualTo(HttpStatus.CREATED);
    assertThat(contact(official, caseC, Map.of("type", "ESCALATED", "date", LocalDate.now().toString(), "notes", "申请困难补助"))).isEqualTo(HttpStatus.CREATED);
    assertThat(contact(teacher, caseC, Map.of("type", "FUNDS", "date", LocalDate.now().toString()))).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(contact(teacher, caseC, Map.of("type", "PHONE", "date", LocalDate.now().toString(), "amountYuan", 5))).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(contact(EngineRest.as(anonymous, "teacher-changan"), caseC, Map.of("type", "PHONE", "date", LocalDate.now().toString())))
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(contact(EngineRest.as(anonymous, "bureau-zhenxiong"), caseC, Map.of("type", "PHONE", "date", LocalDate.now().toString())))
        .isEqualTo(HttpStatus.FORBIDDEN);

    var summary = EngineRest.as(anonymous, "bureau-zhenxiong").get("/api/reports/summary?scope=" + JIANSHAN_SCHOOL);
    assertThat(summary.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> s = summary.getBody();
    assertThat(s).containsEntry("scope", JIANSHAN_SCHOOL).containsEntry("scopeName", "尖山中学")
        .containsEntry("students", 7).containsEntry("cases", 4).containsEntry("suspected", 1).containsEntry("confirmed", 2)
        .containsEntry("returned", 1).containsEntry("returnRate", 0.5).containsEntry("fundsYuan", 750.5);
    assertThat(s.get("gender")).isEqualTo(Map.of("M", 1, "F", 3));
    assertThat(s.get("reason")).isEqualTo(codes(Map.of("WORK", 1, "WEARY", 2, "EARLY_MARRIAGE", 1),
        "WORK", "WEARY", "PARENT_UNSUPPORTIVE", "ILLNESS", "REPEATING", "POVERTY", "DISABILITY", "LEARNING_DIFFICULTY",
        "EARLY_MARRIAGE", "MIGRATION", "WHEREABOUTS_UNKNOWN", "OTHER"));
    assertThat(s.get("schoolLevel")).isEqualTo(Map.of("PRIMARY", 2, "JUNIOR", 2));
    assertThat(s.get("specialGroup")).isEqualTo(codes(Map.of("LEFT_BEHIND", 1, "POOR_REGISTERED", 1, "ORPHAN", 1),
        "POOR_REGISTERED", "LEFT_BEHIND", "ORPHAN", "DE_FACTO_UNSUPPORTED", "SINGLE_PARENT", "DISABLED", "MIGRANT"));
    assertThat(s.get("status")).isEqualTo(codes(Map.of("REPORTED", 1, "NOT_DROPOUT", 1, "FOLLOWING_UP", 1, "PERSUADING", 1),
        "REPORTED", "NOT_DROPOUT", "PERSUADING", "RETURNED", "FOLLOWING_UP", "CLOSED"));
    assertThat(s.get("placement")).isEqualTo(codes(Map.of("VOCATIONAL", 1),
        "ORIGINAL_CLASS", "OTHER_CLASS", "VOCATIONAL", "SPECIAL_SCHOOL", "INCLUSIVE_CLASS", "HOME_DELIVERED"));
    assertThat(s.get("contacts")).isEqualTo(codes(Map.of("PHONE", 2, "HOME_VISIT", 1, "FUNDS", 2, "ESCALATED", 1),
        "PHONE", "VIDEO", "HOME_VISIT", "POLICY", "PROBLEM_SOLVED", "ERRAND", "FUNDS", "ESCALATED"));

    // A range without these cases counts none of them; the register still counts its children.
    String tomorrow = BeijingTime.today().plusDays(1).toString();
    Map<String, Object> empty =
        EngineRest.as(anonymous, "teacher-jianshan").get("/api/reports/summary?scope=" + JIANSHAN_SCHOOL + "&from=" + tomorrow).getBody();
    assertThat(empty).containsEntry("students", 7).containsEntry("cases", 0).containsEntry("confirmed", 0)
        .containsEntry("returnRate", 0).containsEntry("fundsYuan", 0.0);
    assertThat(((Map<String, Object>) empty.get("contacts")).values()).containsOnly(0);

    // Another school's teacher may not read this school's figures.
    var refused = EngineRest.as(anonymous, "teacher-changan").get("/api/reports/summary?scope=" + JIANSHAN_SCHOOL);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).containsEntry("message", "您无权查看尖山中学的统计");
  }

  // --- helpers ---

  private static Map<String, Integer> codes(Map<String, Integer> counts, String... allCodes) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (String code : allCodes) {
      map.put(code, counts.getOrDefault(code, 0));
    }
    return map;
  }

  private static String row(String name, int age, boolean male, int grade, String status, String reason, String groups) {
    LocalDate birth = LocalDate.now().minusYears(age).minusDays(20);
    return String.join(",", name, TestStudents.idNumber(birth, male), male ? "男" : "女", birth.toString(), JIANSHAN_SCHOOL,
        String.valueOf(grade), CHANGAN_VILLAGE, "家长", "13800000000", status, reason, groups) + "\r\n";
  }

  private static Map<String, Object> child(int age, boolean male, int grade, String reason, String groups) {
    LocalDate birth = LocalDate.now().minusYears(age).minusDays(30);
    Map<String, Object> v = new HashMap<>();
    v.put("studentName", male ? "陈小军" : "陈小兰");
    v.put("studentIdNumber", TestStudents.idNumber(birth, male));
    v.put("gender", male ? "M" : "F");
    v.put("birthDate", birth.toString());
    v.put("schoolCode", JIANSHAN_SCHOOL);
    v.put("grade", grade);
    v.put("villageCode", CHANGAN_VILLAGE);
    v.put("reason", reason);
    v.put("specialGroups", groups);
    return v;
  }

  private final Map<String, String> caseNumbers = new HashMap<>();

  private String start(EngineRest user, Map<String, Object> variables) {
    var started = user.startCase(variables);
    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
    caseNumbers.put((String) started.getBody().get("id"), (String) started.getBody().get("businessKey"));
    return (String) started.getBody().get("id");
  }

  private String caseNumber(EngineRest user, String pi) {
    return caseNumbers.get(pi);
  }

  private static void complete(EngineRest user, String pi, String taskKey, Map<String, Object> variables) {
    List<Map<String, Object>> tasks = user.tasks(pi);
    assertThat(tasks).extracting(t -> t.get("taskDefinitionKey")).containsExactly(taskKey);
    var done = user.complete((String) tasks.get(0).get("id"), variables);
    assertThat(done.getStatusCode()).as("%s %s", taskKey, done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static HttpStatus contact(EngineRest user, String caseNumber, Map<String, Object> body) {
    return HttpStatus.valueOf(user.post("/api/cases/" + caseNumber + "/contacts", body).getStatusCode().value());
  }

  private org.springframework.http.ResponseEntity<Map<String, Object>> upload(String user, String csv) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "尖山中学.csv";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return anonymous.withBasicAuth(user, EngineRest.DEMO_PASSWORD)
        .exchange("/api/imports/roster", HttpMethod.POST, new HttpEntity<>(form, headers),
            new ParameterizedTypeReference<Map<String, Object>>() {});
  }
}
