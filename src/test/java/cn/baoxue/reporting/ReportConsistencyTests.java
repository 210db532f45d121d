package cn.baoxue.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.baoxue.org.OrgUnit;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.TestStudents;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 人账相符: 尖山乡's report of August 2025 against the records and its schools' reports. Before
 * anyone reports, the township's own and every school's report are missing; then 长安村小学 reports
 * two registered children more than the records count (with its reason), the other schools report as
 * counted, and the township reports one new case more than the records (with its reason). The check
 * lists exactly those differences, to 尖山乡 and those above it, never to 南台镇; through the page in
 * the Chinese browser at desktop size and on a phone.
 */
@BaoxueWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportConsistencyTests {

  static final String JIANSHAN = "530627205";
  static final String PERIOD = "2025-08";

  @RegisterExtension static final BrowserPerClass DESKTOP = new BrowserPerClass();
  @RegisterExtension static final BrowserPerClass PHONE = BrowserPerClass.onPhone();

  @LocalServerPort int port;
  @Autowired UnitReports reports;
  @Autowired ReportConsistency consistency;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired cn.baoxue.org.StaffDirectory staff;

  long township;

  @BeforeAll
  void august2025IsOpen() {
    reports.open(ReportLevel.SCHOOL, YearMonth.of(2025, 8));
    reports.open(ReportLevel.TOWNSHIP, YearMonth.of(2025, 8));
    township = reports.find(JIANSHAN, PERIOD).orElseThrow().id();
  }

  @Test
  void everyDifferenceBetweenTheReportsAndTheRecordsIsListed() {
    List<OrgUnit> schools = reports.childrenOf(JIANSHAN, cn.baoxue.kernel.identity.OrgUnitType.SCHOOL);
    assertThat(schools).extracting(OrgUnit::getCode).contains(TestStudents.CHANGAN_SCHOOL);

    ReportConsistency.Check before = consistency.of(reports.find(township).orElseThrow());
    assertThat(before.consistent()).isFalse();
    assertThat(before.unitsBelow()).isEqualTo(schools.size());
    assertThat(before.differences()).extracting(ReportConsistency.Difference::kind, ReportConsistency.Difference::unitCode)
        .contains(tuple("NOT_SUBMITTED", JIANSHAN))
        .containsAll(schools.stream().map(s -> tuple("BELOW_MISSING", s.getCode())).toList());

    UnitReport changan = reports.find(TestStudents.CHANGAN_SCHOOL, PERIOD).orElseThrow();
    long changanStudents = changan.computed().get("students") + 2;
    submit("principal-changan", changan, Map.of("students", changanStudents, "studentsReason", "2名转入学生学籍待录入"));
    long schoolStudents = changanStudents;
    long schoolNewCases = changan.computed().get("newCases");
    for (OrgUnit school : schools) {
      if (!school.getCode().equals(TestStudents.CHANGAN_SCHOOL)) {
        UnitReport other = reports.find(school.getCode(), PERIOD).orElseThrow();
        submit("admin", other, Map.of());
        schoolStudents += other.computed().get("students");
        schoolNewCases += other.computed().get("newCases");
      }
    }
    UnitReport jianshan = reports.find(JIANSHAN, PERIOD).orElseThrow();
    long townshipNewCases = jianshan.computed().get("newCases") + 1;
    submit("official-jianshan", jianshan, Map.of("newCases", townshipNewCases, "newCasesReason", "补报一名外出务工学生"));

    ReportConsistency.Check after = consistency.of(reports.find(township).orElseThrow());
    assertThat(after.consistent()).isFalse();
    assertThat(after.differences()).filteredOn(d -> d.kind().equals("RECORDS"))
        .extracting(ReportConsistency.Difference::figure, ReportConsistency.Difference::reported, ReportConsistency.Difference::counted,
            ReportConsistency.Difference::note)
        .containsExactly(tuple("newCases", townshipNewCases, townshipNewCases - 1, "报送时说明：补报一名外出务工学生"));
    // The township's figures against its schools' reports: every figure whose sum differs, no other.
    Map<String, Long> sums = new HashMap<>();
    for (OrgUnit school : schools) {
      UnitReport submitted = reports.find(school.getCode(), PERIOD).orElseThrow();
      submitted.submitted().forEach((figure, value) -> sums.merge(figure, value, Long::sum));
    }
    assertThat(sums.get("students")).isEqualTo(schoolStudents);
    assertThat(sums.get("newCases")).isEqualTo(schoolNewCases);
    UnitReport townshipReport = reports.find(JIANSHAN, PERIOD).orElseThrow();
    List<String> expectedSums = ReportFigure.all().stream().map(ReportFigure::key)
        .filter(figure -> !townshipReport.submitted().get(figure).equals(sums.get(figure))).toList();
    assertThat(expectedSums).contains("students", "newCases");
    assertThat(after.differences()).filteredOn(d -> d.kind().equals("BELOW_SUM"))
        .extracting(ReportConsistency.Difference::figure).containsExactlyElementsOf(expectedSums);
    long studentsBelow = schoolStudents;
    assertThat(after.differences()).filteredOn(d -> d.kind().equals("BELOW_SUM") && d.figure().equals("students"))
        .singleElement().satisfies(d -> {
          assertThat(d.reported()).isEqualTo(townshipReport.submitted().get("students"));
          assertThat(d.counted()).isEqualTo(studentsBelow);
        });
    assertThat(after.differences()).extracting(ReportConsistency.Difference::kind).doesNotContain("NOT_SUBMITTED", "BELOW_MISSING");

    // 长安村小学's own check: its corrected figure, with the reason it gave.
    assertThat(consistency.of(reports.find(TestStudents.CHANGAN_SCHOOL, PERIOD).orElseThrow()).differences())
        .extracting(ReportConsistency.Difference::kind, ReportConsistency.Difference::figure, ReportConsistency.Difference::note)
        .containsExactly(tuple("RECORDS", "students", "报送时说明：2名转入学生学籍待录入"));

    // Through the doors: the township and those above it read it; another township does not; nothing else is answered.
    Reply read = Caller.basic(port, "official-jianshan").get("/api/unit-reports/" + township + "/consistency");
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    assertThat(read.body()).contains("\"kind\":\"BELOW_SUM\"", "报送数与下级报送合计不符", "补报一名外出务工学生");
    assertThat(Caller.basic(port, "bureau-zhenxiong").get("/api/unit-reports/" + township + "/consistency").status()).isEqualTo(200);
    for (String outsider : List.of("official-nantai", "teacher-nantai", "bureau-yiliang")) {
      Reply refused = Caller.basic(port, outsider).get("/api/unit-reports/" + township + "/consistency");
      assertThat(refused.status()).as("%s %s", outsider, refused).isIn(403, 404);
      assertThat(refused.body()).doesNotContain("补报一名外出务工学生").doesNotContain("BELOW_SUM");
    }
    Caller jianshanOfficial = Caller.basic(port, "official-jianshan");
    for (String odd : List.of("/api/unit-reports/" + township + "/consistency/", "/api/unit-reports/0" + township + "/consistency",
        "/api/unit-reports/" + township + "/Consistency", "/api/unit-reports/" + township + ";x=1/consistency",
        "/api/unit-reports//" + township + "/consistency", "/api/unit-reports/" + township + "/consistency?recount=false")) {
      Reply refused = jianshanOfficial.get(odd);
      assertThat(refused.status()).as("%s: %s", odd, refused).isBetween(400, 404);
      assertThat(refused.body()).as(odd).doesNotContain("补报一名外出务工学生");
    }

    for (BrowserPerClass size : List.of(DESKTOP, PHONE)) {
      ChineseBrowser browser = size.browser();
      String name = size == DESKTOP ? "desktop" : "phone";
      browser.logIn("official-jianshan");
      browser.go("/unit-reports/" + township + "/consistency");
      assertThat(browser.visibleText()).contains("人账相符核对：尖山乡 · 2025年8月", "处不一致", "报送数与案件记录不符",
          "报送数与下级报送合计不符", "补报一名外出务工学生");
      browser.assertReadableByPeople("consistency " + name);
      Number viewport = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth;");
      Number width = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth;");
      assertThat(width.intValue()).as("width on %s", name).isLessThanOrEqualTo(viewport.intValue());
      browser.screenshot("report-consistency-" + name);
    }
  }

  private void submit(String user, UnitReport report, Map<String, Object> variables) {
    String task = taskService.createTaskQuery().processInstanceId(report.processInstanceId()).taskDefinitionKey("submitReport")
        .singleResult().getId();
    identityService.setAuthentication(user, staff.groupIdsOf(user));
    try {
      taskService.complete(task, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
