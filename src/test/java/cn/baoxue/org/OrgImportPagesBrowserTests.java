package cn.baoxue.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.ChineseBrowser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrator's upload pages in a real Chromium: a good org file and staff file go in from
 * the home page's links, a bad file shows its bad rows. File-type names, the Admin webapp's name and
 * the logged-in user id are the only English on the pages.
 */
@BaoxueWebTest
class OrgImportPagesBrowserTests {

  private static final Set<String> ENGLISH_ALLOWED = Set.of("admin", "Admin", "xlsx", "csv", "UTF", "GBK");

  @LocalServerPort int port;

  @BeforeAll
  static void chromium() {
    ChineseBrowser.assumeChromium();
  }

  @Test
  void anAdministratorUploadsTheCountysFilesFromThePages() throws IOException {
    Path org = file("组织机构.csv", "类型,代码,名称,上级代码\n县,530681,水富市,\n乡镇,530681101,向家坝镇,530681\n");
    Path badStaff = file("工作人员.csv", "用户名,姓名,单位代码,角色,初始密码\n李 四,李四,530681101,教师,Lisi#202601\n");
    Path staff = file("工作人员2.csv", "用户名,姓名,单位代码,角色,初始密码\nsf-official,李四,530681101,乡镇干部,Xiangjiaba#2026\n");
    try (ChineseBrowser browser = ChineseBrowser.open(port)) {
      browser.logIn("admin");
      browser.click(By.linkText("组织机构导入（县、乡镇、村、学校）"));
      upload(browser, org);
      assertThat(browser.waitFor(By.cssSelector("#result strong")).getText()).isEqualTo("导入成功：共2行，新建2个单位，更新0个单位");
      assertThat(browser.untranslatedEnglish()).isSubsetOf(ENGLISH_ALLOWED);
      browser.screenshot("admin-org-import");

      browser.click(By.linkText("导入工作人员账号"));
      upload(browser, badStaff);
      assertThat(browser.waitFor(By.cssSelector("#result table")).getText())
          .contains("行号", "2", "李 四", "用户名只能由英文字母、数字、下划线和连字符组成");
      browser.screenshot("admin-staff-import-refused");
      assertThat(browser.untranslatedEnglish()).isSubsetOf(ENGLISH_ALLOWED);

      browser.go("/admin/staff");
      upload(browser, staff);
      assertThat(browser.waitFor(By.cssSelector("#result strong")).getText()).isEqualTo("导入成功：共1行，新建1个账号，更新0个账号");
    }
  }

  private static void upload(ChineseBrowser browser, Path file) {
    browser.waitFor(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    browser.click(By.cssSelector("#upload button[type=submit]"));
  }

  private static Path file(String name, String content) throws IOException {
    Path dir = Files.createTempDirectory("org-import");
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
