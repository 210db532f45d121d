package cn.baoxue.referral;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.ChineseBrowser;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 联控联保 in the Chinese browser: 尖山乡 sends a referral from the case page at desktop size; the
 * officer of 镇雄县公安局 answers it on her phone — her list, the child's facts, 受理, 办结 — and reads
 * people and units by name only. Screenshots: target/screenshots/referral-*.png.
 */
@BaoxueWebTest
class ReferralBrowserTests {

  @RegisterExtension static final BrowserPerClass DESKTOP = new BrowserPerClass();
  @RegisterExtension static final BrowserPerClass PHONE = BrowserPerClass.onPhone();

  @Autowired ProcessEngine engine;
  @Autowired StaffDirectory staff;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theTownshipSendsAndThePoliceAnswerOnAPhone() {
    String caseNumber = new ActingUsers(engine, staff).reportAtChangan().getBusinessKey();

    ChineseBrowser desk = DESKTOP.browser();
    desk.logIn("official-jianshan");
    desk.go("/cases/" + caseNumber);
    desk.waitFor(By.id("send-referral"));
    new Select(desk.driver().findElement(By.cssSelector("#send-referral select[name=type]"))).selectByVisibleText("查找下落");
    new Select(desk.driver().findElement(By.cssSelector("#send-referral select[name=department]"))).selectByVisibleText("公安");
    desk.driver().findElement(By.cssSelector("#send-referral textarea[name=request]")).sendKeys("孩子随亲戚外出，家长联系不上，请协助查找下落");
    desk.click(By.cssSelector("#send-referral button[type=submit]"));
    desk.waitFor(By.id("case-referrals"));
    assertThat(desk.visibleText()).contains("已向镇雄县公安局发出联控联保转介（查找下落）", "待受理");
    desk.assertReadableByPeople("case page with a referral");
    desk.screenshot("referral-case-page");

    ChineseBrowser phone = PHONE.browser();
    phone.logIn("police-zhenxiong");
    phone.go("/");
    assertThat(phone.visibleText()).contains("联控联保转介").doesNotContain("我的待办", "辍学个案");
    phone.go("/referrals");
    assertThat(phone.visibleText()).contains("查找下落", "赵文斌（尖山乡）", caseNumber);
    fitsTheScreen(phone, "referral list");
    phone.assertReadableByPeople("referral list");
    phone.screenshot("referral-list-phone");

    long id = jdbc.queryForObject("select max(r.id) from referral r join dropout_case c on c.id = r.case_id where c.case_number = ?",
        Long.class, caseNumber);
    phone.click(By.cssSelector("a[href='/referrals/" + id + "']"));
    phone.waitFor(By.id("answer-form"));
    assertThat(phone.visibleText()).contains("儿童情况", "尖山乡长安村", "孩子随亲戚外出");
    fitsTheScreen(phone, "referral");
    phone.assertReadableByPeople("referral");
    phone.screenshot("referral-answer-phone");
    phone.click(By.cssSelector("#answer-form button[type=submit]"));
    phone.waitFor(By.id("close-form"));
    phone.driver().findElement(By.cssSelector("#close-form textarea[name=actionTaken]")).sendKeys("经核查，孩子在昆明市其姑姑家，已通知家长接回");
    phone.click(By.cssSelector("#close-form button[type=submit]"));
    phone.waitFor(By.id("answer"));
    assertThat(phone.visibleText()).contains("已办结", "罗海燕（镇雄县公安局）", "经核查，孩子在昆明市其姑姑家").doesNotContain("儿童情况");
    phone.assertReadableByPeople("referral closed");
    phone.screenshot("referral-closed-phone");
  }

  private static void fitsTheScreen(ChineseBrowser browser, String where) {
    Number viewport = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth;");
    Number width = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth;");
    assertThat(width.intValue()).as("width of %s", where).isLessThanOrEqualTo(viewport.intValue());
  }
}
