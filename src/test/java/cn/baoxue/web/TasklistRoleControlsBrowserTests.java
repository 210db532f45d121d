package cn.baoxue.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TasklistPage;
import cn.baoxue.testing.TestStudents;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Tasklist, role by role, in the Chinese browser at desktop size and on a phone (360×800): each
 * role meets only the controls the engine allowlist lets it use (no 新建任务, 设置跟进日期, editable
 * due date, 添加用户组, 添加备注, filter editing or Cockpit link for caseworkers; no 认领, 办理完成 or
 * 启动流程 for the auditor) and still claims and completes its work; a refused form names every bad
 * field beside a 办理完成 (启动) button nothing covers; on the phone the open task's form is on the
 * first screen, above the filters and the list. In Cockpit the auditor reads a case and is offered
 * no change to it.
 */
@BaoxueWebTest
class TasklistRoleControlsBrowserTests {

  /** Texts of controls no caseworker may use (the engine allowlist refuses what they send). */
  private static final List<String> FORBIDDEN_TEXTS = List.of("新建任务", "设置跟进日期", "设置到期日", "添加用户组", "添加备注");
  /** The same controls, and the ones that edit a value shown, by their place in the page. */
  private static final String FORBIDDEN_CONTROLS = "li.create-task-action, .task-details li:has(> .followup-date),"
      + " .task-details .reset-due-date, .task-details .reset-follow-up-date, .task-details .reset-assignee,"
      + " .task-details .createCommentLink, .task-filters .glyphicon-pencil, .task-details a.instance-link";
  private static final String AUDITOR_FORBIDDEN = "li.start-process-action, .task-details button.claim,"
      + " .task-details button.unclaim, .task-details .form-actions button";

  @Autowired TestRestTemplate anonymous;
  @RegisterExtension static final BrowserPerClass desktop = new BrowserPerClass();
  @RegisterExtension static final BrowserPerClass phone = BrowserPerClass.onPhone();

  @Test
  void eachRoleMeetsOnlyTheControlsItMayUseAndStillClaimsAndCompletes() {
    ChineseBrowser browser = desktop.browser();
    String student = "钱小燕" + (System.nanoTime() % 1000);
    // Searched by its number: the lists are sorted by due date, and a long run fills their first pages.
    String caseNumber = startCase(student);
    TasklistPage tasklist = new TasklistPage(browser);
    try {
      // The teacher: 核实是否辍学 from 本单位待办, without the controls she may not use.
      browser.logIn("teacher-changan");
      openTasklist(browser);
      assertNoForbiddenControls(browser, "teacher-changan's task list");
      assertThat(browser.driver().findElements(By.cssSelector("li.start-process-action")))
          .as("a teacher reports cases").anyMatch(WebElement::isDisplayed);
      openFilter(browser, "本单位待办");
      tasklist.searchCase(caseNumber);
      browser.click(taskInList(student));
      browser.waitFor(By.xpath("//*[contains(@class,'task-details')]//h2[normalize-space()='核实是否辍学']"));
      browser.waitFor(By.xpath("//li[contains(@class,'groups')]//*[normalize-space()='长安村小学']"));
      WebElement due = browser.waitFor(By.cssSelector(".task-details .due-date [am-time-ago='task.due']"));
      browser.click(due);
      assertThat(browser.driver().findElements(By.cssSelector(".task-details .due-date input")))
          .as("the due date is shown, not edited").isEmpty();
      assertNoForbiddenControls(browser, "the teacher's open task");
      browser.click(By.xpath("//button[normalize-space()='认领']"));
      browser.waitFor(By.xpath("//li[contains(@class,'assignee')]//span[normalize-space()='李明华']"));
      browser.waitFor(By.xpath("//label[normalize-space(.)='确认辍学']"));
      assertNoLoginIds(browser, "the teacher's task");
      browser.screenshot("tasklist-roles-teacher-task");
      browser.assertAllChinese("the teacher's task without foreign controls");

      // Submitted empty: every field to fill is named beside 办理完成, which nothing covers.
      browser.click(completeButton());
      WebElement refusal = browser.waitFor(By.cssSelector(".task-details .baoxue-form-refusal"));
      assertThat(refusal.getText()).contains("核实结果").contains("此项为必填项");
      assertThat(browser.texts(By.cssSelector(".page-notifications .alert")))
          .as("the notification says what to do").anyMatch(text -> text.contains("核实结果"));
      assertUncovered(browser, completeButton());
      browser.screenshot("tasklist-roles-teacher-refused");
      browser.assertAllChinese("the refused verify form");

      browser.click(By.xpath("//label[normalize-space(.)='确认辍学']"));
      browser.field("核实情况").sendKeys("连续两周未到校，已电话核实");
      settle();
      browser.click(completeButton());
      browser.waitUntilGone(completeButton());
      assertThat(refusalBoxes(browser)).isEmpty();

      // The township: 指定包保责任人, claimed and completed with the pickers.
      browser.logIn("official-jianshan");
      openTasklist(browser);
      openFilter(browser, "本单位待办");
      tasklist.searchCase(caseNumber);
      browser.click(taskInList(student));
      browser.waitFor(By.xpath("//*[contains(@class,'task-details')]//h2[normalize-space()='指定包保责任人']"));
      assertNoForbiddenControls(browser, "the township's open task");
      browser.click(By.xpath("//button[normalize-space()='认领']"));
      browser.waitFor(By.xpath("//li[contains(@class,'assignee')]//span[normalize-space()='赵文斌']"));
      browser.waitForValue("学生姓名", student);
      browser.click(completeButton());
      refusal = browser.waitFor(By.cssSelector(".task-details .baoxue-form-refusal"));
      assertThat(refusal.getText()).as("both empty pickers named").contains("教育线包保教师", "行政线包保村干部");
      assertThat(browser.driver().findElements(By.cssSelector(".task-details .fjs-form-field.fjs-has-errors")))
          .as("each empty picker marked").hasSizeGreaterThanOrEqualTo(2);
      assertUncovered(browser, completeButton());
      browser.screenshot("tasklist-roles-official-refused");
      browser.assertAllChinese("the refused assign-helpers form");
      pick(browser, "教育线包保教师", "李明华");
      pick(browser, "行政线包保村干部", "杨国富");
      browser.click(completeButton());
      browser.waitUntilGone(completeButton());

      // The village cadre takes the home visit offered to both helpers, with the same list of controls.
      browser.logIn("cadre-changan");
      openTasklist(browser);
      openFilter(browser, "本单位待办");
      tasklist.searchCase(caseNumber);
      browser.click(taskInList(student));
      browser.waitFor(By.xpath("//*[contains(@class,'task-details')]//h2[normalize-space()='入户家访']"));
      assertNoForbiddenControls(browser, "the cadre's open task");
      browser.click(By.xpath("//button[normalize-space()='认领']"));
      browser.waitFor(By.xpath("//li[contains(@class,'assignee')]//span[normalize-space()='杨国富']"));
      assertNoLoginIds(browser, "the cadre's task");

      // The county bureau: the same list of controls.
      for (String user : List.of("cadre-changan", "bureau-zhenxiong")) {
        browser.logIn(user);
        openTasklist(browser);
        assertNoForbiddenControls(browser, user + "'s task list");
        browser.screenshot("tasklist-roles-" + user);
        browser.assertAllChinese(user + "'s task list");
      }

      // The auditor reads the case's open task and is offered nothing to do on it.
      browser.logIn("auditor");
      openTasklist(browser);
      openFilter(browser, "全部待办");
      tasklist.searchCase(caseNumber);
      browser.click(taskInList(student));
      browser.waitFor(By.xpath("//*[contains(@class,'task-details')]//h2[normalize-space()='入户家访']"));
      // The engine does not show the auditor the cadre's profile: Baoxue names her all the same.
      browser.waitFor(By.xpath("//li[contains(@class,'assignee')]//span[normalize-space()='杨国富']"));
      browser.waitFor(By.xpath("//*[contains(@class,'tasks-list')]//h5[contains(@class,'assignee') and normalize-space()='杨国富']"));
      assertNoLoginIds(browser, "the auditor's open task");
      assertNoForbiddenControls(browser, "the auditor's open task", "a.instance-link");
      assertThat(visible(browser, AUDITOR_FORBIDDEN)).as("the auditor's open task offers no work").isEmpty();
      browser.screenshot("tasklist-roles-auditor-task");
      browser.assertAllChinese("the auditor's task");
    } catch (RuntimeException | AssertionError e) {
      browser.screenshot("tasklist-roles-failure");
      throw e;
    }
  }

  @Test
  void aRefusedReportMarksEveryFieldAndSaysWhyBesideTheStartButton() {
    ChineseBrowser browser = desktop.browser();
    try {
      browser.logIn("teacher-changan");
      openTasklist(browser);
      browser.click(By.xpath("//a[normalize-space()='启动流程']"));
      browser.click(By.xpath("//ul[contains(@class,'processes')]//a[contains(normalize-space(.),'控辍保学')]"));
      browser.field("学生姓名");
      By start = By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='启动']");
      browser.click(start);
      WebElement refusal = browser.waitFor(By.cssSelector(".modal-dialog .baoxue-form-refusal"));
      // Her school and village are preset: every other required field is named and marked.
      assertThat(refusal.getText()).contains("学生姓名", "身份证号", "性别", "出生日期", "年级", "疑似辍学原因");
      assertThat(browser.driver().findElements(By.cssSelector(".modal-dialog .fjs-form-field.fjs-has-errors")))
          .as("every empty required field marked, not only the 身份证号").hasSizeGreaterThanOrEqualTo(6);
      browser.screenshot("tasklist-report-empty-refused");
      browser.assertAllChinese("the empty report");

      // Filled in, with a birth date that is not the 身份证号's: Baoxue refuses, the field says why.
      Map<String, Object> child = TestStudents.changanGirl();
      LocalDate birth = LocalDate.parse((String) child.get("birthDate"));
      type(browser, "学生姓名", "孙小雨");
      type(browser, "身份证号", (String) child.get("studentIdNumber"));
      type(browser, "年级", "6");
      type(browser, "出生日期", birth.plusDays(1) + Keys.TAB.toString());
      browser.click(By.xpath("//label[normalize-space(.)='疑似辍学原因*' or normalize-space(.)='疑似辍学原因']"
          + "/following-sibling::*[contains(@class,'fjs-input-group')]"));
      browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='外出务工']"));
      browser.click(By.xpath("//label[normalize-space(.)='女']/input | //label[normalize-space(.)='女']/preceding-sibling::input[1]"));
      settle();
      browser.click(start);
      browser.waitFor(By.xpath("//*[contains(@class,'baoxue-form-refusal')]//li[contains(.,'出生日期与身份证号不一致')]"));
      browser.waitFor(By.xpath("//*[contains(@class,'fjs-has-errors')][.//label[starts-with(normalize-space(.),'出生日期')]]"
          + "//*[contains(@class,'baoxue-server-error') and contains(.,'出生日期与身份证号不一致')]"));
      assertThat(browser.driver().findElement(start).isDisplayed()).as("启动 stays").isTrue();
      assertUncovered(browser, start);
      browser.screenshot("tasklist-report-refused-by-baoxue");
      browser.assertAllChinese("the report refused by Baoxue");
    } catch (RuntimeException | AssertionError e) {
      browser.screenshot("tasklist-report-refused-failure");
      throw e;
    }
  }

  @Test
  void onAPhoneTheOpenTasksFormComesFirstAndEachRoleMeetsOnlyItsControls() {
    ChineseBrowser browser = phone.browser();
    String student = "周小兰" + (System.nanoTime() % 1000);
    String caseNumber = startCase(student);
    TasklistPage tasklist = new TasklistPage(browser);
    try {
      for (String user : List.of("cadre-changan", "official-jianshan", "bureau-zhenxiong")) {
        browser.logIn(user);
        openTasklist(browser);
        openMenu(browser);
        assertNoForbiddenControls(browser, user + "'s task list on a phone");
        browser.screenshot("tasklist-phone-" + user);
        browser.assertAllChinese(user + "'s task list on a phone");
      }

      browser.logIn("teacher-changan");
      openTasklist(browser);
      openMenu(browser);
      assertNoForbiddenControls(browser, "the teacher's list on a phone");
      browser.screenshot("tasklist-phone-list");
      openFilter(browser, "本单位待办");
      browser.click(taskInList(student));
      browser.waitFor(By.xpath("//*[contains(@class,'task-details')]//h2[normalize-space()='核实是否辍学']"));
      browser.waitFor(By.xpath("//label[normalize-space(.)='确认辍学']"));
      settle();
      Map<String, Object> layout = layout(browser);
      assertThat(((Number) layout.get("scrollY")).doubleValue()).as("the page starts at its top").isLessThan(5);
      assertThat(((Number) layout.get("formTop")).doubleValue()).as("the form begins on the first screen").isLessThan(800);
      assertThat(((Number) layout.get("filtersTop")).doubleValue()).as("the filters come after the form")
          .isGreaterThan(((Number) layout.get("formTop")).doubleValue());
      assertThat(((Number) layout.get("listTop")).doubleValue()).as("the list comes after the form")
          .isGreaterThan(((Number) layout.get("formTop")).doubleValue());
      assertNoForbiddenControls(browser, "the teacher's task on a phone");
      browser.screenshot("tasklist-phone-task");
      browser.assertAllChinese("the teacher's task on a phone");

      browser.click(By.xpath("//button[normalize-space()='认领']"));
      browser.waitFor(By.xpath("//li[contains(@class,'assignee')]//span[normalize-space()='李明华']"));
      browser.click(completeButton());
      browser.waitFor(By.cssSelector(".task-details .baoxue-form-refusal"));
      assertUncovered(browser, completeButton());
      browser.screenshot("tasklist-phone-refused");
      browser.click(By.xpath("//label[normalize-space(.)='确认辍学']"));
      settle();
      browser.click(completeButton());
      browser.waitUntilGone(completeButton());

      browser.logIn("auditor");
      openTasklist(browser);
      openMenu(browser);
      assertThat(visible(browser, "li.start-process-action, li.create-task-action")).as("the auditor starts nothing").isEmpty();
      openFilter(browser, "全部待办");
      tasklist.searchCase(caseNumber);
      browser.click(taskInList(student));
      browser.waitFor(By.xpath("//*[contains(@class,'task-details')]//h2[normalize-space()='指定包保责任人']"));
      browser.waitFor(By.cssSelector(".task-details li.assignee"));
      assertThat(visible(browser, AUDITOR_FORBIDDEN)).as("the auditor's task on a phone").isEmpty();
      // The township it is offered to, by name, though the auditor may not read the group.
      browser.waitFor(By.xpath("//li[contains(@class,'groups')]//*[normalize-space()='尖山乡人民政府']"));
      assertNoLoginIds(browser, "the auditor's task on a phone");
      browser.screenshot("tasklist-phone-auditor");
      browser.assertAllChinese("the auditor's task on a phone");
    } catch (RuntimeException | AssertionError e) {
      browser.screenshot("tasklist-phone-failure");
      throw e;
    }
  }

  @Test
  void theAuditorIsOfferedNoChangeInCockpit() {
    ChineseBrowser browser = desktop.browser();
    String processInstanceId = startedCase("吴小芳" + (System.nanoTime() % 1000)).get("id").toString();
    try {
      browser.logIn("auditor");
      browser.go("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime");
      browser.waitFor(By.xpath("//*[contains(@class,'djs-container')]//*[normalize-space()='核实是否辍学']"));
      browser.waitFor(By.xpath("//*[@cam-widget-variables-table]//td[normalize-space()='caseNumber']"));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> (Boolean) browser.driver()
          .executeScript("return document.body.classList.contains('baoxue-controls-known');"));
      assertThat(browser.driver().findElements(By.cssSelector("td.actions button"))).as("the variables' edit buttons")
          .isNotEmpty();
      assertThat(visible(browser, ".ctn-toolbar a.btn-toolbar, .ctn-toolbar button.btn-toolbar, td.actions"))
          .as("suspend, delete, retry, add or edit variables").isEmpty();
      // Not checked for English here: Cockpit's variables tab lists the engine's variable names and
      // types (birthDate, String), which is Cockpit's view of the engine, not a Baoxue page.
      browser.screenshot("cockpit-auditor-instance");
    } catch (RuntimeException | AssertionError e) {
      browser.screenshot("cockpit-auditor-failure");
      throw e;
    }
  }

  /** Starts a case for the student as teacher-changan; its number (the business key). */
  private String startCase(String student) {
    return startedCase(student).get("businessKey").toString();
  }

  private Map<String, Object> startedCase(String student) {
    Map<String, Object> child = TestStudents.changanGirl();
    child.put("studentName", student);
    var started = EngineRest.as(anonymous, "teacher-changan").startCase(child);
    assertThat(started.getStatusCode().is2xxSuccessful()).isTrue();
    return started.getBody();
  }

  private static By completeButton() {
    return By.xpath("//*[contains(@class,'task-details')]//button[normalize-space()='办理完成']");
  }

  private static List<WebElement> refusalBoxes(ChineseBrowser browser) {
    return browser.driver().findElements(By.cssSelector(".baoxue-form-refusal"));
  }

  /** Displayed elements matching the selector (Tasklist hides by CSS what a role may not use). */
  @SuppressWarnings("unchecked")
  private static List<String> visible(ChineseBrowser browser, String selector) {
    return (List<String>) browser.driver().executeScript(
        "return [...document.querySelectorAll(arguments[0])].filter(e => e.getClientRects().length > 0"
            + " && getComputedStyle(e).visibility !== 'hidden').map(e => e.outerHTML.slice(0, 120));", selector);
  }

  private static void assertNoForbiddenControls(ChineseBrowser browser, String where, String... allowedHere) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(d -> (Boolean) browser.driver().executeScript("return document.body.classList.contains('baoxue-controls-known');"));
    String selector = FORBIDDEN_CONTROLS;
    for (String allowed : allowedHere) {
      selector = selector.replace(", .task-details " + allowed, "");
    }
    assertThat(visible(browser, selector)).as("controls the allowlist refuses, in %s", where).isEmpty();
    String text = browser.visibleText();
    for (String forbidden : FORBIDDEN_TEXTS) {
      assertThat(text).as("%s in %s", forbidden, where).doesNotContain(forbidden);
    }
  }

  private static void assertNoLoginIds(ChineseBrowser browser, String where) {
    assertThat(browser.visibleText()).as("login ids and group ids in %s", where)
        .doesNotContain("teacher-changan", "cadre-changan", "official-jianshan", "bureau-zhenxiong", "auditor")
        .doesNotContainPattern("(school|village|township|county|womenfed)_[0-9]");
  }

  /**
   * The element's middle is the element itself (or inside it), not a notification over it. Asked
   * again for a few seconds: on a busy machine the dialog may still be scrolling or redrawing.
   */
  private static void assertUncovered(ChineseBrowser browser, By by) {
    WebElement element = browser.driver().findElement(by);
    boolean uncovered = false;
    for (int attempt = 0; attempt < 10 && !uncovered; attempt++) {
      if (attempt > 0) {
        settle();
      }
      browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      uncovered = Boolean.TRUE.equals(browser.driver().executeScript(
          "const r = arguments[0].getBoundingClientRect();"
              + "const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
              + "return top === arguments[0] || arguments[0].contains(top);", element));
    }
    assertThat(uncovered).as("%s is not covered", element.getText()).isTrue();
  }

  private static Map<String, Object> layout(ChineseBrowser browser) {
    @SuppressWarnings("unchecked")
    Map<String, Object> layout = (Map<String, Object>) browser.driver().executeScript(
        "const top = s => document.querySelector(s).getBoundingClientRect().top;"
            + "return {scrollY: window.scrollY, formTop: top('.task-details [cam-tasklist-form]'),"
            + " filtersTop: top('.column.task-filters'), listTop: top('.column.tasks-list')};");
    return layout;
  }

  /** On a phone Tasklist's header folds its links (启动流程 …) behind a menu button. */
  private static void openMenu(ChineseBrowser browser) {
    List<WebElement> toggles = browser.driver().findElements(By.cssSelector("[cam-widget-header] .navbar-toggle"));
    if (!toggles.isEmpty() && toggles.get(0).isDisplayed()) {
      browser.click(toggles.get(0));
      settle();
    }
  }

  private static void pick(ChineseBrowser browser, String label, String name) {
    browser.click(By.xpath("//label[normalize-space(.)='" + label + "*' or normalize-space(.)='" + label + "']"
        + "/following-sibling::*[contains(@class,'fjs-input-group')]"));
    browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(normalize-space(),'" + name + "')]"));
    settle();
  }

  private static void type(ChineseBrowser browser, String label, String text) {
    WebElement field = browser.field(label);
    field.click();
    field.sendKeys(text);
    settle();
  }

  private static void openTasklist(ChineseBrowser browser) {
    new TasklistPage(browser).open();
  }

  private static void openFilter(ChineseBrowser browser, String name) {
    new TasklistPage(browser).filter(name);
  }

  private static By taskInList(String studentName) {
    return By.xpath("//*[contains(@class,'tasks-list')]//li[contains(normalize-space(.),'" + studentName + "')]");
  }

  /** form-js debounces typed input; Tasklist redraws after a claim. */
  private static void settle() {
    try {
      Thread.sleep(600);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
