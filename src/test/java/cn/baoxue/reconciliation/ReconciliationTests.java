package cn.baoxue.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.integrity.Sha256;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Part;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.TestStudents;
import cn.baoxue.web.Spreadsheet;
import java.io.ByteArrayOutputStream;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 四查三比对 with a known population: every finding type found with exact counts and no false
 * ones, the edge cases (turned 6 after the cut-off, finished grade 9, 休学 with and without reason,
 * enrolled in another county, a lower-case x, a GBK file, a re-run), findings becoming cases at
 * 核实, a refused run writing nothing, and every door refusing what it must with nothing changed.
 */
@BaoxueWebTest
class ReconciliationTests {

  static final String CHANGAN = TestStudents.CHANGAN_VILLAGE;
  static final String NANTAI = TestStudents.NANTAI_VILLAGE;
  static final String CHANGAN_SCHOOL = TestStudents.CHANGAN_SCHOOL;
  static final String NANTAI_SCHOOL = TestStudents.NANTAI_SCHOOL;
  static final String JIANSHAN_MIDDLE = "5306270003";
  /** A school of 彝良县, another county that uses Baoxue. */
  static final String YILIANG_SCHOOL = "5306280001";
  static final Charset GBK = Charset.forName("GBK");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ReconciliationRuns runs;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void anotherCounty() {
    if (jdbc.sql("select count(*) from org_unit where code = '530628'").query(Long.class).single() == 0) {
      jdbc.sql("insert into org_unit (code, name, unit_type, parent_code) values ('530628', '彝良县', 'COUNTY', null)").update();
      jdbc.sql("insert into org_unit (code, name, unit_type, parent_code) values ('530628100', '角奎镇', 'TOWNSHIP', '530628')").update();
      jdbc.sql("insert into org_unit (code, name, unit_type, parent_code) values ('530628100201', '发达村', 'VILLAGE', '530628100')").update();
      jdbc.sql("insert into org_unit (code, name, unit_type, parent_code) values (?, '角奎小学', 'SCHOOL', '530628100201')")
          .param(YILIANG_SCHOOL).update();
    }
  }

  /** A child of the test population: a fresh 身份证号 born on the day. */
  record Child(String name, String id, String gender, LocalDate birth) {
    static Child born(String name, LocalDate birth, boolean male) {
      return new Child(name, TestStudents.idNumber(birth, male), male ? "男" : "女", birth);
    }

    static Child aged(String name, int years, boolean male) {
      return born(name, BeijingTime.today().minusYears(years).minusDays(30), male);
    }

    String household(String village) {
      return String.join(",", name, id, gender, birth.toString(), village, name.charAt(0) + "大山", "13800000000");
    }

    String enrolment(String school, int grade, String standing, String note) {
      return String.join(",", name, id, "G" + id, school, String.valueOf(grade), standing, note);
    }
  }

  /** The population of the county run, with what each child is there to show. */
  final class Population {
    final LocalDate cutOff = LocalDate.of(BeijingTime.today().getMonthValue() > 8 ? BeijingTime.today().getYear()
        : BeijingTime.today().getYear() - 1, 8, 31);
    final Child atSchool = Child.aged("甲学生", 10, true);
    final Child neverEnrolled = Child.aged("乙未学", 9, false);
    final Child sixAfterCutOff = Child.born("丙幼童", cutOff.minusYears(6).plusDays(1), true);
    final Child sixOnCutOff = Child.born("丁适龄", cutOff.minusYears(6), false);
    final Child finishedGradeNine = Child.born("戊毕业", cutOff.minusYears(17).plusDays(31), true);
    final Child suspendedWithReason = Child.aged("己休学", 11, false);
    final Child suspendedWithoutReason = Child.aged("庚休学", 12, true);
    final Child enrolledInYiliang = Child.aged("辛外县", 13, false);
    final Child lowercaseX = lowercaseX();
    final Child nantaiAbsent = Child.aged("癸缺课", 12, false);
    final Child disabledUnplaced = Child.aged("子残疾", 10, true);
    final Child disabledTaughtAtHome = Child.aged("丑送教", 11, false);
    final Child deferred = Child.aged("寅缓学", 7, true);

    private Child lowercaseX() {
      Child child;
      do {
        child = Child.aged("壬小写", 11, true);
      } while (!child.id().endsWith("X"));
      return child;
    }

    byte[] household() {
      List<String> rows = new ArrayList<>(List.of("姓名,身份证号,性别,出生日期,户籍村代码,监护人,联系电话"));
      for (Child child : List.of(atSchool, neverEnrolled, sixAfterCutOff, sixOnCutOff, finishedGradeNine, suspendedWithReason,
          suspendedWithoutReason, enrolledInYiliang, disabledUnplaced, disabledTaughtAtHome, deferred)) {
        rows.add(child.household(CHANGAN));
      }
      // The 户籍 system writes a lower-case x; the 学籍 an upper-case X: one child.
      rows.add(lowercaseX.household(CHANGAN).replace(lowercaseX.id(), lowercaseX.id().toLowerCase()));
      rows.add(nantaiAbsent.household(NANTAI));
      return ("\uFEFF" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** As Chinese Excel saves "CSV (逗号分隔)": GBK. */
    byte[] enrolmentGbk() {
      List<String> rows = new ArrayList<>(List.of("姓名,身份证号,学籍号,学校代码,年级,学籍状态,状态说明"));
      rows.add(atSchool.enrolment(CHANGAN_SCHOOL, 4, "在读", ""));
      rows.add(finishedGradeNine.enrolment(JIANSHAN_MIDDLE, 9, "毕业", ""));
      rows.add(suspendedWithReason.enrolment(CHANGAN_SCHOOL, 5, "休学", "因病休学（县医院诊断）"));
      rows.add(suspendedWithoutReason.enrolment(CHANGAN_SCHOOL, 6, "休学", ""));
      rows.add(enrolledInYiliang.enrolment(YILIANG_SCHOOL, 7, "在读", ""));
      rows.add(lowercaseX.enrolment(CHANGAN_SCHOOL, 5, "在读", ""));
      rows.add(nantaiAbsent.enrolment(NANTAI_SCHOOL, 6, "在读", ""));
      rows.add(disabledTaughtAtHome.enrolment(CHANGAN_SCHOOL, 5, "送教上门", ""));
      rows.add(deferred.enrolment(CHANGAN_SCHOOL, 1, "延缓入学", "身体原因，经县教育局批准"));
      return (String.join("\r\n", rows) + "\r\n").getBytes(GBK);
    }

    byte[] attendance() {
      String seen = BeijingTime.today().minusDays(3).toString();
      return ("身份证号,学校代码,最后到校日期\r\n"
          + atSchool.id() + "," + CHANGAN_SCHOOL + "," + seen + "\r\n"
          + lowercaseX.id() + "," + CHANGAN_SCHOOL + "," + seen + "\r\n"
          + nantaiAbsent.id() + "," + NANTAI_SCHOOL + ",2026-06-30\r\n").getBytes(StandardCharsets.UTF_8);
    }

    byte[] poverty() {
      return ("身份证号,户主,类别\r\n" + sixOnCutOff.id() + ",丁大山,脱贫户\r\n" + atSchool.id() + ",甲大山,监测户\r\n")
          .getBytes(StandardCharsets.UTF_8);
    }

    byte[] disability() {
      return ("身份证号,姓名,残疾类别,等级\r\n" + disabledUnplaced.id() + ",子残疾,肢体,二级\r\n"
          + disabledTaughtAtHome.id() + ",丑送教,智力,一级\r\n").getBytes(StandardCharsets.UTF_8);
    }

    List<Part> parts() {
      return List.of(csv("household", "户籍.csv", household()), csv("enrolment", "学籍.csv", enrolmentGbk()),
          csv("attendance", "在校.csv", attendance()), csv("poverty", "脱贫监测户.csv", poverty()),
          csv("disability", "残联.csv", disability()));
    }
  }

  static Part csv(String field, String fileName, byte[] content) {
    return new Part(field, fileName, "text/csv", content);
  }

  @Test
  void aCountyRunFindsEveryTypeWithExactCountsAndNoFalseOnesAndOpensCasesAtVerify() throws Exception {
    Population people = new Population();
    Reply reply = Caller.basic(port, "bureau-zhenxiong").postMultipart("/api/reconciliations", people.parts());

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    Map<String, Object> body = body(reply);
    assertThat(counts(body)).containsExactlyInAnyOrderEntriesOf(Map.of("NOT_ENROLLED", 2, "NOT_ATTENDING", 2,
        "ENROLLED_OUTSIDE", 1, "POVERTY_HOUSEHOLD", 1, "DISABLED_UNPLACED", 1));
    Map<String, List<String>> typesById = typesById(body);
    assertThat(typesById).containsOnlyKeys(people.neverEnrolled.id(), people.sixOnCutOff.id(), people.suspendedWithoutReason.id(),
        people.nantaiAbsent.id(), people.enrolledInYiliang.id(), people.disabledUnplaced.id());
    assertThat(typesById.get(people.neverEnrolled.id())).containsExactly("NOT_ENROLLED");
    assertThat(typesById.get(people.sixOnCutOff.id())).containsExactlyInAnyOrder("NOT_ENROLLED", "POVERTY_HOUSEHOLD");
    assertThat(typesById.get(people.suspendedWithoutReason.id())).containsExactly("NOT_ATTENDING");
    assertThat(typesById.get(people.nantaiAbsent.id())).containsExactly("NOT_ATTENDING");
    assertThat(typesById.get(people.enrolledInYiliang.id())).containsExactly("ENROLLED_OUTSIDE");
    assertThat(typesById.get(people.disabledUnplaced.id())).containsExactly("DISABLED_UNPLACED");
    assertThat(body.get("casesOpened")).isEqualTo(5);

    // Each reason names the registry rows behind it, in Chinese.
    Map<String, Object> absent = finding(body, people.nantaiAbsent.id(), "NOT_ATTENDING");
    assertThat(reasons(absent)).anyMatch(r -> r.startsWith("学籍文件第8行")).anyMatch(r -> r.startsWith("在校情况文件第4行"))
        .anyMatch(r -> r.startsWith("户籍文件第14行"));
    assertThat(reasons(finding(body, people.sixOnCutOff.id(), "NOT_ENROLLED")))
        .anyMatch(r -> r.startsWith("户籍文件第5行")).anyMatch(r -> r.startsWith("脱贫/监测户文件第2行：属脱贫户"));
    assertThat(finding(body, people.sixOnCutOff.id(), "NOT_ENROLLED").get("priority")).isEqualTo(true);
    assertThat(reasons(finding(body, people.suspendedWithoutReason.id(), "NOT_ATTENDING"))).first().asString()
        .contains("休学").contains("未注明");

    // Findings became work: at 核实, source RECONCILIATION, with the school of the 学籍 or the township of the 户籍 village.
    assertCaseAtVerify(finding(body, people.neverEnrolled.id(), "NOT_ENROLLED"), "township_530627205");
    assertCaseAtVerify(finding(body, people.suspendedWithoutReason.id(), "NOT_ATTENDING"), "school_" + CHANGAN_SCHOOL);
    assertCaseAtVerify(finding(body, people.nantaiAbsent.id(), "NOT_ATTENDING"), "school_" + NANTAI_SCHOOL);
    assertCaseAtVerify(finding(body, people.disabledUnplaced.id(), "DISABLED_UNPLACED"), "township_530627205");
    Map<String, Object> poorChild = finding(body, people.sixOnCutOff.id(), "NOT_ENROLLED");
    assertCaseAtVerify(poorChild, "township_530627205");
    assertThat(finding(body, people.sixOnCutOff.id(), "POVERTY_HOUSEHOLD").get("caseNumber")).isEqualTo(poorChild.get("caseNumber"));
    assertThat(taskOf((String) poorChild.get("caseNumber")).getPriority()).isEqualTo(FindingCases.POVERTY_PRIORITY);
    assertThat(jdbc.sql("select special_groups from dropout_case where case_number = ?").param(poorChild.get("caseNumber"))
        .query(String.class).single()).contains("POOR_REGISTERED");
    assertThat(finding(body, people.enrolledInYiliang.id(), "ENROLLED_OUTSIDE").get("caseNumber")).isNull();
    // The suspected ledger (疑似辍学) holds them: status REPORTED.
    assertThat(jdbc.sql("select count(*) from dropout_case where source = 'RECONCILIATION' and status = 'REPORTED' and case_number in (:n)")
        .param("n", caseNumbers(body)).query(Long.class).single()).isEqualTo(5L);

    // Kept for the auditor: the run, each file's SHA-256, its findings, an entry in the audit chain.
    long runId = ((Number) body.get("runId")).longValue();
    String householdHash = Sha256.hex(people.household());
    assertThat(jdbc.sql("select sha256 from reconciliation_file where run_id = ? and registry = 'HOUSEHOLD'").param(runId)
        .query(String.class).single()).isEqualTo(householdHash);
    assertThat(jdbc.sql("select payload from audit_trail where entry_kind = 'RECONCILIATION' and ref_id = ?").param(runId)
        .query(String.class).single()).contains("HOUSEHOLD:" + householdHash).contains("findings=7");
    Reply chain = Caller.basic(port, "auditor").get("/api/audit/verify");
    assertThat(chain.body()).as("%s", chain).contains("\"intact\":true");
    for (String table : List.of("household", "enrolment", "attendance", "poverty", "disability")) {
      assertThat(jdbc.sql("select count(*) from reconciliation_" + table + " where run_id = ?").param(runId)
          .query(Long.class).single()).as("staging rows of %s are gone", table).isZero();
    }

    // The same files again open nothing new: every child with a case is linked to it.
    Reply again = Caller.basic(port, "bureau-zhenxiong").postMultipart("/api/reconciliations", people.parts());
    assertThat(again.status()).as("%s", again).isEqualTo(200);
    Map<String, Object> second = body(again);
    assertThat(second.get("casesOpened")).isEqualTo(0);
    assertThat(second.get("casesLinked")).isEqualTo(5);
    assertThat(counts(second)).isEqualTo(counts(body));
    assertThat(caseNumbers(second)).containsExactlyInAnyOrderElementsOf(caseNumbers(body));
  }

  @Test
  void anXlsxRegistryIsComparedAsItsCsvTwin() throws Exception {
    Population people = new Population();
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    try (Spreadsheet sheet = Spreadsheet.to(xlsx)) {
      String[] lines = new String(people.household(), StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n");
      sheet.sheet("户籍", List.of(lines[0].split(",")));
      for (int i = 1; i < lines.length; i++) {
        sheet.row((Object[]) lines[i].split(","));
      }
    }
    List<Part> parts = new ArrayList<>(people.parts());
    parts.set(0, new Part("household", "户籍.xlsx", "application/octet-stream", xlsx.toByteArray()));

    Reply reply = Caller.basic(port, "bureau-zhenxiong").postMultipart("/api/reconciliations", parts);

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(counts(body(reply))).containsExactlyInAnyOrderEntriesOf(Map.of("NOT_ENROLLED", 2, "NOT_ATTENDING", 2,
        "ENROLLED_OUTSIDE", 1, "POVERTY_HOUSEHOLD", 1, "DISABLED_UNPLACED", 1));
    assertThat(body(reply).get("casesOpened")).isEqualTo(5);
  }

  @Test
  void aRunIsSeenByItsCountyAndTheSchoolsCountyOfAnEnrolmentOutsideAndByNobodyElse() throws Exception {
    Population people = new Population();
    Reply township = Caller.basic(port, "official-jianshan").postMultipart("/api/reconciliations", people.parts());
    assertThat(township.status()).as("%s", township).isEqualTo(200);
    Map<String, Object> body = body(township);
    // 尖山乡's own area: 南台村's child is not its to find.
    assertThat(typesById(body)).doesNotContainKey(people.nantaiAbsent.id()).containsKey(people.neverEnrolled.id());
    long runId = ((Number) body.get("runId")).longValue();

    Reply otherTownship = Caller.basic(port, "official-nantai").get("/api/reconciliations/" + runId);
    assertThat(otherTownship.status()).isEqualTo(404);
    assertThat(otherTownship.body()).doesNotContain(people.neverEnrolled.id()).doesNotContain(people.neverEnrolled.name());
    assertThat(Caller.basic(port, "teacher-nantai").get("/api/reconciliations/" + runId).status()).isEqualTo(404);
    assertThat(Caller.basic(port, "bureau-zhenxiong").get("/api/reconciliations/" + runId).status()).isEqualTo(200);
    assertThat(Caller.basic(port, "auditor").get("/api/reconciliations/" + runId).body()).doesNotContain(people.neverEnrolled.id());

    // 彝良县, whose school holds a 学籍, sees that finding and nothing else of the run.
    ReconciliationRuns.Run yiliang = runs.find(runId, new Staff("bureau-yiliang", List.of("county_530628"))).orElseThrow();
    assertThat(yiliang.findings()).extracting(ReconciliationRuns.FindingRecord::type).containsExactly("ENROLLED_OUTSIDE");
    assertThat(yiliang.files()).isEmpty();
    assertThat(runs.find(runId, new Staff("bureau-other", List.of("county_530629")))).isEmpty();
  }

  @Test
  void aRunWithBadRowsIsRefusedWithEveryRowNamedAndWritesNothing() throws Exception {
    Population people = new Population();
    Footprint before = footprint();
    String badChecksum = people.neverEnrolled.id().substring(0, 17) + (people.neverEnrolled.id().endsWith("1") ? "2" : "1");
    byte[] household = ("姓名,身份证号,性别,出生日期,户籍村代码,监护人,联系电话\r\n"
        + people.atSchool.household(CHANGAN) + "\r\n"
        + people.neverEnrolled.household(CHANGAN).replace(people.neverEnrolled.id(), badChecksum) + "\r\n"
        + people.sixOnCutOff.household("530627999999") + "\r\n"
        + people.atSchool.household(CHANGAN) + "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] enrolment = ("姓名,身份证号,学籍号,学校代码,年级,学籍状态,状态说明\r\n"
        + people.atSchool.enrolment(CHANGAN_SCHOOL, 10, "在读", "") + "\r\n"
        + people.lowercaseX.enrolment(CHANGAN_SCHOOL, 5, "读书", "") + "\r\n").getBytes(GBK);

    Reply reply = Caller.basic(port, "bureau-zhenxiong").postMultipart("/api/reconciliations",
        List.of(csv("household", "户籍.csv", household), csv("enrolment", "学籍.csv", enrolment)));

    assertThat(reply.status()).as("%s", reply).isEqualTo(400);
    Map<String, Object> body = body(reply);
    assertThat(body.get("badRowCount")).isEqualTo(5);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) body.get("badRows");
    assertThat(rows).extracting(row -> row.get("field")).containsExactlyInAnyOrder("household[3].idNumber",
        "household[4].villageCode", "household[5].idNumber", "enrolment[2].grade", "enrolment[3].standing");
    assertThat(rows).allSatisfy(row -> assertThat((String) row.get("message")).matches("^(户籍|学籍)文件第\\d+行：.+"));
    assertThat(body.get("errors")).asList().hasSize(5);
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void eachDoorRefusesWhatItMustAndNothingChanges() throws Exception {
    Population people = new Population();
    Footprint before = footprint();

    // Not the county bureau nor a township: a teacher, a village cadre, the administrator; the auditor changes nothing.
    for (String user : List.of("teacher-changan", "cadre-changan", "admin", "auditor")) {
      Reply refused = Caller.basic(port, user).postMultipart("/api/reconciliations", people.parts());
      assertThat(refused.status()).as("%s: %s", user, refused).isEqualTo(403);
    }
    // An undeclared field: the area comes from the account, not the request.
    Reply undeclaredPart = Caller.basic(port, "official-jianshan").postMultipart("/api/reconciliations",
        concat(people.parts(), csv("areaCode", "a.csv", "530627".getBytes(StandardCharsets.UTF_8))));
    assertThat(undeclaredPart.status()).isEqualTo(400);
    assertThat(undeclaredPart.body()).contains("\"field\":\"areaCode\"");
    Reply undeclaredParameter = Caller.basic(port, "official-jianshan").postMultipart("/api/reconciliations?countyCode=530628",
        people.parts());
    assertThat(undeclaredParameter.status()).isEqualTo(400);
    assertThat(undeclaredParameter.body()).contains("\"field\":\"countyCode\"");
    // A required file missing.
    Reply missing = Caller.basic(port, "bureau-zhenxiong").postMultipart("/api/reconciliations", people.parts().subList(0, 1));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("\"field\":\"enrolment\"");
    // Odd spellings of the path.
    for (String path : List.of("/api/reconciliations/", "//api/reconciliations", "/api//reconciliations", "/api/Reconciliations",
        "/API/reconciliations", "/api/reconciliations;jsessionid=0", "/api/reconciliations%2F", "/api/%72econciliations")) {
      Reply odd = Caller.basic(port, "bureau-zhenxiong").postMultipart(path, people.parts());
      assertThat(odd.status()).as("%s: %s", path, odd).isIn(400, 403, 404, 405);
    }
    // A cross-site request: a logged-in official's browser without the token, or from a foreign page.
    Caller official = Caller.loggedIn(port, "official-jianshan");
    Reply foreign = official.header("Origin", "https://evil.example").postMultipart("/api/reconciliations", people.parts());
    assertThat(foreign.status()).isEqualTo(403);
    Reply tokenless = official.header("Origin", null).withoutCsrfToken().postMultipart("/api/reconciliations", people.parts());
    assertThat(tokenless.status()).isEqualTo(403);
    Reply tokenlessPage = official.postMultipart("/reconciliations", people.parts());
    assertThat(tokenlessPage.status()).isEqualTo(403);

    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void thePageRunsTheComparisonFiltersItsFindingsAndExportsThem() throws Exception {
    Population people = new Population();
    Caller bureau = Caller.loggedIn(port, "bureau-zhenxiong");
    Reply page = bureau.get("/reconciliations");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("四查三比对").contains("户籍文件模板");
    assertThat(bureau.get("/reconciliations/templates/household.xlsx").status()).isEqualTo(200);
    Reply run = bureau.postMultipart("/api/reconciliations", people.parts());
    assertThat(run.status()).as("%s", run).isEqualTo(200);
    long runId = ((Number) body(run).get("runId")).longValue();

    Reply filtered = bureau.get("/reconciliations/" + runId + "?type=NOT_ATTENDING");
    assertThat(filtered.status()).isEqualTo(200);
    assertThat(filtered.body()).contains(people.nantaiAbsent.name()).doesNotContain(people.neverEnrolled.name());
    Reply bySchool = bureau.get("/reconciliations/" + runId + "?school=" + NANTAI_SCHOOL);
    assertThat(bySchool.body()).contains(people.nantaiAbsent.name()).doesNotContain(people.suspendedWithoutReason.name());
    Reply export = bureau.get("/reconciliations/" + runId + ".xlsx");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Type")).contains("spreadsheetml");
    assertThat(Caller.loggedIn(port, "official-nantai").get("/reconciliations/" + runId + ".xlsx").status()).isEqualTo(200);
    assertThat(Caller.loggedIn(port, "teacher-changan").get("/reconciliations/" + runId).status()).isEqualTo(404);
  }

  private void assertCaseAtVerify(Map<String, Object> finding, String candidateGroup) {
    String caseNumber = (String) finding.get("caseNumber");
    assertThat(caseNumber).as("case of %s", finding).isNotNull();
    assertThat(finding.get("caseOpened")).isEqualTo(true);
    Task task = taskOf(caseNumber);
    assertThat(task.getTaskDefinitionKey()).isEqualTo("verify");
    assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).contains(candidateGroup);
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "source")).isEqualTo("RECONCILIATION");
  }

  private Task taskOf(String caseNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
  }

  record Footprint(long runs, long findings, long files, long cases, long students, long audit, long staged) {}

  private Footprint footprint() {
    return new Footprint(count("reconciliation_run"), count("reconciliation_finding"), count("reconciliation_file"),
        count("dropout_case"), count("student"), count("audit_trail where entry_kind = 'RECONCILIATION'"),
        count("reconciliation_household") + count("reconciliation_enrolment") + count("reconciliation_attendance"));
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private Map<String, Object> body(Reply reply) throws Exception {
    return json.readValue(reply.body(), new TypeReference<>() {});
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Integer> counts(Map<String, Object> body) {
    return ((Map<String, Integer>) body.get("counts")).entrySet().stream().filter(entry -> entry.getValue() > 0)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> findings(Map<String, Object> body) {
    return (List<Map<String, Object>>) body.get("findings");
  }

  private static Map<String, List<String>> typesById(Map<String, Object> body) {
    return findings(body).stream().collect(Collectors.groupingBy(f -> (String) f.get("idNumber"),
        Collectors.mapping(f -> (String) f.get("type"), Collectors.toList())));
  }

  private static Map<String, Object> finding(Map<String, Object> body, String idNumber, String type) {
    return findings(body).stream().filter(f -> idNumber.equals(f.get("idNumber")) && type.equals(f.get("type"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " finding for " + idNumber));
  }

  @SuppressWarnings("unchecked")
  private static List<String> reasons(Map<String, Object> finding) {
    return (List<String>) finding.get("reasons");
  }

  private static List<String> caseNumbers(Map<String, Object> body) {
    return findings(body).stream().map(f -> (String) f.get("caseNumber")).filter(n -> n != null).distinct().toList();
  }

  private static List<Part> concat(List<Part> parts, Part more) {
    List<Part> all = new ArrayList<>(parts);
    all.add(more);
    return all;
  }

  static String[] columns(String line) {
    return Arrays.stream(line.split(",")).toArray(String[]::new);
  }
}
