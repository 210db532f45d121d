package cn.baoxue.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Tasklist (with a Camunda Form open), Cockpit, Admin, the dashboard's ECharts and the roster
 * upload work under their Content-Security-Policy in a real Chromium: each renders, and the
 * console reports no violation.
 */
@BaoxueWebTest
class ContentSecurityPolicyBrowserTests {

  @Autowired TestRestTemplate anonymous;
  @RegisterExtension static final BrowserPerClass chromium = new BrowserPerClass();
  private ChineseBrowser browser;

  @BeforeEach
  void browser() {
    browser = chromium.browser();
  }

  @Test
  void tasklistShowsTheFiltersAndAStartFormWithoutViolations() {
    browser.logIn("teacher-changan");
    browser.go("/camunda/app/tasklist/default/");
    browser.waitFor(By.xpath("//*[contains(@class,'task-filters')]//*[contains(normalize-space(.),'我的待办')]"));
    browser.click(By.xpath("//a[normalize-space()='启动流程']"));
    browser.click(By.xpath("//ul[contains(@class,'processes')]//a[contains(normalize-space(.),'控辍保学')]"));
    browser.field("学生姓名").sendKeys("王小明");
    assertNoViolations("Tasklist and the report form");
  }

  @Test
  void tasklistOpensATaskFormWithoutViolations() {
    Map<String, Object> child = new HashMap<>(TestStudents.changanGirl());
    String studentName = "崔安" + (System.nanoTime() % 1000);
    child.put("studentName", studentName);
    EngineRest.as(anonymous, "teacher-changan").startCase(child);
    browser.logIn("teacher-changan");
    browser.go("/camunda/app/tasklist/default/");
    browser.click(By.xpath("//*[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[starts-with(normalize-space(.),'本单位待办')]"));
    browser.click(By.xpath("//*[contains(@class,'tasks-list')]//li[contains(normalize-space(.),'" + studentName + "')]"));
    browser.click(By.xpath("//button[normalize-space()='认领']"));
    browser.waitFor(By.xpath("//label[normalize-space(.)='确认辍学']"));
    assertNoViolations("a task form");
  }

  @Test
  void cockpitAndAdminWorkWithoutViolations() {
    browser.logIn("admin");
    browser.go("/camunda/app/cockpit/default/#/processes");
    browser.click(By.xpath("//a[contains(normalize-space(.),'控辍保学')]"));
    browser.waitFor(By.cssSelector(".djs-container svg"));
    assertNoViolations("Cockpit with a process diagram");
    browser.go("/camunda/app/admin/default/#/users");
    browser.waitFor(By.xpath("//a[contains(normalize-space(.),'teacher-changan')]"));
    assertNoViolations("Admin");
  }

  @Test
  void theDashboardDrawsItsChartsWithoutViolations() {
    browser.logIn("bureau-zhenxiong");
    browser.go("/reports/dashboard");
    WebElement chart = browser.waitFor(By.cssSelector("#chart0 canvas"));
    new Actions(browser.driver()).moveToElement(chart).perform();
    assertThat(browser.driver().findElements(By.cssSelector(".chart canvas"))).hasSizeGreaterThan(1);
    assertNoViolations("the dashboard");

    // The check sees what it should: an inline script is refused and reported.
    browser.driver().executeScript(
        "var s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.appendChild(s);");
    assertThat(browser.driver().executeScript("return window.injected === undefined")).isEqualTo(true);
    assertThat(browser.contentSecurityPolicyViolations()).isNotEmpty();
  }

  @Test
  void theRosterUploadPageRunsItsScriptWithoutViolations() {
    browser.logIn("teacher-changan");
    browser.go("/imports/roster");
    browser.waitFor(By.id("upload"));
    Object scriptRan = browser.driver().executeScript(
        "return [...document.scripts].some(s => s.src.endsWith('/js/upload.js'))");
    assertThat(scriptRan).isEqualTo(true);
    assertNoViolations("the roster upload page");
  }

  private void assertNoViolations(String where) {
    List<String> violations = browser.contentSecurityPolicyViolations();
    if (!violations.isEmpty()) {
      browser.screenshot("csp-" + where.replace(' ', '-'));
    }
    assertThat(violations).as("Content-Security-Policy violations on %s", where).isEmpty();
  }
}
