package cn.baoxue.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.audit.AuditVerification;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.ChineseBrowser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report doors as 长安村小学, 尖山乡 and everyone else meet them: a unit's reports within the
 * caller's jurisdiction, who is missing for the upper level, the official layouts of the four
 * cadences (PDF text and .xlsx cells), and the refusals — another jurisdiction, an undeclared
 * parameter, an odd spelling — each changing nothing. The page at desktop size and on a phone:
 * target/screenshots/unit-reports-*.png.
 */
@BaoxueWebTest
class UnitReportDoorsTests {

  @RegisterExtension static final BrowserPerClass DESKTOP = new BrowserPerClass();
  @RegisterExtension static final BrowserPerClass PHONE = BrowserPerClass.onPhone();

  @LocalServerPort int port;
  @Autowired UnitReports reports;
  @Autowired UnitReportDoors doors;
  @Autowired OfficialLayout layout;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuditVerification verification;
  @Autowired JdbcTemplate jdbc;
  @Autowired cn.baoxue.org.StaffDirectory staff;

  /** June 2025 ends a month, a quarter and a half year; December 2025 the year. */
  @BeforeEach
  void reportsOfJune2025SubmittedUpTheTree() {
    for (ReportLevel level : List.of(ReportLevel.SCHOOL, ReportLevel.TOWNSHIP, ReportLevel.COUNTY, ReportLevel.PREFECTURE)) {
      reports.open(level, YearMonth.of(2025, 6));
    }
    reports.open(ReportLevel.PROVINCE, YearMonth.of(2025, 12));
    submit("principal-changan", "5306270001", "2025-06", Map.of("students", 412, "studentsReason", "2名转入学生学籍待录入"));
    submit("official-jianshan", "530627205", "2025-06", Map.of("reportRemarks", "尖山中学未按时报送，已催报"));
    submit("bureau-zhenxiong", "530627", "2025-Q2", Map.of());
    submit("bureau-zhaotong", "530600", "2025-H1", Map.of());
    submit("bureau-yunnan", "530000", "2025", Map.of("zeroReport", true, "newCases", 0, "newCasesReason", "x", "confirmed", 0,
        "confirmedReason", "x"));
  }

  @Test
  void aSchoolReadsItsReportsAndTheTownshipSeesWhoIsMissing() {
    UnitReport changan = reports.find("5306270001", "2025-06").orElseThrow();
    Reply mine = Caller.basic(port, "principal-changan").get("/api/unit-reports");
    assertThat(mine.status()).as("%s", mine).isEqualTo(200);
    assertThat(mine.body()).contains("\"period\":\"2025-06\"", changan.sha256(), "2名转入学生学籍待录入", "王建国（长安村小学）");

    Reply township = Caller.basic(port, "official-jianshan").get("/api/unit-reports?unit=530627205");
    assertThat(township.status()).isEqualTo(200);
    assertThat(township.body()).contains("\"name\":\"尖山中学\"").doesNotContain("\"name\":\"长安村小学\"");
    // The township reads its schools' reports too.
    assertThat(Caller.basic(port, "official-jianshan").get("/api/unit-reports/" + changan.id()).status()).isEqualTo(200);

    // The county sees its townships by name: 南台镇 has submitted nothing of the quarter.
    Reply county = Caller.basic(port, "bureau-zhenxiong").get("/api/unit-reports?unit=530627");
    assertThat(county.body()).contains("\"name\":\"南台镇\"");
  }

  @Test
  void anotherJurisdictionAnUndeclaredParameterAndAnOddSpellingAreRefusedAndChangeNothing() {
    UnitReport changan = reports.find("5306270001", "2025-06").orElseThrow();
    long downloads = downloads();
    for (String user : List.of("teacher-nantai", "official-nantai", "bureau-yiliang", "police-zhenxiong")) {
      Reply list = Caller.basic(port, user).get("/api/unit-reports?unit=5306270001");
      assertThat(list.status()).as("%s %s", user, list).isIn(403, 404);
      assertThat(list.body()).doesNotContain(changan.sha256());
      Reply one = Caller.basic(port, user).get("/api/unit-reports/" + changan.id());
      assertThat(one.status()).as("%s %s", user, one).isIn(403, 404);
      assertThat(Caller.basic(port, user).get("/api/unit-reports/" + changan.id() + "/official.pdf").status()).isIn(403, 404);
    }
    assertThat(downloads()).isEqualTo(downloads);

    Reply undeclared = Caller.basic(port, "principal-changan").get("/api/unit-reports?unit=5306270001&status=OPEN");
    assertThat(undeclared.status()).isEqualTo(400);
    assertThat(undeclared.body()).contains("\"field\":\"status\"", "不接受参数“status”");
    Reply undeclaredDownload = Caller.basic(port, "principal-changan").get("/api/unit-reports/" + changan.id() + "/official.pdf?sha256=x");
    assertThat(undeclaredDownload.status()).isEqualTo(400);

    for (String odd : List.of("/api/unit-reports/", "/api/unit-reports/%3" + changan.id(), "/api/unit-reports/" + changan.id() + "/",
        "/api/unit-reports/" + changan.id() + ";x=y/official.pdf", "/api/unit-reports/" + changan.id() + "/OFFICIAL.PDF",
        "/api/unit-reports//" + changan.id())) {
      Reply reply = Caller.basic(port, "principal-changan").get(odd);
      assertThat(reply.status()).as("%s %s", odd, reply).isIn(400, 404);
      assertThat(reply.body()).as(odd).doesNotContain(changan.sha256());
    }
    assertThat(downloads()).isEqualTo(downloads);
    assertThat(reports.find("5306270001", "2025-06").orElseThrow().sha256()).isEqualTo(changan.sha256());
  }

  @Test
  void eachOfficialLayoutIsDrawnFromTheSubmissionAndItsDownloadIsAudited() throws IOException {
    Map<String, String[]> expected = Map.of(
        "5306270001/2025-06", new String[] {"控辍保学工作月报表", "长安村小学", "2025年6月", "412", "2名转入学生学籍待录入", "王建国"},
        "530627205/2025-06", new String[] {"控辍保学工作月报表（乡镇汇总）", "尖山乡", "尖山中学", "尖山中学未按时报送，已催报"},
        "530627/2025-Q2", new String[] {"控辍保学工作季度报表", "镇雄县", "2025年第二季度", "南台镇"},
        "530600/2025-H1", new String[] {"控辍保学工作学期报告表", "昭通市", "2025年上半年（春季学期）"},
        "530000/2025", new String[] {"控辍保学工作年度报告表", "云南省", "2025年度", "零报告（本期无辍学）：是"});
    for (Map.Entry<String, String[]> entry : expected.entrySet()) {
      String[] key = entry.getKey().split("/");
      UnitReport report = reports.find(key[0], key[1]).orElseThrow();
      var missing = reports.missing(report.unitCode(), report.level(), report.period());
      int below = reports.unitsBelow(report.unitCode(), report.level());

      String text = pdfText(layout.pdf(report, missing, below), "unit-report-" + key[0] + ".pdf");
      assertThat(text).contains(entry.getValue());
      assertThat(text).contains("填报单位（盖章）", "序号", "项目", "系统统计数", "报送数", "更正原因", "在册适龄学生数",
          "填报人", "审核人", "负责人", "日期", "（单位盖章）", report.sha256());

      try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(layout.xlsx(report, missing, below)))) {
        Sheet sheet = workbook.getSheetAt(0);
        DataFormatter cells = new DataFormatter();
        assertThat(cells.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo(report.level().title());
        assertThat(sheet.getMergedRegions()).isNotEmpty();
        assertThat(cells.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo("填报单位（盖章）：" + report.unitName());
        Row header = sheet.getRow(4);
        assertThat(List.of(0, 1, 2, 3, 4).stream().map(c -> cells.formatCellValue(header.getCell(c))).toList())
            .isEqualTo(OfficialLayout.HEADER);
        Row students = sheet.getRow(5);
        assertThat(cells.formatCellValue(students.getCell(1))).isEqualTo("在册适龄学生数");
        assertThat(students.getCell(2).getNumericCellValue()).isEqualTo(report.computed().get("students").doubleValue());
        assertThat(students.getCell(3).getNumericCellValue()).isEqualTo(report.submitted().get("students").doubleValue());
        StringBuilder all = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> all.append(cells.formatCellValue(cell)).append('\n')));
        assertThat(all.toString()).contains(entry.getValue()).contains("审核人", "负责人", "（单位盖章）", report.sha256());
      }
    }
    assertThat(reports.find("5306270001", "2025-06").orElseThrow().corrections())
        .containsEntry("students", "2名转入学生学籍待录入");

    // Downloading through the door is recorded with the submission's hash; the chain still holds.
    UnitReport changan = reports.find("5306270001", "2025-06").orElseThrow();
    long before = downloads();
    Reply pdf = Caller.basic(port, "principal-changan").get("/api/unit-reports/" + changan.id() + "/official.pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("Content-Disposition")).contains("filename*=UTF-8''");
    Reply xlsx = Caller.basic(port, "official-jianshan").get("/api/unit-reports/" + changan.id() + "/official.xlsx");
    assertThat(xlsx.status()).isEqualTo(200);
    assertThat(downloads()).isEqualTo(before + 2);
    assertThat(jdbc.queryForObject("select payload from audit_trail where entry_kind = 'UNIT_REPORT_DOWNLOAD' order by id desc"
        + " limit 1", String.class)).startsWith("report=" + changan.id() + ";format=xlsx;sha256=" + changan.sha256());
    var result = verification.verify();
    assertThat(result.problems()).noneMatch(problem -> problem.contains("报表"));
  }

  @Test
  void thePageListsTheReportsAndWhoIsMissingOnADeskAndOnAPhone() {
    ChineseBrowser desk = DESKTOP.browser();
    desk.logIn("official-jianshan");
    desk.go("/unit-reports?unit=530627205");
    desk.waitFor(org.openqa.selenium.By.id("unit-reports"));
    assertThat(desk.visibleText()).contains("报表报送：尖山乡", "2025年6月", "控辍保学工作月报表（乡镇汇总）", "尖山中学", "已报送",
        "正式报表（打印版）");
    desk.assertReadableByPeople("unit reports of a township");
    desk.screenshot("unit-reports-township");

    ChineseBrowser phone = PHONE.browser();
    phone.logIn("principal-changan");
    phone.go("/unit-reports");
    phone.waitFor(org.openqa.selenium.By.id("unit-reports"));
    assertThat(phone.visibleText()).contains("报表报送：长安村小学", "2025年6月", "2名转入学生学籍待录入", "王建国");
    phone.assertReadableByPeople("unit reports of a school");
    Number viewport = (Number) ((JavascriptExecutor) phone.driver()).executeScript("return window.innerWidth;");
    Number width = (Number) ((JavascriptExecutor) phone.driver()).executeScript("return document.documentElement.scrollWidth;");
    assertThat(width.intValue()).isLessThanOrEqualTo(viewport.intValue());
    phone.screenshot("unit-reports-school-phone");
  }

  private void submit(String user, String unit, String period, Map<String, Object> variables) {
    UnitReport report = reports.find(unit, period).orElseThrow();
    if (report.isSubmitted()) {
      return;
    }
    String task = taskService.createTaskQuery().processInstanceId(report.processInstanceId()).taskDefinitionKey("submitReport")
        .singleResult().getId();
    Map<String, Object> sent = new HashMap<>(variables);
    // A reason only where the figure really differs from the count.
    for (String figure : List.of("newCases", "confirmed")) {
      if (sent.containsKey(figure) && report.computed().get(figure).equals(((Number) sent.get(figure)).longValue())) {
        sent.remove(figure + "Reason");
      } else if (sent.containsKey(figure)) {
        sent.put(figure + "Reason", "经核实本期无新增");
      }
    }
    identityService.setAuthentication(user, staff.groupIdsOf(user));
    try {
      taskService.complete(task, sent);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private long downloads() {
    return jdbc.queryForObject("select count(*) from audit_trail where entry_kind = 'UNIT_REPORT_DOWNLOAD'", Long.class);
  }

  private static String pdfText(byte[] pdf, String copyName) throws IOException {
    Path copy = Path.of("target", "documents", copyName);
    Files.createDirectories(copy.getParent());
    Files.write(copy, pdf);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (var page : document.getPages()) {
        for (var fontName : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(fontName);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document).replaceAll("\\s+", "");
    }
  }
}
