package cn.baoxue.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.TasklistPage;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.ChineseBrowser;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The county bureau's 跨县移交 in the Chinese browser, at desktop size and on a phone (360×800): from
 * the case page to the transfer page, the receiving county chosen by name, the reason, the record.
 * Screenshots: target/screenshots/transfer-*.png.
 */
@BaoxueWebTest
class TransferBrowserTests {

  @RegisterExtension static final BrowserPerClass DESKTOP = new BrowserPerClass();
  @RegisterExtension static final BrowserPerClass PHONE = BrowserPerClass.onPhone();

  @Autowired ProcessEngine engine;
  @Autowired StaffDirectory staff;
  @Autowired CountyTransfers transfers;
  @Autowired DropoutCaseRepository cases;

  @Test
  void theBureauHandsACaseToAnotherCountyAtDesktopSize() {
    walk(DESKTOP.browser(), "desktop");
  }

  @Test
  void theBureauHandsACaseToAnotherCountyOnAPhone() {
    walk(PHONE.browser(), "phone");
  }

  @Test
  void theReceivingCountyAcceptsInTasklistChoosingItsOwnVillageAndSchool() {
    ActingUsers users = new ActingUsers(engine, staff);
    ProcessInstance pi = users.reportAtChangan();
    String caseNumber = pi.getBusinessKey();
    transfers.request(caseNumber, Map.of("toCounty", "530628", "reason", "家庭已迁居彝良县角奎镇"),
        new Staff("bureau-zhenxiong", staff.groupIdsOf("bureau-zhenxiong")));

    ChineseBrowser browser = DESKTOP.browser();
    browser.logIn("bureau-yiliang");
    TasklistPage tasklist = new TasklistPage(browser);
    tasklist.open().filter("本单位待办").searchCase(caseNumber).openTask("王小梅", "接收跨县移交的案件");
    tasklist.claim();
    // The list shows the case by the child's name, school and village, as for every task (CaseSummaryListener).
    assertThat(browser.visibleText()).contains("接收跨县移交的案件", "彝良县教育局");
    tasklist.choose("接收，在本县继续办理")
        .select("户籍村（接收时必选）", "发达村（角奎镇）")
        .select("就读学校（无学籍可不选）", "角奎小学")
        .type("理由（退回时必填）", "同意接收");
    browser.screenshot("transfer-decide-tasklist");
    tasklist.complete();

    DropoutCase moved = cases.findByCaseNumber(caseNumber).orElseThrow();
    assertThat(moved.getCountyCode()).isEqualTo("530628");
    assertThat(moved.getSchoolCode()).isEqualTo("5306280001");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("verify");
  }

  private void walk(ChineseBrowser browser, String size) {
    ActingUsers users = new ActingUsers(engine, staff);
    ProcessInstance pi = users.reportAtChangan();
    users.complete("teacher-changan", users.taskOf(pi.getId()).getId(), Map.of("verifyResult", "CONFIRMED"));
    String caseNumber = pi.getBusinessKey();

    browser.logIn("bureau-zhenxiong");
    browser.go("/cases/" + caseNumber);
    browser.click(By.id("transfer-link"));
    browser.waitFor(By.id("transfer-form"));
    assertThat(browser.visibleText()).contains("跨县移交与外地协查", "现由 镇雄县 办理", "没有移交或协查记录");
    fitsTheScreen(browser, "transfer page " + size);
    browser.assertReadableByPeople("transfer page " + size);
    browser.screenshot("transfer-page-" + size);

    new Select(browser.driver().findElement(By.name("toCounty"))).selectByVisibleText("彝良县");
    browser.driver().findElement(By.cssSelector("#transfer-form textarea[name=reason]")).sendKeys("家庭已迁居彝良县角奎镇");
    browser.click(By.cssSelector("#transfer-form button[type=submit]"));
    browser.waitFor(By.id("transfer-done"));
    assertThat(browser.visibleText()).contains("已将案件移交彝良县，等待其接收。", "镇雄县 → 彝良县", "待接收", "家庭已迁居彝良县角奎镇");
    fitsTheScreen(browser, "transfer requested " + size);
    browser.assertReadableByPeople("transfer requested " + size);
    browser.screenshot("transfer-requested-" + size);
  }

  private static void fitsTheScreen(ChineseBrowser browser, String where) {
    Number viewport = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth;");
    Number width = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth;");
    assertThat(width.intValue()).as("width of %s", where).isLessThanOrEqualTo(viewport.intValue());
  }
}
