package cn.baoxue.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.cases.StudentRepository;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Roster files as Chinese offices make them: CSV saved by Chinese Excel (GBK), dates in the usual
 * Chinese spellings and as Excel date cells, 身份证号 with a lower-case x or in full-width digits —
 * read; 身份证号 that Excel stored as numbers — refused with that reason, naming the row, and
 * nothing written. The template is downloaded, read as Excel would, filled in and uploaded.
 */
@BaoxueWebTest
class OfficeFilesImportTests {

  static final Charset GBK = Charset.forName("GBK");

  @Autowired TestRestTemplate anonymous;
  @Autowired StudentRepository students;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;

  @Test
  void aGbkCsvFromChineseExcelWithChineseDatesLowerCaseXAndFullWidthDigitsIsImported() {
    LocalDate[] births = {LocalDate.of(2016, 2, 25), LocalDate.of(2015, 3, 4), LocalDate.of(2014, 11, 9),
        LocalDate.of(2013, 12, 1), LocalDate.of(2016, 7, 8)};
    String[] spellings = {"2016/2/25", "2015.3.4", "2014年11月9日", "20131201", "2016-07-08"};
    List<String> ids = new ArrayList<>();
    StringBuilder csv = new StringBuilder(String.join(",", RosterImportTests.HEADER)).append("\r\n");
    for (int i = 0; i < births.length; i++) {
      String id = idEndingInX(births[i]);
      ids.add(id);
      String typed = i == 0 ? id.toLowerCase() : i == 1 ? fullWidth(id) : i == 2 ? fullWidth(id).replace('Ｘ', 'ｘ') : id;
      csv.append(String.join(",", "欧阳小" + "一二三四五".charAt(i), typed, "男".equals(genderOf(id)) ? "男" : "女", spellings[i],
          TestStudents.CHANGAN_SCHOOL, "3", TestStudents.CHANGAN_VILLAGE, "欧阳大山", "13800000000", "在校", "", "留守"))
          .append("\r\n");
    }
    byte[] gbk = csv.toString().getBytes(GBK);
    assertThat(new String(gbk, StandardCharsets.UTF_8)).as("not readable as UTF-8").contains("\uFFFD");

    var response = upload("teacher-changan", "长安村小学花名册.csv", gbk);

    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("registered", births.length);
    for (int i = 0; i < births.length; i++) {
      int child = i;
      assertThat(students.findByIdNumber(ids.get(i))).as(spellings[i]).get().satisfies(s -> {
        assertThat(s.getName()).isEqualTo("欧阳小" + "一二三四五".charAt(child));
        assertThat(s.getBirthDate()).isEqualTo(births[child]);
        assertThat(s.getGuardianName()).isEqualTo("欧阳大山");
      });
    }
  }

  @Test
  void aUtf8CsvWithOrWithoutBomIsReadAsUtf8() {
    LocalDate birth = LocalDate.of(2015, 5, 6);
    String id = TestStudents.idNumber(birth, true);
    String row = String.join(",", "阿依古丽·买买提", id, "男", "2015年5月6日", TestStudents.CHANGAN_SCHOOL, "4",
        TestStudents.CHANGAN_VILLAGE, "", "", "在校", "", "");
    var bom = upload("teacher-changan", "utf8.csv", ("\uFEFF" + String.join(",", RosterImportTests.HEADER) + "\r\n" + row)
        .getBytes(StandardCharsets.UTF_8));
    assertThat(bom.getStatusCode()).as("%s", bom.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(students.findByIdNumber(id).orElseThrow().getName()).isEqualTo("阿依古丽·买买提");
  }

  @Test
  void anIdNumberExcelStoredAsANumberRefusesTheFileNamingRowAndColumnAndWritesNothing() throws IOException {
    LocalDate birth = LocalDate.of(2014, 6, 1);
    String good = TestStudents.idNumber(birth, false);
    String lost = TestStudents.idNumber(birth, true);
    Footprint before = footprint();
    byte[] xlsx = workbook(sheet -> {
      row(sheet, 1, "好学生", good, "女", birth.toString());
      Row numeric = row(sheet, 2, "数字生", null, "男", birth.toString());
      // What Excel keeps of an 18-digit number typed into a General cell: 15 digits.
      numeric.createCell(1).setCellValue(Double.parseDouble(lost.substring(0, 15) + "000"));
    });

    var response = upload("teacher-changan", "花名册.xlsx", xlsx);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("accepted", false).containsEntry("badRowCount", 1);
    Map<String, Object> bad = badRows(response).get(0);
    assertThat(bad).containsEntry("line", 3);
    assertThat(String.valueOf(bad.get("problems"))).contains("身份证号被 Excel 存成了数字，后几位已丢失，请把该列设为文本后重新填写");
    assertThat(String.valueOf(bad.get("problems"))).doesNotContain("校验位");
    assertThat(footprint()).isEqualTo(before);
    assertThat(students.findByIdNumber(good)).isEmpty();

    // The same sheet saved by Excel as CSV: the number as Excel shows it.
    String csv = String.join(",", RosterImportTests.HEADER) + "\r\n" + String.join(",", "数字生", "5.30627E+17", "男",
        birth.toString(), TestStudents.CHANGAN_SCHOOL, "3", TestStudents.CHANGAN_VILLAGE, "", "", "在校", "", "") + "\r\n";
    var fromCsv = upload("teacher-changan", "花名册.csv", csv.getBytes(GBK));
    assertThat(fromCsv.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badRows(fromCsv)).singleElement().satisfies(row -> {
      assertThat(row).containsEntry("line", 2);
      assertThat(String.valueOf(row.get("problems"))).contains("身份证号被 Excel 存成了数字");
    });
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void excelDateCellsInChineseFormatsAndDayNumbersAreRead() throws IOException {
    LocalDate first = LocalDate.of(2015, 9, 10);
    LocalDate second = LocalDate.of(2016, 1, 31);
    String firstId = TestStudents.idNumber(first, true);
    String secondId = TestStudents.idNumber(second, false);
    byte[] xlsx = workbook(sheet -> {
      XSSFWorkbook book = (XSSFWorkbook) sheet.getWorkbook();
      CellStyle chinese = book.createCellStyle();
      chinese.setDataFormat(book.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
      Row a = row(sheet, 1, "日期甲", firstId, "男", null);
      Cell date = a.createCell(3);
      date.setCellValue(first);
      date.setCellStyle(chinese);
      // A date pasted into a General cell shows as its day number.
      Row b = row(sheet, 2, "日期乙", secondId, "女", null);
      b.createCell(3).setCellValue((double) (second.toEpochDay() - LocalDate.of(1899, 12, 30).toEpochDay()));
    });

    var response = upload("teacher-changan", "日期.xlsx", xlsx);

    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(students.findByIdNumber(firstId).orElseThrow().getBirthDate()).isEqualTo(first);
    assertThat(students.findByIdNumber(secondId).orElseThrow().getBirthDate()).isEqualTo(second);
  }

  @Test
  void anUnreadableDateIsRefusedWithTheSpellingsThatWouldDo() {
    LocalDate birth = LocalDate.of(2015, 9, 10);
    Footprint before = footprint();
    String csv = String.join(",", RosterImportTests.HEADER) + "\r\n" + String.join(",", "日期错", TestStudents.idNumber(birth, true),
        "男", "10/09/2015", TestStudents.CHANGAN_SCHOOL, "3", TestStudents.CHANGAN_VILLAGE, "", "", "在校", "", "") + "\r\n";

    var response = upload("teacher-changan", "花名册.csv", csv.getBytes(GBK));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badRows(response)).singleElement().satisfies(row -> {
      assertThat(row).containsEntry("line", 2);
      assertThat(String.valueOf(row.get("problems"))).contains("出生日期无法识别：10/09/2015", "2016/2/25", "2016年2月25日");
    });
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void theTemplateHasTheHeaderAnExampleTheCodeListsAndTheTeachersOwnUnits() throws IOException {
    byte[] template = download("teacher-changan", "/imports/roster/template.xlsx");

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      DataFormatter excel = new DataFormatter();
      XSSFSheet roster = book.getSheet("花名册");
      List<String> header = new ArrayList<>();
      roster.getRow(0).forEach(cell -> header.add(excel.formatCellValue(cell)));
      assertThat(header).containsExactlyElementsOf(RosterImportTests.HEADER);
      assertThat(excel.formatCellValue(roster.getRow(1).getCell(0))).startsWith("张小梅").contains("示例");
      assertThat(roster.getPaneInformation().isFreezePane()).isTrue();
      // Typing an ID number into the template keeps it as text.
      assertThat(roster.getRow(5).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("@");
      assertThat(roster.getColumnWidth(1) / 256.0).isGreaterThanOrEqualTo(19);

      Sheet codes = book.getSheet("代码表");
      List<String> lines = new ArrayList<>();
      codes.forEach(row -> lines.add(excel.formatCellValue(row.getCell(0)) + "|" + excel.formatCellValue(row.getCell(1)) + "|"
          + excel.formatCellValue(row.getCell(2))));
      assertThat(lines).contains("性别|男|须与身份证号第17位一致（单数为男）", "在校状态|疑似辍学|登记并自动建立案件，由学校核实",
          "辍学原因|外出务工|在校状态为疑似辍学或辍学时填写", "特殊群体|建档立卡|选填，可填多个，用“;”或“，”分隔",
          "学校代码|5306270001|长安村小学（尖山乡长安村）", "村代码|530627205201|尖山乡长安村");
      assertThat(lines).anyMatch(line -> line.startsWith("年级|9|九年级"));
      assertThat(String.join("\n", lines)).as("another township's units").doesNotContain("南台", "5306270002");
    }

    // Uploaded as downloaded: the example row is refused, nothing is imported.
    Footprint before = footprint();
    var unchanged = upload("teacher-changan", "花名册导入模板.xlsx", template);
    assertThat(unchanged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) unchanged.getBody().get("message")).isEqualTo("第2行是模板中的示例行，请删除这一行后重新上传");
    assertThat(footprint()).isEqualTo(before);

    // Filled in: the example row replaced by a child; the ID typed into the text column stays whole.
    LocalDate birth = LocalDate.of(2014, 4, 20);
    String id = TestStudents.idNumber(birth, false);
    byte[] filled;
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      Row row = book.getSheet("花名册").getRow(1);
      row.getCell(0).setCellValue("王小花");
      row.getCell(1).setCellValue(id);
      row.getCell(3).setCellValue(birth);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      filled = out.toByteArray();
    }
    var imported = upload("principal-changan", "花名册.xlsx", filled);
    assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(imported.getBody()).containsEntry("registered", 1).containsEntry("casesOpened", 1);
    assertThat(students.findByIdNumber(id).orElseThrow().getBirthDate()).isEqualTo(birth);
  }

  @Test
  void theCountyBureausTemplateListsEverySchoolAndVillageOfItsCounty() throws IOException {
    byte[] template = download("bureau-zhenxiong", "/imports/roster/template.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      DataFormatter excel = new DataFormatter();
      List<String> values = new ArrayList<>();
      book.getSheet("代码表").forEach(row -> values.add(excel.formatCellValue(row.getCell(1))));
      assertThat(values).contains(TestStudents.CHANGAN_SCHOOL, TestStudents.NANTAI_SCHOOL, "5306270003",
          TestStudents.CHANGAN_VILLAGE, TestStudents.NANTAI_VILLAGE);
    }
  }

  // --- helpers ---

  /** A boy's or girl's ID; about one in eleven ends in X, and the test wants some that do. */
  private static String idEndingInX(LocalDate birth) {
    for (int i = 0; i < 40; i++) {
      String id = TestStudents.idNumber(birth, i % 2 == 0);
      if (id.endsWith("X")) {
        return id;
      }
    }
    return TestStudents.idNumber(birth, true);
  }

  private static String genderOf(String id) {
    return (id.charAt(16) - '0') % 2 == 1 ? "男" : "女";
  }

  static String fullWidth(String ascii) {
    StringBuilder out = new StringBuilder();
    for (char c : ascii.toCharArray()) {
      out.append(Character.isDigit(c) ? (char) (c - '0' + '０') : c == 'X' ? 'Ｘ' : c);
    }
    return out.toString();
  }

  interface SheetFiller {
    void fill(Sheet sheet) throws IOException;
  }

  /** An .xlsx made by Apache POI, as Excel makes them: header and the rows the filler writes. */
  private static byte[] workbook(SheetFiller filler) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      Sheet sheet = book.createSheet("花名册");
      Row header = sheet.createRow(0);
      for (int c = 0; c < RosterImportTests.HEADER.size(); c++) {
        header.createCell(c).setCellValue(RosterImportTests.HEADER.get(c));
      }
      filler.fill(sheet);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    }
  }

  /** A roster row of a child at 长安村小学, grade 3, at school; null cells left out. */
  private static Row row(Sheet sheet, int index, String name, String id, String gender, String birth) {
    Row row = sheet.createRow(index);
    String[] values = {name, id, gender, birth, TestStudents.CHANGAN_SCHOOL, null, TestStudents.CHANGAN_VILLAGE, null, null, "在校"};
    for (int c = 0; c < values.length; c++) {
      if (values[c] != null) {
        row.createCell(c).setCellValue(values[c]);
      }
    }
    row.createCell(5).setCellValue(3);
    return row;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> badRows(ResponseEntity<Map<String, Object>> response) {
    return (List<Map<String, Object>>) response.getBody().get("badRows");
  }

  private ResponseEntity<Map<String, Object>> upload(String user, String fileName, byte[] content) {
    return EngineRest.as(anonymous, user).upload("/api/imports/roster", fileName, content);
  }

  private byte[] download(String user, String path) {
    ResponseEntity<byte[]> response = anonymous.withBasicAuth(user, EngineRest.DEMO_PASSWORD)
        .exchange(path, HttpMethod.GET, null, byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentDisposition().getFilename()).endsWith("导入模板.xlsx");
    return response.getBody();
  }

  record Footprint(long students, long cases, long processInstances) {}

  private Footprint footprint() {
    return new Footprint(
        jdbc.sql("select count(*) from student").query(Long.class).single(),
        jdbc.sql("select count(*) from dropout_case").query(Long.class).single(),
        historyService.createHistoricProcessInstanceQuery().count());
  }
}
