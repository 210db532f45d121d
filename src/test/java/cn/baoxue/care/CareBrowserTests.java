package cn.baoxue.care;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.TestStudents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 结对关爱 in the Chinese browser: 尖山乡's official pairs a village cadre with an orphan at desktop
 * size; the cadre, on a 360×800 phone, finds her pairing (身份证号 masked, as a village cadre sees it)
 * and logs a visit and funds, a refused amount shown under its field first. Screenshots:
 * target/screenshots/care-*.png.
 */
@BaoxueWebTest
class CareBrowserTests {

  @RegisterExtension static final BrowserPerClass DESKTOP = new BrowserPerClass();
  @RegisterExtension static final BrowserPerClass PHONE = BrowserPerClass.onPhone();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theTownshipPairsAnOrphanWithAVillageCadreAtDesktopSize() {
    ChineseBrowser browser = DESKTOP.browser();
    String idNumber = CarePeople.idNumber();
    browser.logIn("official-jianshan");
    browser.go("/care");
    assertThat(browser.visibleText()).contains("结对关爱", "建立结对关爱", "本辖区的结对关爱");
    new Select(browser.driver().findElement(By.name("kind"))).selectByVisibleText("孤儿");
    browser.driver().findElement(By.name("name")).sendKeys("杨小燕");
    browser.driver().findElement(By.name("idNumber")).sendKeys(idNumber);
    new Select(browser.driver().findElement(By.name("villageCode"))).selectByVisibleText("尖山乡长安村");
    new Select(browser.driver().findElement(By.name("helper"))).selectByVisibleText("杨国富（长安村）");
    browser.screenshot("care-create-desktop");
    browser.click(By.cssSelector("#create-form button[type=submit]"));
    browser.waitFor(By.id("notice"));
    assertThat(browser.visibleText()).contains("已建立结对关爱：杨小燕（孤儿），结对帮扶人杨国富", "结对帮扶人：杨国富（长安村）",
        "建立单位：尖山乡", idNumber);
    fitsTheScreen(browser, "pairing desktop");
    browser.assertReadableByPeople("pairing desktop");
    browser.assertAllChinese("pairing desktop");
    browser.screenshot("care-pairing-desktop");

    browser.go("/care");
    assertThat(browser.visibleText()).contains("杨小燕", "杨国富（长安村）");
    browser.assertReadableByPeople("care list desktop");
    browser.screenshot("care-list-desktop");
  }

  @Test
  void theHelperLogsAContactOnAPhone() {
    String idNumber = CarePeople.idNumber();
    Reply created = Caller.basic(port, "official-jianshan").postJson("/api/care/pairings",
        CarePairingsApiTests.pairing("DE_FACTO_UNSUPPORTED", idNumber, "杨小军", "cadre-changan", TestStudents.CHANGAN_VILLAGE, null));
    assertThat(created.status()).as("%s", created).isEqualTo(201);

    ChineseBrowser browser = PHONE.browser();
    browser.logIn("cadre-changan");
    browser.go("/care");
    assertThat(browser.visibleText()).contains("我结对的关爱对象", "杨小军", "事实无人抚养儿童", IdNumber.mask(idNumber))
        .doesNotContain(idNumber).doesNotContain("建立结对关爱");
    fitsTheScreen(browser, "care list phone");
    browser.assertReadableByPeople("care list phone");
    browser.screenshot("care-list-phone");

    browser.click(By.linkText("杨小军"));
    browser.waitFor(By.id("contact-form"));
    new Select(browser.driver().findElement(By.name("type"))).selectByVisibleText("资助资金");
    browser.driver().findElement(By.name("amountYuan")).sendKeys("0");
    browser.click(By.cssSelector("#contact-form button[type=submit]"));
    browser.waitFor(By.cssSelector("#contact-form .error"));
    assertThat(browser.visibleText()).contains("资助金额须为大于0的数字");
    browser.screenshot("care-refused-phone");

    new Select(browser.driver().findElement(By.name("type"))).selectByVisibleText("资助资金");
    browser.driver().findElement(By.name("amountYuan")).clear();
    browser.driver().findElement(By.name("amountYuan")).sendKeys("150");
    browser.driver().findElement(By.name("notes")).sendKeys("送去冬衣和学习用品");
    browser.click(By.cssSelector("#contact-form button[type=submit]"));
    browser.waitFor(By.id("notice"));
    assertThat(browser.visibleText()).contains("已登记关爱记录：" + BeijingTime.today() + " 资助资金", "150.00 元", "送去冬衣和学习用品",
        "杨国富（长安村）", IdNumber.mask(idNumber)).doesNotContain(idNumber);
    fitsTheScreen(browser, "pairing phone");
    browser.assertReadableByPeople("pairing phone");
    browser.assertAllChinese("pairing phone");
    browser.screenshot("care-pairing-phone");
    assertThat(jdbc.queryForObject("select count(*) from care_contact k join care_pairing p on p.id = k.pairing_id"
        + " where p.id_number = ? and k.recorded_by = 'cadre-changan' and k.amount_yuan = 150", Long.class, idNumber)).isEqualTo(1);
  }

  private static void fitsTheScreen(ChineseBrowser browser, String where) {
    Number viewport = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth;");
    Number width = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth;");
    assertThat(width.intValue()).as("width of %s", where).isLessThanOrEqualTo(viewport.intValue());
  }
}
