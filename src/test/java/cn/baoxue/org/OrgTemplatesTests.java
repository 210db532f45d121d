package cn.baoxue.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The administrator's import templates read as Excel would, and the org and staff imports taking
 * what Chinese Excel saves as CSV (GBK).
 */
@BaoxueWebTest
class OrgTemplatesTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired OrgUnitRepository units;

  @Test
  void theOrgTemplateHasItsHeaderTheUnitTypesAndTheKnownUnits() throws IOException {
    List<String> codes = codeSheet(download("admin", "/admin/org/template.xlsx"), "组织机构", OrgImportTests.ORG_HEADER);
    assertThat(codes).contains("类型|县|代码为6位数字，上级为所属市（没有时留空）", "类型|学校|代码为10位数字，上级为所属村",
        "上级代码|530627205|尖山乡（乡镇，属镇雄县）", "上级代码|5306270001|长安村小学（学校，属长安村）");
  }

  @Test
  void theStaffTemplateHasItsHeaderTheRolesAndTheKnownUnits() throws IOException {
    List<String> codes = codeSheet(download("admin", "/admin/staff/template.xlsx"), "工作人员",
        java.util.stream.Stream.concat(OrgImportTests.STAFF_HEADER.stream(), java.util.stream.Stream.of("手机号", "企业微信账号")).toList());
    assertThat(codes).contains("角色|村干部|单位代码须为村", "角色|校长|单位代码须为学校", "单位代码|530627104201|南台村（村，属南台镇）");
  }

  @Test
  void onlyAdministratorsGetTheOrgAndStaffTemplates() {
    for (String path : List.of("/admin/org/template.xlsx", "/admin/staff/template.xlsx")) {
      assertThat(anonymous.withBasicAuth("bureau-zhenxiong", EngineRest.DEMO_PASSWORD)
          .exchange(path, HttpMethod.GET, null, byte[].class).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void nobodyGetsATemplateWithoutLoggingIn() {
    for (String path : List.of("/imports/roster/template.xlsx", "/admin/org/template.xlsx", "/admin/staff/template.xlsx")) {
      ResponseEntity<byte[]> response = anonymous.exchange(path, HttpMethod.GET, null, byte[].class);
      assertThat(response.getStatusCode().is2xxSuccessful()).as(path).isFalse();
      assertThat(response.getHeaders().getContentType()).as(path).isNotEqualTo(
          org.springframework.http.MediaType.parseMediaType(cn.baoxue.web.Spreadsheet.CONTENT_TYPE));
    }
  }

  @Test
  void aTeachersRosterTemplateNamesNoOtherTownshipsUnits() throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download("teacher-nantai", "/imports/roster/template.xlsx")))) {
      DataFormatter excel = new DataFormatter();
      List<String> values = new ArrayList<>();
      book.getSheet("代码表").forEach(row -> values.add(excel.formatCellValue(row.getCell(1)) + excel.formatCellValue(row.getCell(2))));
      assertThat(String.join("\n", values)).contains("5306270002南台小学", "530627104201南台镇南台村")
          .doesNotContain("长安", "5306270001", "5306270003", "530627205201");
    }
  }

  @Test
  void anOrgFileSavedByChineseExcelAsGbkCsvIsImported() {
    String csv = String.join("\r\n", String.join(",", OrgImportTests.ORG_HEADER), "县,530629,威信县,", "乡镇,530629102,扎西镇,530629",
        "村,530629102201,石龙村,530629102", "学校,5306290001,扎西镇石龙小学,530629102201") + "\r\n";

    ResponseEntity<Map<String, Object>> response = EngineRest.as(anonymous, "admin")
        .upload("/api/admin/org", "威信县组织机构.csv", csv.getBytes(Charset.forName("GBK")));

    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(units.findById("5306290001").orElseThrow().getName()).isEqualTo("扎西镇石龙小学");
    assertThat(units.findById("530629102").orElseThrow().getName()).isEqualTo("扎西镇");
  }

  /** The first sheet's header and example, and the code sheet's rows as "column|value|meaning". */
  private static List<String> codeSheet(byte[] template, String sheetName, List<String> header) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      DataFormatter excel = new DataFormatter();
      List<String> first = new ArrayList<>();
      book.getSheet(sheetName).getRow(0).forEach(cell -> first.add(excel.formatCellValue(cell)));
      assertThat(first).containsExactlyElementsOf(header);
      assertThat(book.getSheet(sheetName).getRow(1) != null).as("the example row").isTrue();
      assertThat(book.getSheet(sheetName).getPaneInformation().isFreezePane()).isTrue();
      List<String> codes = new ArrayList<>();
      book.getSheet("代码表").forEach(row -> codes.add(excel.formatCellValue(row.getCell(0)) + "|"
          + excel.formatCellValue(row.getCell(1)) + "|" + excel.formatCellValue(row.getCell(2))));
      return codes;
    }
  }

  private byte[] download(String user, String path) {
    ResponseEntity<byte[]> response = anonymous.withBasicAuth(user, EngineRest.DEMO_PASSWORD)
        .exchange(path, HttpMethod.GET, null, byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }
}
