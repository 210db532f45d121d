package cn.baoxue.atrisk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.TestStudents;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register in the Chinese browser: 长安村小学's principal reads each flag's points at desktop
 * size, is refused a dismissal without a reason, dismisses one and confirms one; a teacher on a
 * 360×800 phone sees the confirmed pupil only and records an observation. Screenshots:
 * target/screenshots/at-risk-*.png.
 */
@BaoxueWebTest
class AtRiskBrowserTests {

  @RegisterExtension static final BrowserPerClass DESKTOP = new BrowserPerClass();
  @RegisterExtension static final BrowserPerClass PHONE = BrowserPerClass.onPhone();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void tuesdayEighthOfDecember() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 8, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void thePrincipalConfirmsOneAndDismissesOneAtDesktopAndTheTeacherSeesTheConfirmedOnAPhone() {
    String kept = AtRiskPupils.register(jdbc, "罗小兰", "ORPHAN,DE_FACTO_UNSUPPORTED", TestStudents.CHANGAN_SCHOOL,
        TestStudents.CHANGAN_VILLAGE);
    String dropped = AtRiskPupils.register(jdbc, "罗小松", "LEFT_BEHIND,SINGLE_PARENT,DISABLED,POOR_REGISTERED",
        TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    String observed = AtRiskPupils.register(jdbc, "罗小竹", "LEFT_BEHIND", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);

    ChineseBrowser browser = DESKTOP.browser();
    browser.logIn("principal-changan");
    browser.go("/at-risk");
    browser.click(By.cssSelector("#assess button[type=submit]"));
    browser.waitFor(By.id("notice"));
    long keptFlag = AtRiskPupils.flagOf(jdbc, kept);
    long droppedFlag = AtRiskPupils.flagOf(jdbc, dropped);
    assertThat(browser.driver().findElement(By.id("flag-" + keptFlag)).getText())
        .contains("罗小兰", "7年级", "家困生", "待校长确认", "特殊群体：孤儿", "+20分", "特殊群体：事实无人抚养", "40");
    browser.screenshot("at-risk-principal-desktop");

    browser.click(By.cssSelector("#flag-" + droppedFlag + " form.dismiss button"));
    browser.waitFor(By.cssSelector("#flag-" + droppedFlag + " .error"));
    assertThat(browser.driver().findElement(By.id("flag-" + droppedFlag)).getText()).contains("排除理由不能为空");
    browser.driver().findElement(By.cssSelector("#flag-" + droppedFlag + " input[name=reason]")).sendKeys("家访核实：母亲已返乡陪读");
    browser.click(By.cssSelector("#flag-" + droppedFlag + " form.dismiss button"));
    browser.waitFor(By.id("notice"));
    browser.click(By.cssSelector("#flag-" + keptFlag + " form.confirm button"));
    browser.waitFor(By.id("notice"));
    assertThat(browser.visibleText()).contains("已确认：罗小兰列入风险台账");
    assertThat(browser.driver().findElement(By.id("flag-" + droppedFlag)).getText()).contains("已排除（误报）", "母亲已返乡陪读", "王建国");
    fitsTheScreen(browser, "register desktop");
    browser.assertReadableByPeople("register desktop");
    browser.assertAllChinese("register desktop");
    browser.screenshot("at-risk-decided-desktop");

    ChineseBrowser phone = PHONE.browser();
    phone.logIn("teacher-changan");
    phone.go("/at-risk");
    assertThat(phone.visibleText()).contains("罗小兰", "已确认", "特殊群体：孤儿").doesNotContain("罗小松");
    assertThat(phone.driver().findElements(By.cssSelector("form.confirm"))).isEmpty();
    fitsTheScreen(phone, "register phone");
    phone.assertReadableByPeople("register phone");
    phone.screenshot("at-risk-teacher-phone");
    phone.driver().findElement(By.cssSelector("#observation-form input[name=idNumber]")).sendKeys(observed);
    new Select(phone.driver().findElement(By.cssSelector("#observation-form select[name=observation]"))).selectByVisibleText("厌学");
    phone.driver().findElement(By.cssSelector("#observation-form textarea[name=notes]")).sendKeys("连续两周上课睡觉");
    phone.click(By.cssSelector("#observation-form button[type=submit]"));
    phone.waitFor(By.id("notice"));
    assertThat(phone.visibleText()).contains("已登记教师观察");
    fitsTheScreen(phone, "observation phone");
    phone.assertAllChinese("register phone");
    phone.screenshot("at-risk-observation-phone");
    assertThat(jdbc.queryForObject("select count(*) from risk_observation where student_id = ? and observation = 'WEARY'", Long.class,
        AtRiskPupils.studentId(jdbc, observed))).isEqualTo(1);
  }

  private static void fitsTheScreen(ChineseBrowser browser, String where) {
    Number viewport = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth;");
    Number width = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth;");
    assertThat(width.intValue()).as("width of %s", where).isLessThanOrEqualTo(viewport.intValue());
  }
}
