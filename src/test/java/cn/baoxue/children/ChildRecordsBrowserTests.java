package cn.baoxue.children;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TasklistPage;
import cn.baoxue.testing.TestStudents;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In the Chinese browser, at desktop size and on a 360×800 phone: 尖山乡 sees a girl found without
 * papers flagged on her case page and in the ledger and records her number; the county bureau sees
 * a provisional record beside her school's record on the duplicate list and merges them.
 */
@BaoxueWebTest
class ChildRecordsBrowserTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @BeforeAll
  static void chromium() {
    ChineseBrowser.assumeChromium();
  }

  @Test
  void aChildWithoutPapersIsFlaggedGivenHerNumberAndHerTwoRecordsMergedOnDesktopAndPhone() {
    int n = 0;
    for (boolean phone : new boolean[] {false, true}) {
      String where = phone ? "phone" : "desk";
      n++;
      YearMonth born = YearMonth.from(BeijingTime.today().minusYears(11).minusMonths(n));
      String name = phone ? "鲁小燕" : "鲁小莺";
      String caseNumber = find(name, born);
      String real = TestStudents.idNumber(born.atDay(12), false);
      // A twin record of another girl, for the duplicate list: her school registered her under her number.
      String twinName = phone ? "鲁小鹃" : "鲁小鹂";
      String twinCase = find(twinName, born);
      String twinNumber = TestStudents.idNumber(born.atDay(18), false);
      register(twinName, twinNumber, born.atDay(18));

      try (ChineseBrowser browser = phone ? ChineseBrowser.openOnPhone(port) : ChineseBrowser.open(port)) {
        assertThat(browser.intlLocale()).startsWith("zh");
        browser.logIn("official-jianshan");
        browser.go("/cases/" + caseNumber);
        assertThat(browser.waitFor(By.id("withoutIdNumber")).getText()).isEqualTo("无身份证号");
        assertThat(browser.visibleText()).contains("临时编号", "约" + born + "（估计）", "登记身份证号");
        browser.assertReadableByPeople("案件页（无身份证号，" + where + "）");
        assertFitsTheScreen(browser, "case page " + where);
        browser.screenshot("child-without-papers-case-" + where);

        browser.go("/ledgers/suspected");
        assertThat(browser.visibleText()).contains(name).contains("无身份证号");
        browser.screenshot("child-without-papers-ledger-" + where);

        browser.go("/cases/" + caseNumber);
        browser.waitFor(By.name("idNumber")).sendKeys(real);
        browser.click(By.cssSelector("#id-number button[type=submit]"));
        assertThat(browser.waitFor(By.cssSelector(".notice")).getText()).contains("已为" + name + "登记身份证号").contains("停用");
        assertThat(browser.driver().findElements(By.id("withoutIdNumber"))).isEmpty();
        browser.screenshot("child-without-papers-recorded-" + where);

        browser.logIn("bureau-zhenxiong");
        browser.go("/children/duplicates");
        long provisionalId = jdbc.queryForObject(
            "select student_id from dropout_case where case_number = ?", Long.class, twinCase);
        long twinId = jdbc.queryForObject("select id from student where id_number = ?", Long.class, twinNumber);
        assertThat(browser.visibleText()).contains("疑似重复的儿童记录").contains(twinName + "（编号 " + provisionalId + "）")
            .contains("姓名、出生年月相同，监护人相同");
        browser.assertReadableByPeople("疑似重复的儿童记录 (" + where + ")");
        assertFitsTheScreen(browser, "duplicates " + where);
        browser.screenshot("child-duplicates-" + where);
        // The suggested record to keep is the one with the real number.
        By keepTwin = By.cssSelector("input[name=keptChildId][value='" + twinId + "']");
        assertThat(browser.driver().findElement(keepTwin).isSelected()).isTrue();
        var form = browser.driver().findElement(keepTwin).findElement(By.xpath("ancestor::form"));
        form.findElement(By.name("reason")).sendKeys("入户核实为同一人");
        browser.click(form.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.waitFor(By.id("notice")).getText()).contains("已将" + twinName).contains("转入案件 1 件");
        browser.screenshot("child-duplicates-merged-" + where);
        assertThat(jdbc.queryForObject("select student_id from dropout_case where case_number = ?", Long.class, twinCase))
            .isEqualTo(twinId);
      }
    }
  }

  /**
   * Tasklist's report form: a teacher reports a child her school should have, found door to door
   * without papers — 身份证号 left empty, 发现途径 摸排. Left empty with 教师上报 the form says what to do.
   */
  @Test
  void aTeacherReportsAChildWithoutPapersInTasklistByChoosingSurveyAndLeavingTheNumberEmpty() {
    String name = "鲁小雁";
    LocalDate born = BeijingTime.today().minusYears(9).minusDays(40);
    try (ChineseBrowser browser = ChineseBrowser.open(port)) {
      assertThat(browser.intlLocale()).startsWith("zh");
      browser.logIn("teacher-changan");
      TasklistPage tasklist = new TasklistPage(browser).open();
      tasklist.startProcess("控辍保学");
      tasklist.type("学生姓名", name);
      browser.waitForValue("学校", "长安村小学");
      browser.waitForValue("户籍村", "长安村");
      tasklist.type("年级", "3");
      tasklist.date("出生日期", born.toString());
      tasklist.type("监护人姓名", "鲁大河");
      tasklist.select("疑似辍学原因", "其他");
      tasklist.choose("女");
      By start = By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='启动']");
      browser.click(start);
      browser.waitFor(By.xpath("//*[contains(@class,'baoxue-id-error') and contains(.,'请在“发现途径”中选“摸排”')]"));
      browser.assertAllChinese("the start form without a number");
      browser.screenshot("tasklist-report-without-papers-refused");
      tasklist.choose("摸排（铁脚板入户排查）");
      browser.screenshot("tasklist-report-without-papers-survey");
      browser.click(start);
      browser.waitUntilGone(By.cssSelector(".modal-dialog"));
    }
    Map<String, Object> student = jdbc.queryForMap("select s.id_number, s.birth_date_estimated, c.source, c.school_code"
        + " from student s join dropout_case c on c.student_id = s.id where s.name = ?", name);
    assertThat((String) student.get("ID_NUMBER")).matches("T530627[0-9]{11}");
    assertThat(student).containsEntry("SOURCE", "SURVEY").containsEntry("SCHOOL_CODE", TestStudents.CHANGAN_SCHOOL)
        .containsEntry("BIRTH_DATE_ESTIMATED", true);
  }

  private static void assertFitsTheScreen(ChineseBrowser browser, String where) {
    Object widths = ((JavascriptExecutor) browser.driver())
        .executeScript("return [document.documentElement.scrollWidth, window.innerWidth];");
    var pair = (java.util.List<?>) widths;
    assertThat(((Number) pair.get(0)).longValue()).as("page wider than the screen on %s", where)
        .isLessThanOrEqualTo(((Number) pair.get(1)).longValue());
  }

  private String find(String name, YearMonth born) {
    Map<String, Object> girl = new HashMap<>(TestStudents.changanGirl());
    girl.remove("studentIdNumber");
    girl.remove("schoolCode");
    girl.remove("grade");
    girl.put("studentName", name);
    girl.put("birthDate", born.toString());
    girl.put("guardianName", "鲁大江");
    girl.put("source", "SURVEY");
    girl.put("reason", "OTHER");
    var started = EngineRest.as(anonymous, "official-jianshan").startCase(girl);
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
    return (String) started.getBody().get("businessKey");
  }

  private void register(String name, String idNumber, LocalDate birthDate) {
    String csv = "姓名,身份证号,性别,出生日期,学校代码,年级,村代码,监护人,联系电话,在校状态,辍学原因,特殊群体\n"
        + name + "," + idNumber + ",女," + birthDate + "," + TestStudents.CHANGAN_SCHOOL + ",5," + TestStudents.CHANGAN_VILLAGE
        + ",鲁大江,13800000044,在校,,\n";
    var imported = EngineRest.as(anonymous, "teacher-changan").upload("/api/imports/roster", "roster.csv", csv);
    assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
  }
}
