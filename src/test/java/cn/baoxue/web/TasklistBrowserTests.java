package cn.baoxue.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TasklistPage;
import cn.baoxue.testing.TestStudents;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist in a real Chromium set to Chinese: a teacher reports a child from the start form (her
 * school and village preset by name), is told the case number and verifies the case from 我的待办, the township sees the next step, another school sees nothing.
 * Every Tasklist page on the way must be free of untranslated English, dates included; a browser
 * set to English keeps English; Cockpit shows the running cases in Chinese.
 */
@BaoxueWebTest
class TasklistBrowserTests {

  private static final By USER_IN_HEADER = By.cssSelector("li.account > a.dropdown-toggle");
  /** moment's relative time with zh.json's words: 4 天后, 3 小时前, 几秒后. */
  private static final String CHINESE_RELATIVE_DATE = "(\\d+ (分钟|小时|天|个月|年)|几秒)[前后]";
  private static final By DUE_IN_HEADER = By.cssSelector(".task-details .due-date [am-time-ago='task.due']");

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @RegisterExtension static final BrowserPerClass chromium = new BrowserPerClass();
  private ChineseBrowser browser;

  @BeforeEach
  void browser() {
    browser = chromium.browser();
  }

  @Test
  void aTeacherReportsAndVerifiesACaseInChineseAndOnlyTheRightPeopleSeeIt() {
    assertThat(browser.intlLocale()).as("a Chinese browser down to its Intl").startsWith("zh");
    Map<String, Object> child = TestStudents.changanGirl();
    String studentName = "李小花" + (System.nanoTime() % 1000);
    try {
      browser.logIn("teacher-changan");
      openTasklist(browser);
      assertThat(browser.driver().findElement(By.id("footer-timezone")).getText()).contains("Asia/Shanghai");
      assertThat(browser.fetched("/locales/")).as("only the Chinese labels and dates are loaded")
          .isNotEmpty().allMatch(url -> url.contains("/locales/zh.json"));
      browser.screenshot("tasklist-list");
      browser.assertAllChinese("the task list");

      reportStudent(child, studentName);
      String reported = runtimeService.createProcessInstanceQuery().variableValueEquals("studentName", studentName)
          .singleResult().getBusinessKey();
      // She is told the case number, and the verification is hers: in 我的待办, no claiming.
      browser.waitFor(By.xpath("//*[contains(@class,'baoxue-case-started') and contains(.,'已登记个案 " + reported + "')]"));
      browser.screenshot("tasklist-case-started");
      browser.driver().findElement(By.cssSelector(".baoxue-case-started .close")).click();
      // The engine keeps the birth date masked (PersonalVariables); the case record holds it in full.
      assertThat(jdbc.queryForObject("select s.birth_date from student s join dropout_case c on c.student_id = s.id"
          + " where c.case_number = ?", LocalDate.class, reported)).as("the birth date typed year first")
          .hasToString((String) child.get("birthDate"));

      openFilter(browser, "我的待办");
      // By its number: a long run fills the lists' first pages (they are sorted by due date).
      new TasklistPage(browser).searchCase(reported);
      browser.click(taskInList(studentName));
      WebElement result = browser.waitFor(By.xpath("//label[normalize-space(.)='确认辍学']"));
      browser.waitFor(By.xpath("//li[contains(@class,'assignee')]//span[normalize-space()='李明华']"));
      assertThat(browser.driver().findElement(USER_IN_HEADER).getText()).as("family name first").isEqualTo("李明华");
      WebElement due = browser.waitFor(DUE_IN_HEADER);
      assertThat(due.getText()).as("relative due date").matches(CHINESE_RELATIVE_DATE);
      assertThat(due.getAttribute("uib-tooltip")).as("due date").matches("\\d{4}年\\d{1,2}月\\d{1,2}日星期. \\d\\d:\\d\\d");
      browser.screenshot("tasklist-verify-form");
      browser.assertAllChinese("the verify form");
      browser.click(result);
      browser.field("核实情况").sendKeys("连续两周未到校，已电话核实");
      browser.click(By.xpath("//button[normalize-space()='办理完成']"));
      browser.waitUntilGone(By.xpath("//button[normalize-space()='办理完成']"));

      browser.logIn("official-jianshan");
      openTasklist(browser);
      openFilter(browser, "本单位待办");
      new TasklistPage(browser).searchCase(reported);
      browser.waitFor(By.xpath("//*[contains(@class,'tasks-list')]//li[contains(normalize-space(.),'" + studentName
          + "') and .//*[normalize-space()='指定包保责任人']]"));
      browser.click(taskInList(studentName));
      browser.waitFor(By.xpath("//*[contains(@class,'task-details')]//h2[normalize-space()='指定包保责任人']"));
      browser.waitForValue("学生姓名", studentName);
      browser.screenshot("tasklist-assign-helpers");
      browser.assertAllChinese("the assign-helpers task");

      browser.logIn("teacher-nantai");
      openTasklist(browser);
      for (String filter : List.of("我的待办", "本单位待办", "已逾期/督办", "本周到期", "全部待办")) {
        openFilter(browser, filter);
        assertThat(browser.visibleText()).as("%s of another school", filter).doesNotContain(studentName);
      }
      browser.screenshot("tasklist-other-school");
      browser.assertAllChinese("another school's task list");
    } catch (RuntimeException | AssertionError e) {
      browser.driver().executeScript("document.querySelectorAll('.modal').forEach(m => m.scrollTop = 0)");
      browser.screenshot("tasklist-failure");
      throw e;
    }
  }

  @Test
  void aBrowserSetToEnglishKeepsEnglishDates() {
    Map<String, Object> child = TestStudents.changanGirl();
    String studentName = "王小梅" + (System.nanoTime() % 1000);
    child.put("studentName", studentName);
    var started = EngineRest.as(anonymous, "teacher-changan").startCase(child);
    assertThat(started.getStatusCode().is2xxSuccessful()).isTrue();
    String caseNumber = started.getBody().get("businessKey").toString();

    try (ChineseBrowser english = ChineseBrowser.openInEnglish(port)) {
      assertThat(english.intlLocale()).as("an English browser down to its Intl").startsWith("en");
      english.logIn("teacher-changan");
      openTasklist(english);
      assertThat(english.fetched("/locales/")).isNotEmpty().allMatch(url -> url.contains("/locales/en.json"));
      openFilter(english, "本单位待办");
      new TasklistPage(english).searchCase(caseNumber);
      english.click(taskInList(studentName));
      english.waitFor(By.xpath("//button[normalize-space()='Claim']"));
      WebElement due = english.waitFor(DUE_IN_HEADER);
      assertThat(due.getText()).as("relative due date").matches("in (a|an|\\d+) [a-z]+|(a|an|\\d+) [a-z]+ ago|a few seconds ago|in a few seconds");
      assertThat(due.getAttribute("uib-tooltip")).as("due date").matches("[A-Z][a-z]+day, \\d{1,2} [A-Z][a-z]+ \\d{4} \\d\\d:\\d\\d");
      english.screenshot("tasklist-english");
    }
  }

  @Test
  void cockpitShowsTheRunningCasesInChinese() {
    Map<String, Object> child = TestStudents.changanGirl();
    child.put("studentName", "王小梅" + (System.nanoTime() % 1000));
    assertThat(EngineRest.as(anonymous, "teacher-changan").startCase(child).getStatusCode().is2xxSuccessful()).isTrue();
    Object definitionId = EngineRest.as(anonymous, "auditor")
        .get("/engine-rest/process-definition/key/dropout-case").getBody().get("id");

    browser.logIn("auditor");
    browser.go("/camunda/app/cockpit/default/#/process-definition/" + definitionId + "/runtime");
    browser.waitFor(By.xpath("//*[contains(@class,'djs-container')]//*[normalize-space()='核实是否辍学']"));
    WebElement started = browser.waitFor(By.cssSelector("table.process-instances tbody tr td.start-time"));
    assertThat(started.getText()).as("start time").matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d\\d:\\d\\d:\\d\\d");
    browser.waitFor(By.xpath("//*[contains(@class,'instance-count') and normalize-space()!='']"));
    browser.waitFor(By.xpath("//li[contains(@class,'account')]/a[normalize-space()='郑平']"));
    browser.screenshot("cockpit-process-definition");
    browser.assertAllChinese("Cockpit's view of the case process");
  }

  private static void openTasklist(ChineseBrowser browser) {
    new TasklistPage(browser).open();
  }

  /** Opens the filter and waits for its list: the filter is marked active and the list has loaded. */
  private static void openFilter(ChineseBrowser browser, String name) {
    new TasklistPage(browser).filter(name);
  }

  private static By taskInList(String studentName) {
    return By.xpath("//*[contains(@class,'tasks-list')]//li[contains(normalize-space(.),'" + studentName + "')]");
  }

  private void reportStudent(Map<String, Object> child, String studentName) {
    browser.click(By.xpath("//a[normalize-space()='启动流程']"));
    browser.click(By.xpath("//ul[contains(@class,'processes')]//a[contains(normalize-space(.),'控辍保学')]"));
    type("学生姓名", studentName);
    String idNumber = (String) child.get("studentIdNumber");
    String wrongCheckDigit = idNumber.substring(0, 17) + (idNumber.endsWith("1") ? "2" : "1");
    type("身份证号", wrongCheckDigit);
    // No codes to type: her only school and the only village of its township are preset, by name.
    browser.waitForValue("学校", "长安村小学");
    browser.waitForValue("户籍村", "长安村");
    type("年级", "6");
    // Typed year first, as a Chinese user writes it, and shown in the Chinese browser's own format
    // (every spelling and the calendar, on every form: TasklistDateFieldsBrowserTests).
    LocalDate birth = LocalDate.parse((String) child.get("birthDate"));
    assertThat(browser.field("出生日期").getAttribute("placeholder")).isEqualTo("如 2014-03-05");
    type("出生日期", birth.toString() + Keys.TAB);
    assertThat(browser.field("出生日期").getAttribute("value"))
        .isEqualTo(birth.getYear() + "/" + birth.getMonthValue() + "/" + birth.getDayOfMonth());
    assertThat(calendarText()).as("the date field's calendar")
        .contains("一月", "十二月", "一", "日").doesNotContainPattern("[A-Za-z]{3,}");
    browser.click(By.xpath("//label[normalize-space(.)='疑似辍学原因*' or normalize-space(.)='疑似辍学原因']"
        + "/following-sibling::*[contains(@class,'fjs-input-group')]"));
    browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='外出务工']"));

    browser.click(By.xpath("//label[normalize-space(.)='女']/input | //label[normalize-space(.)='女']/preceding-sibling::input[1]"));
    By start = By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='启动']");
    browser.click(start);
    browser.waitFor(By.xpath("//*[contains(@class,'baoxue-id-error') and contains(.,'校验位不正确')]"));
    browser.screenshot("tasklist-start-form");
    browser.assertAllChinese("the start form");
    WebElement id = browser.field("身份证号");
    id.sendKeys(Keys.chord(Keys.CONTROL, "a"), idNumber);
    settle();
    browser.click(start);
    browser.waitUntilGone(By.cssSelector(".modal-dialog"));
  }

  /** The hidden calendar of the page's date field: its months and weekdays. */
  private String calendarText() {
    return (String) browser.driver().executeScript("const c = document.querySelector('.flatpickr-calendar');"
        + "return [...c.querySelectorAll('.flatpickr-monthDropdown-month, .flatpickr-weekday')]"
        + ".map(e => e.textContent.trim()).join(' ');");
  }

  private void type(String label, CharSequence text) {
    WebElement field = browser.field(label);
    field.click();
    field.sendKeys(text);
    settle();
  }

  /** form-js debounces typed input: let it reach the form's state before the next field. */
  private static void settle() {
    try {
      Thread.sleep(600);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
