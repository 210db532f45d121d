package cn.baoxue.atrisk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The at-risk register of 长安村小学 through its doors, on Tuesday 8 December 2026 (2026年秋季学期):
 * attendance posted through the attendance feed, grades imported, a teacher's observation; the
 * principal assesses, reads each flag's points, confirms one and dismisses one with a reason; the
 * teachers see only the confirmed. Another school, township or county, a teacher, undeclared fields, a bad
 * grades row, odd path spellings and cross-site writes are refused with nothing changed.
 */
@BaoxueWebTest
class AtRiskRegisterApiTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String FLAGS = "/api/at-risk/flags";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void tuesdayEighthOfDecember() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 8, 10, 0, 0, 0, CHINA).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void pointsFromAttendanceGradesGroupsAndObservationsFlagPupilsWhomThePrincipalConfirmsOrDismisses() throws Exception {
    String absent = AtRiskPupils.register(jdbc, "缺勤甲", "ORPHAN", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    String failing = AtRiskPupils.register(jdbc, "成绩乙", "LEFT_BEHIND", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    String weary = AtRiskPupils.register(jdbc, "厌学丙", "LEFT_BEHIND", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    String fine = AtRiskPupils.register(jdbc, "平安丁", "SINGLE_PARENT", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    Caller teacher = Caller.basic(port, "teacher-changan");
    Caller principal = Caller.basic(port, "principal-changan");

    // Ten unexcused days in November, never three in a row (a run of three would open a case).
    Reply attendance = teacher.postJson("/api/attendance", absences(absent,
        "2026-11-02", "2026-11-04", "2026-11-06", "2026-11-10", "2026-11-12", "2026-11-16", "2026-11-18", "2026-11-20",
        "2026-11-24", "2026-11-26"));
    assertThat(attendance.status()).as("%s", attendance).isEqualTo(200);
    assertThat(JSON.readTree(attendance.body()).get("openedCases")).isEmpty();

    Reply grades = teacher.upload("/api/at-risk/grades", "file", "成绩.csv", csv(
        "姓名,身份证号,学期,科目,成绩,年级排名",
        "成绩乙," + failing + ",2026年春季学期,语文,75,100",
        "成绩乙," + failing + ",2026年秋季学期,语文,52,130",
        "成绩乙," + failing + ",2026年秋季学期,数学,41.5,130",
        "成绩乙," + failing + ",2026年秋季学期,英语,59.5,130",
        "平安丁," + fine + ",2026年秋季学期,数学,88,20"));
    assertThat(grades.status()).as("%s", grades).isEqualTo(200);
    assertThat(JSON.readTree(grades.body()).get("rows").asInt()).isEqualTo(5);

    Reply observed = teacher.postJson("/api/at-risk/observations",
        "{\"idNumber\":\"" + weary + "\",\"observation\":\"WEARY\",\"notes\":\"上课睡觉，多次说不想读了\"}");
    assertThat(observed.status()).as("%s", observed).isEqualTo(201);

    Reply assessed = principal.postJson("/api/at-risk/assessments", "{\"schoolCode\":\"" + TestStudents.CHANGAN_SCHOOL + "\"}");
    assertThat(assessed.status()).as("%s", assessed).isEqualTo(200);
    assertThat(JSON.readTree(assessed.body()).get("term").asText()).isEqualTo("2026年秋季学期");

    assertThat(points(principal, absent)).containsExactly("ABSENCE/10/40", "ORPHAN/1/20");
    assertThat(points(principal, failing)).containsExactly("FAILED_SUBJECTS/3/30", "RANK_FALL/30/20", "LEFT_BEHIND/1/10");
    assertThat(points(principal, weary)).containsExactly("WEARY/1/30", "LEFT_BEHIND/1/10");
    assertThat(AtRiskPupils.flagOf(jdbc, fine)).as("10 points: below the line").isNull();
    JsonNode flag = flag(principal, absent);
    assertThat(flag.get("totalPoints").asInt()).isEqualTo(60);
    assertThat(flag.get("statusLabel").asText()).isEqualTo("待校长确认");
    assertThat(flag.get("mayDecide").asBoolean()).isTrue();
    assertThat(flag.at("/points/0/label").asText()).isEqualTo("本学期无故缺勤");
    assertThat(flag.at("/points/0/amountText").asText()).isEqualTo("10天");
    assertThat(flag.at("/points/1/label").asText()).isEqualTo("特殊群体：孤儿");
    assertThat(flag(principal, failing).get("categories")).extracting(JsonNode::asText).containsExactly("学困生", "家困生");

    // Undecided flags do not reach the teachers.
    assertThat(ids(teacher.get(FLAGS))).doesNotContain(AtRiskPupils.flagOf(jdbc, absent), AtRiskPupils.flagOf(jdbc, failing));
    assertThat(teacher.get(FLAGS + "/" + AtRiskPupils.flagOf(jdbc, absent)).status()).isEqualTo(404);

    long auditBefore = audit();
    Reply confirmed = principal.postJson(FLAGS + "/" + AtRiskPupils.flagOf(jdbc, absent) + "/confirm", "{}");
    assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
    assertThat(JSON.readTree(confirmed.body()).get("decidedBy").asText()).isEqualTo("王建国（长安村小学）");
    Reply dismissed = principal.postJson(FLAGS + "/" + AtRiskPupils.flagOf(jdbc, failing) + "/dismiss",
        "{\"reason\":\"期中考试时生病，已补考及格\"}");
    assertThat(dismissed.status()).as("%s", dismissed).isEqualTo(200);
    assertThat(JSON.readTree(dismissed.body()).get("statusLabel").asText()).isEqualTo("已排除（误报）");
    assertThat(audit() - auditBefore).isEqualTo(2);
    assertThat(jdbc.queryForList("select payload from audit_trail where entry_kind = 'AT_RISK_DECISION' and ref_id = ?", String.class,
        AtRiskPupils.flagOf(jdbc, failing))).singleElement().asString().contains("status=DISMISSED", "补考");

    // The teacher now sees the confirmed pupil with her points, and not the dismissed one.
    List<Long> seen = ids(teacher.get(FLAGS));
    assertThat(seen).contains(AtRiskPupils.flagOf(jdbc, absent)).doesNotContain(AtRiskPupils.flagOf(jdbc, failing));
    assertThat(flag(teacher, absent).get("mayDecide").asBoolean()).isFalse();

    // A second decision is refused; a re-run of the assessment leaves decided flags as they are.
    assertThat(principal.postJson(FLAGS + "/" + AtRiskPupils.flagOf(jdbc, absent) + "/dismiss", "{\"reason\":\"x\"}").status())
        .isEqualTo(409);
    principal.postJson("/api/at-risk/assessments", "{\"schoolCode\":\"" + TestStudents.CHANGAN_SCHOOL + "\"}");
    assertThat(jdbc.queryForObject("select status from risk_flag where id = ?", String.class, AtRiskPupils.flagOf(jdbc, failing)))
        .isEqualTo("DISMISSED");
    Reply verified = Caller.basic(port, "auditor").get("/api/audit/verify");
    assertThat(JSON.readTree(verified.body()).get("intact").asBoolean()).as("%s", verified).isTrue();
  }

  @Test
  void othersCannotDecideOrReadAndBadInputChangesNothing() throws Exception {
    String pupil = AtRiskPupils.register(jdbc, "拒绝戊", "ORPHAN,DE_FACTO_UNSUPPORTED", TestStudents.CHANGAN_SCHOOL,
        TestStudents.CHANGAN_VILLAGE);
    Caller principal = Caller.basic(port, "principal-changan");
    assertThat(principal.postJson("/api/at-risk/assessments", "{\"schoolCode\":\"" + TestStudents.CHANGAN_SCHOOL + "\"}").status())
        .isEqualTo(200);
    long id = AtRiskPupils.flagOf(jdbc, pupil);
    String confirm = FLAGS + "/" + id + "/confirm";
    long[] before = counts(id);

    // Another school's principal and another township: as if it did not exist.
    for (String outsider : List.of("teacher-nantai", "official-nantai", "cadre-nantai", "bureau-yiliang")) {
      Caller caller = Caller.basic(port, outsider);
      assertThat(caller.get(FLAGS + "/" + id).status()).as(outsider).isEqualTo(404);
      assertThat(caller.postJson(confirm, "{}").status()).as(outsider).isEqualTo(404);
      assertThat(ids(caller.get(FLAGS))).as(outsider).doesNotContain(id);
      assertThat(caller.postJson("/api/at-risk/assessments", "{\"schoolCode\":\"" + TestStudents.CHANGAN_SCHOOL + "\"}").status())
          .as(outsider).isEqualTo(404);
    }
    // Her own school's teacher, the township above, the auditor: not the principal.
    for (String notPrincipal : List.of("teacher-changan", "official-jianshan", "bureau-zhenxiong", "auditor")) {
      Reply refused = Caller.basic(port, notPrincipal).postJson(confirm, "{}");
      assertThat(refused.status()).as(notPrincipal + " %s", refused).isIn(403, 404);
    }
    assertThat(Caller.basic(port, "official-jianshan").get(FLAGS + "/" + id).status()).as("the township reads it").isEqualTo(200);

    Reply undeclared = principal.postJson(confirm, "{\"status\":\"LIFTED\"}");
    assertThat(undeclared.status()).isEqualTo(400);
    assertThat(undeclared.body()).contains("\"field\":\"status\"");
    Reply noReason = principal.postJson(FLAGS + "/" + id + "/dismiss", "{}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("\"field\":\"reason\"", "排除理由");
    Reply badObservation = Caller.basic(port, "teacher-changan").postJson("/api/at-risk/observations",
        "{\"idNumber\":\"" + pupil + "\",\"observation\":\"ILLNESS\"}");
    assertThat(badObservation.status()).isEqualTo(400);
    assertThat(badObservation.body()).contains("\"field\":\"observation\"");
    Reply foreignPupil = Caller.basic(port, "teacher-nantai").postJson("/api/at-risk/observations",
        "{\"idNumber\":\"" + pupil + "\",\"observation\":\"WEARY\"}");
    assertThat(foreignPupil.status()).isEqualTo(400);
    assertThat(foreignPupil.body()).contains("\"field\":\"idNumber\"", "本校没有");

    // One bad row in a grades file: nothing of it is written, each problem named by row and column.
    Reply badGrades = Caller.basic(port, "teacher-changan").upload("/api/at-risk/grades", "file", "成绩.csv", csv(
        "姓名,身份证号,学期,科目,成绩,年级排名",
        "拒绝戊," + pupil + ",2026年秋季学期,语文,88,10",
        "拒绝戊," + pupil + ",2026年秋季学期,数学,一百,10",
        "拒绝戊," + pupil + ",2025年夏季学期,英语,70,0"));
    assertThat(badGrades.status()).as("%s", badGrades).isEqualTo(400);
    assertThat(badGrades.body()).contains("rows[3].score", "第3行：成绩须是0到150之间的数", "rows[4].term", "rows[4].rank");
    assertThat(jdbc.queryForObject("select count(*) from grade_result where student_id = ?", Long.class,
        AtRiskPupils.studentId(jdbc, pupil))).isZero();
    Reply foreignGrades = Caller.basic(port, "teacher-nantai").upload("/api/at-risk/grades", "file", "成绩.csv", csv(
        "姓名,身份证号,学期,科目,成绩,年级排名", "拒绝戊," + pupil + ",2026年秋季学期,语文,30,10"));
    assertThat(foreignGrades.status()).isEqualTo(400);
    assertThat(foreignGrades.body()).contains("rows[2].idNumber");

    // Odd spellings and cross-site or tokenless writes.
    for (String path : List.of(confirm + "/", FLAGS + "/0" + id + "/confirm", FLAGS + "//" + id + "/confirm", FLAGS + "/" + id + "/Confirm",
        FLAGS + "/" + id + ";x=1/confirm", "/api/at-risk/flags/" + id + "%2Fconfirm", "/API/at-risk/flags/" + id + "/confirm",
        "/api/at-risk/./flags/" + id + "/confirm")) {
      Reply odd = principal.send("POST", path, "{}");
      assertThat(odd.status()).as("%s: %s", path, odd).isBetween(400, 405);
    }
    assertThat(Caller.basic(port, "principal-changan").header("Origin", "https://evil.example").postJson(confirm, "{}").status())
        .isEqualTo(403);
    assertThat(Caller.loggedIn(port, "principal-changan").withoutCsrfToken().postJson(confirm, "{}").status()).isEqualTo(403);
    assertThat(counts(id)).isEqualTo(before);
    assertThat(jdbc.queryForObject("select status from risk_flag where id = ?", String.class, id)).isEqualTo("PENDING");
  }

  // --- helpers ---

  private long[] counts(long flagId) {
    return new long[] {
      jdbc.queryForObject("select count(*) from risk_flag where status <> 'PENDING'", Long.class),
      jdbc.queryForObject("select count(*) from risk_observation", Long.class),
      jdbc.queryForObject("select count(*) from grade_result", Long.class),
      jdbc.queryForObject("select count(*) from audit_trail where entry_kind like 'AT_RISK%'", Long.class)
    };
  }

  private long audit() {
    return jdbc.queryForObject("select count(*) from audit_trail", Long.class);
  }

  private List<String> points(Caller caller, String idNumber) throws Exception {
    List<String> points = new ArrayList<>();
    flag(caller, idNumber).get("points").forEach(p ->
        points.add(p.get("reason").asText() + "/" + p.get("amount").asInt() + "/" + p.get("points").asInt()));
    return points;
  }

  private JsonNode flag(Caller caller, String idNumber) throws Exception {
    Long id = AtRiskPupils.flagOf(jdbc, idNumber);
    assertThat(id).as("a flag for " + idNumber).isNotNull();
    Reply read = caller.get(FLAGS + "/" + id);
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    return JSON.readTree(read.body());
  }

  private static List<Long> ids(Reply reply) throws Exception {
    List<Long> ids = new ArrayList<>();
    JSON.readTree(reply.body()).forEach(f -> ids.add(f.get("id").asLong()));
    return ids;
  }

  static String absences(String idNumber, String... days) {
    StringBuilder json = new StringBuilder("{\"records\":[");
    for (int i = 0; i < days.length; i++) {
      json.append(i == 0 ? "" : ",").append("{\"studentIdNumber\":\"").append(idNumber).append("\",\"date\":\"").append(days[i])
          .append("\",\"excused\":false}");
    }
    return json.append("]}").toString();
  }

  static byte[] csv(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
