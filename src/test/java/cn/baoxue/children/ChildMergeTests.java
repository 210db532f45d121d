package cn.baoxue.children;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.json.JacksonJsonParser;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 一人一档: two records of one child in 镇雄县 — one registered by 长安村小学, one by 南台小学, same
 * name, birth date and guardian — are listed for the county bureau and merged by it; the audit trail
 * shows the merge. Every refusal leaves the records, the cases, the absences and the trail as they
 * were.
 */
@BaoxueWebTest
class ChildMergeTests {

  /** A county of this test's own, beside 镇雄县, for a child the bureau of 镇雄 may not touch. */
  static final String OTHER_COUNTY = "530624";
  static final String OTHER_VILLAGE = "530624100201";
  static final String OTHER_SCHOOL = "5306240001";

  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final String[] GIVEN = {"一鸣", "二鸣", "三鸣", "四鸣", "五鸣", "六鸣", "七鸣", "八鸣", "九鸣", "十鸣",
      "百鸣", "千鸣", "万鸣", "亿鸣", "兆鸣", "京鸣"};

  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @BeforeEach
  void anotherCounty() {
    if (jdbc.queryForObject("select count(*) from org_unit where code = ?", Long.class, OTHER_COUNTY) == 0) {
      jdbc.update("insert into org_unit (code, name, unit_type, parent_code) values (?, '大关县', 'COUNTY', null)", OTHER_COUNTY);
      jdbc.update("insert into org_unit (code, name, unit_type, parent_code) values ('530624100', '翠华镇', 'TOWNSHIP', ?)", OTHER_COUNTY);
      jdbc.update("insert into org_unit (code, name, unit_type, parent_code) values (?, '翠华村', 'VILLAGE', '530624100')", OTHER_VILLAGE);
      jdbc.update("insert into org_unit (code, name, unit_type, parent_code) values (?, '翠华小学', 'SCHOOL', ?)", OTHER_SCHOOL, OTHER_VILLAGE);
    }
  }

  @Test
  void theBureauSeesTwoRecordsOfOneChildAndMergesThemAndTheAuditTrailShowsWhatMoved() {
    Twins twins = twins();
    long kept = twins.first();
    long merged = twins.second();
    // The second record's child has an open case, absences (one on a day the kept record has too) and a 学籍异动.
    String caseNumber = openCase(merged, "teacher-nantai");
    long caseId = jdbc.queryForObject("select id from dropout_case where case_number = ?", Long.class, caseNumber);
    LocalDate day = BeijingTime.today().minusDays(3);
    long keptAbsence = absence(kept, day);
    long clashing = absence(merged, day);
    long own = absence(merged, day.minusDays(1));
    long change = enrolmentChange(merged);

    Reply list = Caller.basic(port, "bureau-zhenxiong").get("/api/children/duplicates");
    assertThat(list.status()).as("%s", list).isEqualTo(200);
    Map<String, Object> pair = pairOf(list, kept, merged);
    assertThat(pair).as("the pair is listed: %s", list.body()).isNotNull();
    assertThat(String.valueOf(pair.get("reasons"))).contains(DuplicateChildren.SAME_GUARDIAN);
    assertThat(pair.get("mayMerge")).isEqualTo(true);
    assertThat(list.body()).contains(twins.idNumbers().get(0)).contains(caseNumber);

    // Auditors read the list with the numbers masked; a school and a township do not read it.
    Reply audited = Caller.basic(port, "auditor").get("/api/children/duplicates");
    assertThat(audited.status()).isEqualTo(200);
    assertThat(pairOf(audited, kept, merged)).isNotNull().containsEntry("mayMerge", false);
    assertThat(audited.body()).doesNotContain(twins.idNumbers().get(0)).doesNotContain(twins.idNumbers().get(1));
    for (String user : List.of("teacher-changan", "official-jianshan", "cadre-changan")) {
      Reply refused = Caller.basic(port, user).get("/api/children/duplicates");
      assertThat(refused.status()).as("%s: %s", user, refused).isEqualTo(403);
      assertThat(refused.body()).contains(CountyDesk.NOT_FOR_YOU).doesNotContain(twins.idNumbers().get(0));
    }

    long auditBefore = merges();
    Reply merge = Caller.basic(port, "bureau-zhenxiong").postJson("/api/children/merges",
        "{\"keptChildId\":" + kept + ",\"mergedChildId\":" + merged + ",\"reason\":\"入户核实为同一人\"}");
    assertThat(merge.status()).as("%s", merge).isEqualTo(201);
    assertThat(merge.body()).contains("已将").contains("合并到").contains("转入案件 1 件");

    // The case, its open slot, the absence of a day of her own and the 学籍异动 now hang on the kept record.
    assertThat(jdbc.queryForMap("select student_id, open_student_id from dropout_case where id = ?", caseId))
        .containsEntry("STUDENT_ID", kept).containsEntry("OPEN_STUDENT_ID", kept);
    assertThat(studentOf("absence", own)).isEqualTo(kept);
    assertThat(studentOf("absence", clashing)).as("the kept record has that day already").isEqualTo(merged);
    assertThat(studentOf("absence", keptAbsence)).isEqualTo(kept);
    assertThat(studentOf("enrolment_change", change)).isEqualTo(kept);
    // The merged record stays, marked.
    assertThat(jdbc.queryForObject("select merged_into_id from student where id = ?", Long.class, merged)).isEqualTo(kept);
    assertThat(jdbc.queryForObject("select merged_into_id from student where id = ?", Long.class, kept)).isNull();

    // One audit entry says which records, by whom, and every row moved or left.
    assertThat(merges()).isEqualTo(auditBefore + 1);
    Map<String, Object> entry = jdbc.queryForMap(
        "select * from audit_trail where entry_kind = 'CHILD_MERGE' order by id desc fetch first 1 rows only");
    long mergeId = ((Number) entry.get("REF_ID")).longValue();
    assertThat(entry.get("ACTOR")).isEqualTo("bureau-zhenxiong");
    assertThat((String) entry.get("PAYLOAD"))
        .startsWith("merge=" + mergeId + ";kept=" + kept + ";merged=" + merged + ";county=530627;")
        .contains("mergedOpenCases=" + caseNumber)
        .contains("dropout_case:" + caseId)
        .contains("absence:" + own)
        .contains("enrolment_change:" + change)
        .contains(";left=absence:" + clashing)
        .contains("reason=入户核实为同一人");
    assertThat(jdbc.queryForList("select table_name, row_id, moved from child_merge_row where merge_id = ? order by table_name, row_id", mergeId))
        .extracting(row -> row.get("TABLE_NAME") + ":" + row.get("ROW_ID") + ":" + row.get("MOVED"))
        .containsExactlyInAnyOrder("dropout_case:" + caseId + ":true", "absence:" + Math.min(own, clashing) + ":" + (own < clashing),
            "absence:" + Math.max(own, clashing) + ":" + (own > clashing), "enrolment_change:" + change + ":true");
    Reply verified = Caller.basic(port, "auditor").get("/api/audit/verify");
    assertThat(verified.body()).as("%s", verified).doesNotContain("儿童记录合并");

    // Listed no more; the children's ledger shows her once; a merge of the merged record is refused.
    assertThat(pairOf(Caller.basic(port, "bureau-zhenxiong").get("/api/children/duplicates"), kept, merged)).isNull();
    Reply again = Caller.basic(port, "bureau-zhenxiong").postJson("/api/children/merges",
        "{\"keptChildId\":" + merged + ",\"mergedChildId\":" + kept + "}");
    assertThat(again.status()).as("%s", again).isEqualTo(409);
    assertThat(again.body()).contains("已合并到编号 " + kept);
  }

  @Test
  void twoRecordsWithAnOpenCaseEachAreNotMergedAndTheRefusalNamesTheCases() {
    Twins twins = twins();
    String first = openCase(twins.first(), "teacher-changan");
    String second = openCase(twins.second(), "teacher-nantai");
    Map<String, Object> before = world(twins);
    Reply refused = Caller.basic(port, "bureau-zhenxiong").postJson("/api/children/merges",
        "{\"keptChildId\":" + twins.first() + ",\"mergedChildId\":" + twins.second() + "}");
    assertThat(refused.status()).as("%s", refused).isEqualTo(409);
    assertThat(refused.body()).contains("两条记录都有未结案件").contains(first).contains(second);
    assertThat(world(twins)).isEqualTo(before);
  }

  @Test
  void aRecordIntoItselfAnotherCountysChildAndAnyoneButTheCountyBureauAreRefusedAndNothingChanges() {
    Twins twins = twins();
    long foreign = foreignChild();
    Map<String, Object> before = world(twins);
    Caller bureau = Caller.basic(port, "bureau-zhenxiong");

    Reply itself = bureau.postJson("/api/children/merges", "{\"keptChildId\":" + twins.first() + ",\"mergedChildId\":" + twins.first() + "}");
    assertThat(itself.status()).isEqualTo(400);
    assertThat(itself.body()).contains("\"field\":\"mergedChildId\"").contains("不能把一条儿童记录合并到它自己");

    for (String body : List.of("{\"keptChildId\":" + twins.first() + ",\"mergedChildId\":" + foreign + "}",
        "{\"keptChildId\":" + foreign + ",\"mergedChildId\":" + twins.first() + "}",
        "{\"keptChildId\":" + twins.first() + ",\"mergedChildId\":999999999}")) {
      Reply outside = bureau.postJson("/api/children/merges", body);
      assertThat(outside.status()).as("%s: %s", body, outside).isEqualTo(404);
      assertThat(outside.body()).contains("本县没有编号为").doesNotContain("翠华");
    }
    // The township, a school, the auditor and the administrator act on no record of the county.
    for (String user : List.of("official-jianshan", "teacher-changan", "auditor", "admin", "womenfed-zhenxiong")) {
      Reply refused = Caller.basic(port, user).postJson("/api/children/merges",
          "{\"keptChildId\":" + twins.first() + ",\"mergedChildId\":" + twins.second() + "}");
      assertThat(refused.status()).as("%s: %s", user, refused).isEqualTo(403);
    }
    assertThat(world(twins)).isEqualTo(before);
    assertThat(jdbc.queryForObject("select merged_into_id from student where id = ?", Long.class, foreign)).isNull();
  }

  @Test
  void anUndeclaredFieldAMissingOrMistypedIdAndOddSpellingsOfThePathAreRefusedAndNothingChanges() {
    Twins twins = twins();
    Map<String, Object> before = world(twins);
    Caller bureau = Caller.basic(port, "bureau-zhenxiong");
    String body = "{\"keptChildId\":" + twins.first() + ",\"mergedChildId\":" + twins.second() + "}";

    Reply undeclared = bureau.postJson("/api/children/merges",
        "{\"keptChildId\":" + twins.first() + ",\"mergedChildId\":" + twins.second() + ",\"moveCases\":false}");
    assertThat(undeclared.status()).isEqualTo(400);
    assertThat(undeclared.body()).contains("\"field\":\"moveCases\"").contains("合并儿童记录不接受字段“moveCases”");
    for (String bad : List.of("{\"keptChildId\":" + twins.first() + "}", "{\"keptChildId\":\"七\",\"mergedChildId\":" + twins.second() + "}",
        "{\"keptChildId\":1.5,\"mergedChildId\":" + twins.second() + "}", "[]", "")) {
      Reply refused = bureau.postJson("/api/children/merges", bad);
      assertThat(refused.status()).as("%s: %s", bad, refused).isEqualTo(400);
      assertThat(refused.body()).containsPattern("[\\u4e00-\\u9fa5]");
    }
    for (String path : List.of("/api/children/merges/", "//api/children/merges", "/api/children%2Fmerges", "/API/children/merges",
        "/api/Children/merges", "/api/children/merges;jsessionid=0123", "/api/children/%6Derges", "/api/children/./merges")) {
      Reply odd = bureau.send("POST", path, body);
      assertThat(odd.status()).as("%s: %s", path, odd).isBetween(400, 405);
    }
    assertThat(world(twins)).isEqualTo(before);
  }

  @Test
  void aCrossSiteOrTokenlessMergeIsRefusedAndNothingChanges() {
    Twins twins = twins();
    Caller session = Caller.loggedIn(port, "bureau-zhenxiong").withoutCsrfToken();
    Map<String, Object> before = world(twins);
    String body = "{\"keptChildId\":" + twins.first() + ",\"mergedChildId\":" + twins.second() + "}";

    Reply foreign = Caller.basic(port, "bureau-zhenxiong").header("Origin", "https://evil.example").postJson("/api/children/merges", body);
    assertThat(foreign.status()).as("%s", foreign).isEqualTo(403);
    Reply tokenless = session.postJson("/api/children/merges", body);
    assertThat(tokenless.status()).as("%s", tokenless).isEqualTo(403);
    Reply pageForm = session.postForm("/children/merges",
        Map.of("keptChildId", String.valueOf(twins.first()), "pair", String.valueOf(twins.second())));
    assertThat(pageForm.status()).as("%s", pageForm).isEqualTo(403);
    assertThat(world(twins)).isEqualTo(before);
  }

  @Test
  void theBureauMergesFromThePageAndTheAuditorReadsThePageWithoutAForm() {
    Twins twins = twins();
    Caller auditor = Caller.loggedIn(port, "auditor");
    Reply read = auditor.get("/children/duplicates");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).contains("疑似重复的儿童记录").contains("编号 " + twins.first()).doesNotContain("name=\"keptChildId\"");
    assertThat(Caller.loggedIn(port, "teacher-changan").get("/children/duplicates").status()).isEqualTo(403);

    Caller bureau = Caller.loggedIn(port, "bureau-zhenxiong");
    assertThat(bureau.get("/children/duplicates").body()).contains("name=\"keptChildId\"");
    Reply merged = bureau.postForm("/children/merges", Map.of("keptChildId", String.valueOf(twins.first()),
        "pair", String.valueOf(twins.second()), "reason", "入户核实"));
    assertThat(merged.status()).isEqualTo(302);
    assertThat(jdbc.queryForObject("select merged_into_id from student where id = ?", Long.class, twins.second()))
        .as("a pair that is not the page's: nothing merged").isNull();
    merged = bureau.postForm("/children/merges?pair=" + twins.first() + "&pair=" + twins.second(),
        Map.of("keptChildId", String.valueOf(twins.first()), "reason", "入户核实"));
    assertThat(merged.status()).as("%s", merged).isEqualTo(302);
    assertThat(jdbc.queryForObject("select merged_into_id from student where id = ?", Long.class, twins.second()))
        .isEqualTo(twins.first());
  }

  // ---------------------------------------------------------------- fixtures

  /** Two records, ids in order, of one child as two schools registered her: same name, birthday, guardian. */
  record Twins(long first, long second, List<String> idNumbers) {}

  private Twins twins() {
    String name = "韩" + GIVEN[NAMES.getAndIncrement() % GIVEN.length];
    LocalDate birthDate = BeijingTime.today().minusYears(10).minusDays(NAMES.get() * 7L);
    String first = TestStudents.idNumber(birthDate, true);
    String second = TestStudents.idNumber(birthDate, true);
    register("teacher-changan", name, first, birthDate, TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    register("teacher-nantai", name, second, birthDate, TestStudents.NANTAI_SCHOOL, TestStudents.NANTAI_VILLAGE);
    return new Twins(idOf(first), idOf(second), List.of(first, second));
  }

  private void register(String user, String name, String idNumber, LocalDate birthDate, String school, String village) {
    String csv = "姓名,身份证号,性别,出生日期,学校代码,年级,村代码,监护人,联系电话,在校状态,辍学原因,特殊群体\n"
        + name + "," + idNumber + ",男," + birthDate + "," + school + ",4," + village + ",韩大川,13800000077,在校,,\n";
    var imported = EngineRest.as(anonymous, user).upload("/api/imports/roster", "roster.csv", csv);
    assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
  }

  /** A case reported by the child's school for the child of that record. */
  private String openCase(long studentId, String teacher) {
    Map<String, Object> student = jdbc.queryForMap("select * from student where id = ?", studentId);
    Map<String, Object> variables = new LinkedHashMap<>(TestStudents.changanGirl());
    variables.put("studentName", student.get("NAME"));
    variables.put("studentIdNumber", student.get("ID_NUMBER"));
    variables.put("gender", student.get("GENDER"));
    variables.put("birthDate", student.get("BIRTH_DATE").toString());
    variables.put("schoolCode", student.get("SCHOOL_CODE"));
    variables.put("villageCode", student.get("VILLAGE_CODE"));
    variables.put("guardianName", student.get("GUARDIAN_NAME"));
    var started = EngineRest.as(anonymous, teacher).startCase(variables);
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
    return (String) started.getBody().get("businessKey");
  }

  private long foreignChild() {
    LocalDate birthDate = BeijingTime.today().minusYears(9);
    String idNumber = TestStudents.idNumber(birthDate, false);
    LocalDateTime now = BeijingTime.now();
    jdbc.update("""
        insert into student (id_number, name, gender, birth_date, school_code, grade, village_code, guardian_name, created_at, updated_at)
        values (?, '韩外县', 'F', ?, ?, 3, ?, '韩大川', ?, ?)""", idNumber, birthDate, OTHER_SCHOOL, OTHER_VILLAGE, now, now);
    return idOf(idNumber);
  }

  private long absence(long studentId, LocalDate day) {
    jdbc.update("insert into absence (student_id, absence_date, excused, reported_by, recorded_at) values (?, ?, false, 'teacher-nantai', ?)",
        studentId, day, BeijingTime.now());
    return jdbc.queryForObject("select id from absence where student_id = ? and absence_date = ?", Long.class, studentId, day);
  }

  private long enrolmentChange(long studentId) {
    jdbc.update("""
        insert into enrolment_change (student_id, change_type, change_date, from_school_code, to_school_code, recorded_by, recorded_at)
        values (?, 'TRANSFER_IN', ?, null, ?, 'teacher-nantai', ?)""", studentId, BeijingTime.today().minusDays(30),
        TestStudents.NANTAI_SCHOOL, BeijingTime.now());
    return jdbc.queryForObject("select max(id) from enrolment_change where student_id = ?", Long.class, studentId);
  }

  private long idOf(String idNumber) {
    return jdbc.queryForObject("select id from student where id_number = ?", Long.class, idNumber);
  }

  private long studentOf(String table, long rowId) {
    return jdbc.queryForObject("select student_id from " + table + " where id = ?", Long.class, rowId);
  }

  private long merges() {
    return jdbc.queryForObject("select count(*) from audit_trail where entry_kind = 'CHILD_MERGE'", Long.class);
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  /** What a refused merge may not change. */
  private Map<String, Object> world(Twins twins) {
    Map<String, Object> world = new LinkedHashMap<>();
    world.put("students", jdbc.queryForList("select * from student where id in (?, ?)", twins.first(), twins.second()));
    world.put("cases", jdbc.queryForList("select id, student_id, open_student_id from dropout_case where student_id in (?, ?) order by id",
        twins.first(), twins.second()));
    world.put("absences", jdbc.queryForList("select id, student_id from absence where student_id in (?, ?) order by id",
        twins.first(), twins.second()));
    world.put("merges", count("child_merge"));
    world.put("merged rows", count("child_merge_row"));
    world.put("merged records", jdbc.queryForObject("select count(*) from student where merged_into_id is not null", Long.class));
    world.put("merge audit entries", jdbc.queryForObject("select count(*) from audit_trail where entry_kind = 'CHILD_MERGE'", Long.class));
    return world;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> pairOf(Reply list, long first, long second) {
    List<Map<String, Object>> pairs = (List<Map<String, Object>>) new JacksonJsonParser().parseMap(list.body()).get("pairs");
    for (Map<String, Object> pair : pairs) {
      long a = ((Number) ((Map<String, Object>) pair.get("first")).get("id")).longValue();
      long b = ((Number) ((Map<String, Object>) pair.get("second")).get("id")).longValue();
      if (Math.min(a, b) == Math.min(first, second) && Math.max(a, b) == Math.max(first, second)) {
        return pair;
      }
    }
    return null;
  }
}
