package cn.baoxue.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.ChineseBrowser;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Baoxue's own pages as each role reads them, in the Chinese browser at desktop size and on a
 * phone (360×800): the home page, the case list, a case, its timeline, the three ledgers, the
 * statistics and, where the home page offers them, the case search, the 学籍异动 and the 结对关爱 pages. Every
 * page is fit for people ({@link ChineseBrowser#assertReadableByPeople}: no English word, login id,
 * group id or variable name), the timeline says who did what by name and unit, and on the phone no
 * page is wider than the screen (tables scroll inside themselves). Screenshots of every page at both
 * sizes go to target/screenshots/pages-*.png.
 */
@BaoxueWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesByRoleBrowserTests {

  @RegisterExtension static final BrowserPerClass DESKTOP = new BrowserPerClass();
  @RegisterExtension static final BrowserPerClass PHONE = BrowserPerClass.onPhone();

  @Autowired ProcessEngine engine;
  @Autowired StaffDirectory staff;

  private String caseNumber;

  /** A 长安 case reported by the teacher, verified by the principal, its helpers named by the township. */
  @BeforeAll
  void aCaseWorkedByThreeHands() {
    ActingUsers users = new ActingUsers(engine, staff);
    ProcessInstance pi = users.reportAtChangan();
    users.complete("principal-changan", users.taskOf(pi.getId()).getId(), Map.of("verifyResult", "CONFIRMED"));
    users.complete("official-jianshan", users.taskOf(pi.getId()).getId(),
        Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));
    caseNumber = pi.getBusinessKey();
  }

  @ParameterizedTest(name = "{0} at desktop size")
  @CsvSource({"teacher-changan, 李明华", "cadre-changan, 杨国富", "official-jianshan, 赵文斌", "bureau-zhenxiong, 周正华",
      "auditor, 郑平", "admin, 系统管理员"})
  void everyRoleReadsItsPagesInChineseByNames(String user, String name) {
    tour(DESKTOP.browser(), user, name, "desktop");
  }

  @ParameterizedTest(name = "{0} on a phone")
  @CsvSource({"teacher-changan, 李明华", "cadre-changan, 杨国富", "official-jianshan, 赵文斌", "bureau-zhenxiong, 周正华",
      "auditor, 郑平", "admin, 系统管理员"})
  void everyRoleReadsItsPagesOnAPhone(String user, String name) {
    tour(PHONE.browser(), user, name, "phone");
  }

  private void tour(ChineseBrowser browser, String user, String name, String size) {
    browser.logIn(user);
    visit(browser, "/", user, "home", size);
    String home = browser.visibleText();
    assertThat(home).contains(name);

    visit(browser, "/cases", user, "cases", size);
    assertThat(browser.visibleText()).contains(caseNumber);

    visit(browser, "/cases/" + caseNumber, user, "case", size);
    assertThat(browser.visibleText()).contains("李明华（长安村小学）", "杨国富（长安村）", "赵文斌（尖山乡）");

    visit(browser, "/cases/" + caseNumber + "/timeline", user, "timeline", size);
    assertThat(browser.visibleText())
        .contains("王建国（长安村小学）", "「核实是否辍学」按期办结")
        .contains("赵文斌（尖山乡）", "「指定包保责任人」按期办结")
        .contains("分给 尖山乡", "系统");

    visit(browser, "/ledgers/children", user, "ledger-children", size);
    visit(browser, "/ledgers/suspected", user, "ledger-suspected", size);
    visit(browser, "/ledgers/dropouts", user, "ledger-dropouts", size);
    assertThat(browser.visibleText()).contains(caseNumber);

    visit(browser, "/reports/dashboard", user, "dashboard", size);
    if (home.contains("案件检索")) {
      visit(browser, "/audit/cases", user, "case-search", size);
    }
    if (home.contains("学籍异动")) {
      visit(browser, "/students/changes", user, "enrolment-changes", size);
    }
    if (home.contains("结对关爱")) {
      visit(browser, "/care", user, "care", size);
    }
  }

  private static void visit(ChineseBrowser browser, String path, String user, String page, String size) {
    browser.go(path);
    String where = page + " of " + user + " (" + size + ")";
    assertThat(browser.driver().getTitle()).as("title of %s", where).endsWith("保学").doesNotContain("出错");
    browser.screenshot("pages-" + user + "-" + page + "-" + size);
    browser.assertReadableByPeople(where);
    Number viewport = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth;");
    Number page_ = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
        "return document.documentElement.scrollWidth;");
    assertThat(page_.intValue()).as("width of %s (tables scroll inside themselves)", where).isLessThanOrEqualTo(viewport.intValue());
    assertThat((Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
        "return !!document.querySelector('meta[name=viewport][content*=\"width=device-width\"]');"))
        .as("mobile viewport of %s", where).isTrue();
    if (user.equals("auditor")) {
      assertThat(browser.driver().findElements(By.cssSelector("form[method=post]:not([action$='/logout'])")))
          .as("forms that would write, offered to the auditor on %s", where).isEmpty();
    }
  }
}
