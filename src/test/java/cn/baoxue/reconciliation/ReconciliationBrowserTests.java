package cn.baoxue.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.TestStudents;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The 四查三比对 pages in a genuinely Chinese Chromium, at a desk and on a phone: the county bureau
 * uploads a 户籍 file and a GBK 学籍 file, a bad row is named with its file and line, the good files
 * give a run whose findings can be filtered by type. Screenshots in target/screenshots/reconciliation-*.png.
 */
@BaoxueWebTest
class ReconciliationBrowserTests {

  private static final Set<String> ENGLISH_ALLOWED = Set.of("xlsx", "csv", "Excel", "UTF-8", "GBK", "SHA-256");

  @RegisterExtension static final BrowserPerClass desktop = new BrowserPerClass();
  @RegisterExtension static final BrowserPerClass phone = BrowserPerClass.onPhone();

  @Test
  void theBureauComparesTheRegistriesAtItsDesk() throws IOException {
    walk(desktop.browser(), "desktop");
  }

  @Test
  void andOnAPhone() throws IOException {
    walk(phone.browser(), "phone");
  }

  private void walk(ChineseBrowser browser, String device) throws IOException {
    assertThat(browser.intlLocale()).startsWith("zh");
    browser.logIn("bureau-zhenxiong");
    browser.go("/");
    browser.click(By.linkText("四查三比对"));
    browser.waitFor(By.id("reconcile"));
    assertThat(browser.untranslatedEnglish()).isSubsetOf(ENGLISH_ALLOWED);
    assertThat(ChineseBrowser.unreadableByPeople(browser.visibleText())).as("login or group ids").isSubsetOf(ENGLISH_ALLOWED);
    browser.screenshot("reconciliation-" + device + "-page");

    Path dir = Files.createTempDirectory("registries");
    LocalDate nine = BeijingTime.today().minusYears(9).minusDays(20);
    LocalDate twelve = BeijingTime.today().minusYears(12).minusDays(20);
    String unenrolled = TestStudents.idNumber(nine, false);
    String absent = TestStudents.idNumber(twelve, true);
    Path household = Files.writeString(dir.resolve("户籍.csv"), "姓名,身份证号,性别,出生日期,户籍村代码,监护人,联系电话\r\n"
        + "周小兰," + unenrolled + ",女," + nine + "," + TestStudents.CHANGAN_VILLAGE + ",周大山,13800000000\r\n"
        + "吴小军," + absent + ",男," + twelve + "," + TestStudents.CHANGAN_VILLAGE + ",吴大山,13800000001\r\n", StandardCharsets.UTF_8);
    Path badEnrolment = gbk(dir, "学籍有误.csv", "吴小军," + absent + ",," + TestStudents.CHANGAN_SCHOOL + ",6,逃学,");
    upload(browser, household, badEnrolment);
    assertThat(browser.waitFor(By.cssSelector("#refusal table")).getText()).contains("学籍文件第2行：未知的学籍状态：逃学");
    browser.screenshot("reconciliation-" + device + "-refused");

    Path enrolment = gbk(dir, "学籍.csv", "吴小军," + absent + ",," + TestStudents.CHANGAN_SCHOOL + ",6,休学,");
    upload(browser, household, enrolment);
    browser.waitFor(By.name("type"));
    assertThat(browser.visibleText()).contains("周小兰", "吴小军", "适龄未入学", "名在人不在", "户籍文件第2行");
    assertThat(browser.untranslatedEnglish()).isSubsetOf(ENGLISH_ALLOWED);
    assertThat(ChineseBrowser.unreadableByPeople(browser.visibleText())).as("login or group ids").isSubsetOf(ENGLISH_ALLOWED);
    browser.screenshot("reconciliation-" + device + "-run");

    new Select(browser.waitFor(By.name("type"))).selectByValue("NOT_ATTENDING");
    browser.click(By.cssSelector("form.filters button[type=submit]"));
    browser.waitFor(By.name("type"));
    assertThat(browser.visibleText()).contains("吴小军").doesNotContain("周小兰");
    browser.screenshot("reconciliation-" + device + "-filtered");
  }

  private static void upload(ChineseBrowser browser, Path household, Path enrolment) {
    browser.go("/reconciliations");
    browser.waitFor(By.id("household")).sendKeys(household.toAbsolutePath().toString());
    browser.waitFor(By.id("enrolment")).sendKeys(enrolment.toAbsolutePath().toString());
    browser.click(By.cssSelector("#reconcile button[type=submit]"));
  }

  /** A 学籍 file as Chinese Excel saves "CSV (逗号分隔)": GBK, CRLF. */
  private static Path gbk(Path dir, String name, String row) throws IOException {
    return Files.write(dir.resolve(name),
        ("姓名,身份证号,学籍号,学校代码,年级,学籍状态,状态说明\r\n" + row + "\r\n").getBytes(Charset.forName("GBK")));
  }
}
