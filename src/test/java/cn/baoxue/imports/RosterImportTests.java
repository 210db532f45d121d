package cn.baoxue.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.cases.StudentRepository;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import cn.baoxue.web.Spreadsheet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/imports/roster}: good files register children and open cases; a file with any
 * bad row is refused whole, writes nothing and names every bad row with its line and reason.
 */
@BaoxueWebTest
class RosterImportTests {

  static final List<String> HEADER =
      List.of("姓名", "身份证号", "性别", "出生日期", "学校代码", "年级", "村代码", "监护人", "联系电话", "在校状态", "辍学原因", "特殊群体");

  @Autowired TestRestTemplate anonymous;
  @Autowired StudentRepository students;
  @Autowired DropoutCaseRepository cases;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;

  @Test
  void aGoodCsvRegistersEveryChildAndOpensACaseForTheDropoutOnly() {
    List<String> pupil = child("张一", 10, true, TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE, 4, "在校", "", "留守");
    List<String> girl = child("李二", 12, false, TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE, 6, "辍学", "外出务工", "留守;建档立卡");
    List<String> boy = child("赵三", 13, true, TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE, 6, "疑似辍学", "WEARY", "");

    var response = upload("teacher-changan", "长安村小学.csv", csv(pupil, girl, boy));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("registered", 3).containsEntry("updated", 0).containsEntry("casesOpened", 2);
    assertThat(students.findByIdNumber(pupil.get(1))).get().satisfies(s -> {
      assertThat(s.getName()).isEqualTo("张一");
      assertThat(s.getGender()).isEqualTo("M");
      assertThat(s.getGrade()).isEqualTo(4);
      assertThat(s.getSpecialGroups()).isEqualTo("LEFT_BEHIND");
    });
    DropoutCase girlCase = openCaseOf(girl.get(1));
    assertThat(girlCase.getSource().name()).isEqualTo("IMPORT");
    assertThat(girlCase.getReason().name()).isEqualTo("WORK");
    assertThat(girlCase.getStatus().name()).isEqualTo("REPORTED");
    assertThat(girlCase.getSpecialGroups()).isEqualTo("LEFT_BEHIND,POOR_REGISTERED");
    assertThat(girlCase.getReportedBy()).isEqualTo("teacher-changan");
    assertThat(girlCase.getProcessInstanceId()).isNotNull();
    assertThat(openCaseOf(boy.get(1)).getReason().name()).isEqualTo("WEARY");
    assertThat(cases.findAll()).noneMatch(c -> c.getStudent().getIdNumber().equals(pupil.get(1)));

    // The same roster again, one grade up: the children are updated, no second case is opened.
    pupil.set(5, "5");
    var again = upload("teacher-changan", "长安村小学.csv", csv(pupil, girl, boy));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).containsEntry("registered", 0).containsEntry("updated", 3)
        .containsEntry("casesOpened", 0).containsEntry("alreadyOpen", 2);
    assertThat(students.findByIdNumber(pupil.get(1)).orElseThrow().getGrade()).isEqualTo(5);
  }

  @Test
  void aGoodXlsxFromTheCountyBureauCoversEverySchoolOfItsCounty() throws Exception {
    LocalDate birth = LocalDate.now().minusYears(9).minusDays(3);
    String changanId = TestStudents.idNumber(birth, false);
    String nantaiId = TestStudents.idNumber(birth, true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Spreadsheet sheet = Spreadsheet.to(out)) {
      sheet.sheet("花名册", HEADER);
      // Excel users type dates as dates and grades as numbers; both must read as the text rules expect.
      sheet.row("王五", changanId, "女", birth, TestStudents.CHANGAN_SCHOOL, 3, TestStudents.CHANGAN_VILLAGE, "王父", "13900000000", "在校", null, "孤儿");
      sheet.row("孙六", nantaiId, "男", birth.toString(), TestStudents.NANTAI_SCHOOL, 3, TestStudents.NANTAI_VILLAGE, null, null, "辍学", "家庭经济困难", null);
    }

    var response = upload("bureau-zhenxiong", "全县花名册.xlsx", out.toByteArray());

    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("registered", 2).containsEntry("casesOpened", 1);
    assertThat(students.findByIdNumber(changanId).orElseThrow().getBirthDate()).isEqualTo(birth);
    assertThat(students.findByIdNumber(changanId).orElseThrow().getSpecialGroups()).isEqualTo("ORPHAN");
    DropoutCase nantaiCase = openCaseOf(nantaiId);
    assertThat(nantaiCase.getReason().name()).isEqualTo("POVERTY");
    assertThat(nantaiCase.getTownshipCode()).isEqualTo("530627104");
  }

  @Test
  void aFileWithBadRowsIsRefusedWholeWithEveryBadRowItsLineAndWhy() {
    List<String> good = child("好学生", 11, true, TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE, 5, "辍学", "WORK", "");
    List<String> badChecksum = child("校验错", 11, false, TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE, 5, "在校", "", "");
    String id = badChecksum.get(1);
    badChecksum.set(1, id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));
    List<String> unknownSchool = child("无此校", 11, true, "5306279999", TestStudents.CHANGAN_VILLAGE, 5, "在校", "", "");
    List<String> gradeTen = child("十年级", 11, false, TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE, 10, "在校", "", "");
    List<String> unknownReason = child("原因怪", 11, true, TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE, 5, "辍学", "GAMING", "");
    List<String> duplicate = new ArrayList<>(good);
    duplicate.set(0, "重复者");
    Footprint before = footprint();

    var response = upload("teacher-changan", "坏文件.csv", csv(good, badChecksum, unknownSchool, gradeTen, unknownReason, duplicate));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("accepted", false).containsEntry("badRowCount", 5);
    assertThat((String) response.getBody().get("message")).contains("5行不符合要求", "整份文件未导入");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> badRows = (List<Map<String, Object>>) response.getBody().get("badRows");
    assertThat(badRows).extracting(row -> row.get("line")).containsExactly(3, 4, 5, 6, 7);
    assertThat(problemsOf(badRows, 3)).contains("身份证号校验位不正确");
    assertThat(problemsOf(badRows, 4)).contains("学校代码不存在：5306279999");
    assertThat(problemsOf(badRows, 5)).contains("年级须为1–9之间的整数");
    assertThat(problemsOf(badRows, 6)).contains("未知的辍学原因：GAMING");
    assertThat(problemsOf(badRows, 7)).contains("身份证号与第2行重复");
    assertThat(footprint()).isEqualTo(before);
    assertThat(students.findByIdNumber(good.get(1))).isEmpty();

    ResponseEntity<byte[]> report =
        EngineRestBytes.get(anonymous, "teacher-changan", (String) response.getBody().get("reportUrl"));
    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
    String text = new String(report.getBody(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF行号,身份证号,姓名,问题").contains("4,", "学校代码不存在：5306279999", "7,", "与第2行重复");
    assertThat(EngineRestBytes.get(anonymous, "teacher-nantai", (String) response.getBody().get("reportUrl")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aSchoolMayImportOnlyItsOwnPupilsAndAVillageCadreNothing() {
    List<String> mine = child("本校生", 10, true, TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE, 4, "在校", "", "");
    List<String> theirs = child("外校生", 10, false, TestStudents.NANTAI_SCHOOL, TestStudents.NANTAI_VILLAGE, 4, "在校", "", "");
    Footprint before = footprint();

    var response = upload("teacher-changan", "混合.csv", csv(mine, theirs));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> badRows = (List<Map<String, Object>>) response.getBody().get("badRows");
    assertThat(badRows).hasSize(1);
    assertThat(problemsOf(badRows, 3)).contains("您无权导入南台小学的学生");
    var cadre = upload("cadre-changan", "村.csv", csv(mine));
    assertThat(cadre.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) cadre.getBody().get("message")).isEqualTo("只有县教育局和学校的工作人员可以导入花名册");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void aFileThatIsNoSpreadsheetIsRefusedWithAClearReason() {
    Footprint before = footprint();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe, 0x01};
    var image = upload("teacher-changan", "照片.xlsx", png);
    assertThat(image.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) image.getBody().get("message")).contains("既不是 .xlsx 表格，也不是 .csv 文本文件");

    byte[] brokenZip = Arrays.copyOf(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, 200);
    var zip = upload("teacher-changan", "坏.xlsx", brokenZip);
    assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) zip.getBody().get("message")).contains("无法读取该 Excel 文件");

    var letter = upload("teacher-changan", "信.csv", "尊敬的领导：\n您好！".getBytes(StandardCharsets.UTF_8));
    assertThat(letter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) letter.getBody().get("message")).contains("缺少列：姓名、身份证号");
    assertThat(footprint()).isEqualTo(before);
  }

  // --- helpers ---

  private static List<String> child(
      String name, int age, boolean male, String school, String village, int grade, String status, String reason, String groups) {
    LocalDate birth = LocalDate.now().minusYears(age).minusDays(10);
    return new ArrayList<>(
        List.of(name, TestStudents.idNumber(birth, male), male ? "男" : "女", birth.toString(), school, String.valueOf(grade),
            village, "家长", "13800000000", status, reason, groups));
  }

  @SafeVarargs
  private static byte[] csv(List<String>... rows) {
    StringBuilder text = new StringBuilder(String.join(",", HEADER)).append("\r\n");
    for (List<String> row : rows) {
      text.append(String.join(",", row)).append("\r\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String problemsOf(List<Map<String, Object>> badRows, int line) {
    return badRows.stream().filter(row -> Integer.valueOf(line).equals(row.get("line"))).findFirst()
        .map(row -> String.valueOf(row.get("problems"))).orElse("");
  }

  private DropoutCase openCaseOf(String idNumber) {
    return cases.findAll().stream()
        .filter(c -> c.getStudent().getIdNumber().equals(idNumber) && c.isOpen())
        .findFirst().orElseThrow();
  }

  private ResponseEntity<Map<String, Object>> upload(String user, String fileName, byte[] content) {
    return EngineRest.as(anonymous, user).upload("/api/imports/roster", fileName, content);
  }

  record Footprint(long students, long cases, long processInstances) {}

  private Footprint footprint() {
    return new Footprint(
        jdbc.sql("select count(*) from student").query(Long.class).single(),
        jdbc.sql("select count(*) from dropout_case").query(Long.class).single(),
        historyService.createHistoricProcessInstanceQuery().count());
  }

  /** Binary downloads as a demo user. */
  static final class EngineRestBytes {
    static ResponseEntity<byte[]> get(TestRestTemplate anonymous, String user, String path) {
      return anonymous.withBasicAuth(user, EngineRest.DEMO_PASSWORD).exchange(path, HttpMethod.GET, null, byte[].class);
    }
  }
}
