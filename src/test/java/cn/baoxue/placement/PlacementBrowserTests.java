package cn.baoxue.placement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.TestStudents;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 残疾儿童安置 and 送教上门 in the Chinese browser: 镇雄县's expert committee assesses a child at
 * desktop size and places her at home with 长安村小学's teacher; the teacher logs a visit with a
 * photo, on a 360×800 phone (a refused duration shown under its field first) and at desktop size.
 * Screenshots: target/screenshots/placement-*.png.
 */
@BaoxueWebTest
class PlacementBrowserTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] PNG = java.util.Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  @RegisterExtension static final BrowserPerClass DESKTOP = new BrowserPerClass();
  @RegisterExtension static final BrowserPerClass PHONE = BrowserPerClass.onPhone();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theCommitteePlacesAChildAtHomeAndHerTeacherLogsAVisitAtDesktopSize() throws Exception {
    long id = register("马小苗");
    ChineseBrowser browser = DESKTOP.browser();
    browser.logIn("experts-zhenxiong");
    browser.go("/placement");
    assertThat(browser.visibleText()).contains("残疾儿童安置与送教上门", "待评估安置", "马小苗").doesNotContain("登记并提交专家委员会评估");
    browser.assertReadableByPeople("placement list desktop");
    browser.screenshot("placement-list-desktop");
    browser.go("/placement/" + id);
    browser.click(By.cssSelector("input[name=placement][value=HOME_DELIVERED]"));
    browser.click(By.cssSelector("input[name=deliveryTeachers][value=teacher-changan]"));
    browser.driver().findElement(By.name("assessmentNote")).sendKeys("重度智力残疾，暂不能到校，送教上门");
    browser.screenshot("placement-assess-desktop");
    browser.click(By.cssSelector("#assessment-form button[type=submit]"));
    browser.waitFor(By.id("notice"));
    assertThat(browser.visibleText()).contains("已评估安置：马小苗，送教上门", "送教教师：李明华（长安村小学）", "何淑芬");
    fitsTheScreen(browser, "child desktop");
    browser.assertAllChinese("child desktop");

    browser.logIn("teacher-changan");
    browser.go("/placement/" + id);
    logVisit(browser, "2", "识字卡片、康复训练");
    assertThat(browser.visibleText()).contains("已登记送教：" + BeijingTime.today() + "，2小时", "识字卡片、康复训练", "照片");
    fitsTheScreen(browser, "visit log desktop");
    browser.assertReadableByPeople("visit log desktop");
    browser.assertAllChinese("visit log desktop");
    browser.screenshot("placement-visits-desktop");
  }

  @Test
  void theTeacherLogsAVisitOnAPhone() throws Exception {
    long id = register("马小禾");
    Reply placed = Caller.basic(port, "experts-zhenxiong").postJson("/api/placement/children/" + id + "/assessment",
        "{\"placement\":\"HOME_DELIVERED\",\"deliveryTeachers\":[\"teacher-changan\"]}");
    assertThat(placed.status()).as("%s", placed).isEqualTo(200);

    ChineseBrowser browser = PHONE.browser();
    browser.logIn("teacher-changan");
    browser.go("/placement");
    assertThat(browser.visibleText()).contains("已安置", "马小禾", "送教上门").doesNotContain("登记并提交专家委员会评估");
    fitsTheScreen(browser, "placement list phone");
    browser.assertReadableByPeople("placement list phone");
    browser.screenshot("placement-list-phone");

    browser.click(By.linkText("马小禾"));
    browser.waitFor(By.id("visit-form"));
    browser.driver().findElement(By.name("hours")).sendKeys("9");
    browser.driver().findElement(By.name("content")).sendKeys("康复训练");
    browser.click(By.cssSelector("#visit-form button[type=submit]"));
    browser.waitFor(By.cssSelector("#visit-form .error"));
    assertThat(browser.visibleText()).contains("送教时长须在0到8小时之间");
    fitsTheScreen(browser, "visit refused phone");
    browser.screenshot("placement-visit-refused-phone");

    browser.driver().findElement(By.name("hours")).clear();
    browser.driver().findElement(By.name("content")).clear();
    logVisit(browser, "1.5", "生活自理训练、读绘本");
    assertThat(browser.visibleText()).contains("已登记送教：" + BeijingTime.today() + "，1.5小时", "生活自理训练、读绘本", "李明华（长安村小学）");
    fitsTheScreen(browser, "visit log phone");
    browser.assertReadableByPeople("visit log phone");
    browser.assertAllChinese("visit log phone");
    browser.screenshot("placement-visits-phone");
    assertThat(jdbc.queryForObject("select count(*) from home_delivery_visit where child_id = ? and recorded_by = 'teacher-changan'"
        + " and evidence_sha256 is not null", Long.class, id)).isEqualTo(1);
  }

  private static void logVisit(ChineseBrowser browser, String hours, String content) throws Exception {
    Path photo = Files.createTempDirectory("placement").resolve("送教.png");
    Files.write(photo, PNG);
    browser.driver().findElement(By.name("hours")).sendKeys(hours);
    browser.driver().findElement(By.name("content")).sendKeys(content);
    browser.driver().findElement(By.name("evidence")).sendKeys(photo.toString());
    browser.click(By.cssSelector("#visit-form button[type=submit]"));
    browser.waitFor(By.id("notice"));
  }

  private long register(String name) throws Exception {
    Reply created = Caller.basic(port, "official-jianshan").postJson("/api/placement/children",
        PlacementChildren.child(PlacementChildren.idNumber(), name, TestStudents.CHANGAN_VILLAGE, TestStudents.CHANGAN_SCHOOL));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return JSON.readTree(created.body()).get("id").asLong();
  }

  private static void fitsTheScreen(ChineseBrowser browser, String where) {
    Number viewport = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth;");
    Number width = (Number) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth;");
    assertThat(width.intValue()).as("width of %s", where).isLessThanOrEqualTo(viewport.intValue());
  }
}
