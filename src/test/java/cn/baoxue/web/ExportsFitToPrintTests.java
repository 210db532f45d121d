package cn.baoxue.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every {@code .xlsx} Baoxue exports, downloaded as the county bureau and opened with Apache POI:
 * each sheet's header row frozen and filterable, every column at least as wide as its header and
 * its values (身份证号, dates and times in full, Chinese counted double).
 */
@BaoxueWebTest
class ExportsFitToPrintTests {

  @Autowired TestRestTemplate anonymous;

  @Test
  void everyExportIsFittedFrozenAndFilterable() throws IOException {
    LocalDate birth = LocalDate.now().minusYears(12).minusDays(5);
    String id = TestStudents.idNumber(birth, false);
    String csv = "姓名,身份证号,性别,出生日期,学校代码,年级,村代码,监护人,联系电话,在校状态,辍学原因,特殊群体\r\n"
        + String.join(",", "司马小燕", id, "女", birth.toString(), TestStudents.CHANGAN_SCHOOL, "6", TestStudents.CHANGAN_VILLAGE,
            "司马大川", "13800000000", "辍学", "外出务工", "留守;建档立卡") + "\r\n";
    ResponseEntity<Map<String, Object>> imported = EngineRest.as(anonymous, "bureau-zhenxiong")
        .upload("/api/imports/roster", "花名册.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
    @SuppressWarnings("unchecked")
    String caseNumber = ((List<String>) imported.getBody().get("caseNumbers")).get(0);

    for (String path : List.of("/ledgers/children.xlsx", "/ledgers/suspected.xlsx", "/ledgers/dropouts.xlsx",
        "/api/audit/cases/" + caseNumber + "/timeline.xlsx", "/reports/monthly.xlsx?scope=530627&month=" + YearMonth.now(),
        "/reports/quarterly.xlsx?scope=530627&quarter=" + LocalDate.now().getYear() + "-Q1", "/students/changes.xlsx")) {
      ResponseEntity<byte[]> xlsx = anonymous.withBasicAuth("bureau-zhenxiong", EngineRest.DEMO_PASSWORD)
          .exchange(path, HttpMethod.GET, null, byte[].class);
      assertThat(xlsx.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
        for (int s = 0; s < book.getNumberOfSheets(); s++) {
          assertFitted(path, book.getSheetAt(s));
        }
        if (path.startsWith("/ledgers/children")) {
          int idColumn = columnOf(book.getSheetAt(0), "身份证号");
          assertThat(book.getSheetAt(0).getColumnWidth(idColumn) / 256.0).as("身份证号 in full").isGreaterThanOrEqualTo(19);
          int birthColumn = columnOf(book.getSheetAt(0), "出生日期");
          assertThat(book.getSheetAt(0).getColumnWidth(birthColumn) / 256.0).as("出生日期, no ####").isGreaterThanOrEqualTo(11);
        }
      }
    }
  }

  private static void assertFitted(String path, XSSFSheet sheet) {
    String where = path + " / " + sheet.getSheetName();
    assertThat(sheet.getPaneInformation()).as(where + ": frozen header").isNotNull();
    assertThat(sheet.getPaneInformation().isFreezePane()).as(where).isTrue();
    assertThat((int) sheet.getPaneInformation().getHorizontalSplitPosition()).as(where).isEqualTo(1);
    assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(where + ": filter").isTrue();
    DataFormatter excel = new DataFormatter();
    for (Row row : sheet) {
      if (row.getRowNum() > 50) {
        break;
      }
      row.forEach(cell -> {
        String shown = excel.formatCellValue(cell);
        assertThat(shown).as(where + ": people by name, never by login id").doesNotContain("bureau-zhenxiong");
        double needed = Math.min(Spreadsheet.MAX_WIDTH, Spreadsheet.displayWidth(shown));
        assertThat(sheet.getColumnWidth(cell.getColumnIndex()) / 256.0).as(where + " column " + cell.getColumnIndex() + ": " + shown)
            .isGreaterThanOrEqualTo(needed);
      });
    }
  }

  private static int columnOf(XSSFSheet sheet, String header) {
    for (var cell : sheet.getRow(0)) {
      if (header.equals(cell.getStringCellValue())) {
        return cell.getColumnIndex();
      }
    }
    throw new AssertionError("no column " + header);
  }
}
