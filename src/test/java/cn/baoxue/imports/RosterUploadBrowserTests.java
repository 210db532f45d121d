package cn.baoxue.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.TestStudents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The roster upload page in a genuinely Chinese Chromium, at a desktop and at a phone's size: the
 * teacher and the principal download the template from the page's link, see it refused when
 * uploaded with its example row, and upload what Chinese Excel saves as CSV (GBK, dates as
 * 2016/2/25, an ID with a lower-case x); an ID that Excel stored as a number is refused with its
 * row and the true reason. Screenshots in target/screenshots/roster-upload-*.png.
 */
@BaoxueWebTest
class RosterUploadBrowserTests {

  /** File types and the names of Excel and of its Chinese encoding: what a Chinese office calls them. */
  private static final Set<String> ENGLISH_ALLOWED = Set.of("xlsx", "csv", "Excel", "GBK");
  private static final String HEADER = String.join(",", RosterImportTests.HEADER);

  @RegisterExtension static final BrowserPerClass desktop = new BrowserPerClass();
  @RegisterExtension static final BrowserPerClass phone = BrowserPerClass.onPhone();

  @Test
  void theTeacherDownloadsTheTemplateAndUploadsAGbkCsvAtHerDesk() throws IOException {
    walk(desktop.browser(), "teacher-changan", "desktop");
  }

  @Test
  void thePrincipalDoesTheSameOnHisPhone() throws IOException {
    walk(phone.browser(), "principal-changan", "phone");
  }

  private void walk(ChineseBrowser browser, String user, String device) throws IOException {
    Path downloads = Files.createTempDirectory("roster-template");
    browser.driver().executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    browser.logIn(user);
    browser.go("/imports/roster");
    browser.waitFor(By.id("template"));
    assertThat(browser.untranslatedEnglish()).as("English on the roster page").isSubsetOf(ENGLISH_ALLOWED);
    browser.screenshot("roster-upload-" + device + "-page");

    browser.click(By.id("template"));
    Path template = downloads.resolve("花名册导入模板.xlsx");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Files.exists(template) && !partial(downloads));
    try (InputStream in = Files.newInputStream(template); XSSFWorkbook book = new XSSFWorkbook(in)) {
      assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("花名册");
      assertThat(book.getSheet("代码表")).isNotNull();
    }

    upload(browser, template);
    assertThat(browser.waitFor(By.cssSelector("#result .error")).getText()).isEqualTo("第2行是模板中的示例行，请删除这一行后重新上传");
    browser.screenshot("roster-upload-" + device + "-example-row-refused");

    LocalDate birth = LocalDate.of(2015, 2, 25);
    String atSchool = TestStudents.idNumber(birth, true);
    String dropout = TestStudents.idNumber(birth, false);
    Path gbk = gbkCsv(downloads, "长安村小学花名册.csv",
        String.join(",", "赵小龙", atSchool.toLowerCase(), "男", "2015/2/25", TestStudents.CHANGAN_SCHOOL, "5",
            TestStudents.CHANGAN_VILLAGE, "赵大海", "13800000000", "在校", "", "留守"),
        String.join(",", "钱小凤", dropout.toLowerCase(), "女", "2015年2月25日", TestStudents.CHANGAN_SCHOOL, "5",
            TestStudents.CHANGAN_VILLAGE, "钱大江", "13800000001", "辍学", "外出务工", "留守;建档立卡"));
    upload(browser, gbk);
    assertThat(browser.waitFor(By.cssSelector("#result strong")).getText())
        .startsWith("导入成功：共2行，新登记2人，更新0人，新开案件1件");
    assertThat(browser.untranslatedEnglish()).isSubsetOf(ENGLISH_ALLOWED);
    browser.screenshot("roster-upload-" + device + "-gbk-csv-imported");

    Path numeric = gbkCsv(downloads, "身份证号成了数字.csv",
        String.join(",", "孙小虎", "5.30627E+17", "男", "2015.2.25", TestStudents.CHANGAN_SCHOOL, "5",
            TestStudents.CHANGAN_VILLAGE, "", "", "在校", "", ""));
    upload(browser, numeric);
    String refused = browser.waitFor(By.cssSelector("#result table")).getText();
    assertThat(refused).contains("行号", "孙小虎", "身份证号被 Excel 存成了数字，后几位已丢失，请把该列设为文本后重新填写");
    assertThat(browser.texts(By.cssSelector("#result tbody td:first-child"))).containsExactly("2");
    browser.screenshot("roster-upload-" + device + "-excel-number-refused");
  }

  private static boolean partial(Path downloads) {
    try (var files = Files.list(downloads)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
    } catch (IOException e) {
      return true;
    }
  }

  private static void upload(ChineseBrowser browser, Path file) {
    browser.waitFor(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    browser.click(By.cssSelector("#upload button[type=submit]"));
    browser.waitFor(By.id("result"));
  }

  /** A CSV as Chinese Excel saves "CSV (逗号分隔)": GBK, CRLF. */
  private static Path gbkCsv(Path dir, String name, String... rows) throws IOException {
    String text = HEADER + "\r\n" + String.join("\r\n", List.of(rows)) + "\r\n";
    return Files.write(dir.resolve(name), text.getBytes(Charset.forName("GBK")));
  }
}
