package cn.baoxue.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.json.JacksonJsonParser;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 无身份证号的儿童: 尖山乡 finds a girl door to door (摸排) who has no 身份证号 and no school. Her case
 * starts under a provisional number of 镇雄县, she is flagged in the ledgers and on her case page,
 * and when her real number is known it passes every check a report's number passes — or is
 * refused, and nothing changes.
 */
@BaoxueWebTest
class ChildWithoutPapersTests {

  static final String OFFICIAL = "official-jianshan";
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final String[] GIVEN = {"春花", "夏花", "秋花", "冬花", "梅花", "兰花", "菊花", "桃花", "杏花", "荷花"};

  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @Test
  void aGirlFoundDoorToDoorWithoutPapersIsFlaggedUntilHerRealNumberIsRecordedWithEveryCheckOfAReport() throws Exception {
    YearMonth born = YearMonth.from(BeijingTime.today().minusYears(11).minusMonths(NAMES.get()));
    Found found = find(born.toString());

    Map<String, Object> student = studentOf(found.caseNumber());
    assertThat((String) student.get("ID_NUMBER")).matches("T530627[0-9]{11}");
    assertThat(student.get("PROVISIONAL_NUMBER")).isEqualTo(student.get("ID_NUMBER"));
    assertThat(student.get("BIRTH_DATE").toString()).isEqualTo(born.atDay(1).toString());
    assertThat(student.get("BIRTH_DATE_ESTIMATED")).isEqualTo(true);
    assertThat(student.get("SCHOOL_CODE")).isNull();
    String provisional = (String) student.get("ID_NUMBER");

    // Flagged: the suspected ledger (page and spreadsheet), the case page, the case API.
    assertThat(page(OFFICIAL, "/ledgers/suspected")).contains(provisional).contains("无身份证号");
    String row = xlsxRow(OFFICIAL, "/ledgers/suspected.xlsx", found.caseNumber());
    assertThat(row).startsWith(found.caseNumber() + "," + found.name() + "," + provisional + ",女,,无学籍,长安村,尖山乡").endsWith(",是（临时编号）");
    assertThat(page(OFFICIAL, "/cases/" + found.caseNumber())).contains("临时编号").contains(provisional).contains("无身份证号")
        .contains("约" + born).contains("name=\"idNumber\"");
    assertThat(page("cadre-changan", "/cases/" + found.caseNumber())).contains("无身份证号").doesNotContain("name=\"idNumber\"");
    assertThat(Caller.basic(port, OFFICIAL).get("/api/cases/" + found.caseNumber()).body()).contains("\"withoutIdNumber\":true");

    // Every check of a report, each refusal changing nothing.
    Caller official = Caller.basic(port, OFFICIAL);
    String real = TestStudents.idNumber(born.atDay(Math.min(15, born.lengthOfMonth())), false);
    Map<String, Object> before = studentOf(found.caseNumber());
    String badChecksum = real.substring(0, 17) + (real.charAt(17) == '1' ? "2" : "1");
    String otherMonth = TestStudents.idNumber(born.minusMonths(2).atDay(3), false);
    String boy = TestStudents.idNumber(born.atDay(9), true);
    String tooOld = TestStudents.idNumber(LocalDate.of(2000, born.getMonthValue(), 9), false);
    String taken = TestStudents.idNumber(born.atDay(11), false);
    registerElsewhere("韩" + found.name(), taken, born.atDay(11));
    for (Map.Entry<String, String> refusal : Map.of(badChecksum, "校验", otherMonth, "出生日期", boy, "性别",
        tooOld, "出生日期", taken, "已登记在另一名儿童").entrySet()) {
      Reply refused = official.postJson(path(found), "{\"idNumber\":\"" + refusal.getKey() + "\"}");
      assertThat(refused.status()).as("%s: %s", refusal.getKey(), refused).isEqualTo(400);
      assertThat(refused.body()).contains("\"field\":\"idNumber\"").contains(refusal.getValue());
      assertThat(studentOf(found.caseNumber())).isEqualTo(before);
    }
    assertThat(official.postJson(path(found), "{\"idNumber\":\"" + taken + "\"}").body()).contains("/children/duplicates");

    Reply recorded = official.postJson(path(found), "{\"idNumber\":\"" + real.toLowerCase() + "\"}");
    assertThat(recorded.status()).as("%s", recorded).isEqualTo(200);
    assertThat(recorded.body()).contains(provisional).contains("停用");
    Map<String, Object> after = studentOf(found.caseNumber());
    assertThat(after.get("ID_NUMBER")).isEqualTo(real);
    assertThat(after.get("PROVISIONAL_NUMBER")).isEqualTo(provisional);
    assertThat(after.get("BIRTH_DATE").toString()).isEqualTo(real.substring(6, 10) + "-" + real.substring(10, 12) + "-" + real.substring(12, 14));
    assertThat(after.get("BIRTH_DATE_ESTIMATED")).isEqualTo(false);
    assertThat(after.get("ID_NUMBER_RECORDED_BY")).isEqualTo(OFFICIAL);
    assertThat(xlsxRow(OFFICIAL, "/ledgers/suspected.xlsx", found.caseNumber())).contains(real).doesNotEndWith("是（临时编号）");
    assertThat(page(OFFICIAL, "/cases/" + found.caseNumber())).doesNotContain("name=\"idNumber\"").contains(real);

    // Once known, the number is hers: a second recording is refused.
    Reply again = official.postJson(path(found), "{\"idNumber\":\"" + real + "\"}");
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void aProvisionalChildGivenANumberAnotherRecordHoldsIsListedAsADuplicateAndMergedIntoIt() {
    YearMonth born = YearMonth.from(BeijingTime.today().minusYears(10).minusMonths(NAMES.get()));
    Found found = find(born.toString());
    // Her school registered her long ago under her real number: same name, guardian, birth month.
    String real = TestStudents.idNumber(born.atDay(Math.min(20, born.lengthOfMonth())), false);
    registerElsewhere(found.name(), real, born.atDay(Math.min(20, born.lengthOfMonth())));
    long provisionalId = ((Number) studentOf(found.caseNumber()).get("ID")).longValue();
    long realId = jdbc.queryForObject("select id from student where id_number = ?", Long.class, real);

    Reply refused = Caller.basic(port, OFFICIAL).postJson(path(found), "{\"idNumber\":\"" + real + "\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("疑似重复的儿童记录");

    Reply list = Caller.basic(port, "bureau-zhenxiong").get("/api/children/duplicates");
    assertThat(list.body()).contains("\"id\":" + provisionalId).contains("\"id\":" + realId).contains("姓名、出生年月相同，监护人相同");
    // The provisional record is not the one to keep.
    Reply wrongWay = Caller.basic(port, "bureau-zhenxiong").postJson("/api/children/merges",
        "{\"keptChildId\":" + provisionalId + ",\"mergedChildId\":" + realId + "}");
    assertThat(wrongWay.status()).isEqualTo(400);
    assertThat(wrongWay.body()).contains("应保留有正式身份证号的记录");
    Reply merged = Caller.basic(port, "bureau-zhenxiong").postJson("/api/children/merges",
        "{\"keptChildId\":" + realId + ",\"mergedChildId\":" + provisionalId + ",\"reason\":\"摸排儿童即在册学生\"}");
    assertThat(merged.status()).as("%s", merged).isEqualTo(201);
    assertThat(jdbc.queryForObject("select student_id from dropout_case where case_number = ?", Long.class, found.caseNumber()))
        .isEqualTo(realId);
    assertThat(page(OFFICIAL, "/cases/" + found.caseNumber())).contains(real).doesNotContain("无身份证号");
  }

  @Test
  void onlyADoorToDoorFindMayComeWithoutANumberAndItNeedsItsGuardian() {
    long before = jdbc.queryForObject("select count(*) from student", Long.class);
    Map<String, Object> report = withoutPapers("REPORT", "2016-05", "韩" + GIVEN[0]);
    var refused = EngineRest.as(anonymous, OFFICIAL).startCase(report);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("身份证号不能为空").contains("摸排");

    Map<String, Object> noGuardian = withoutPapers("SURVEY", "2016-05", "韩" + GIVEN[1]);
    noGuardian.remove("guardianName");
    var withoutGuardian = EngineRest.as(anonymous, OFFICIAL).startCase(noGuardian);
    assertThat(withoutGuardian.getStatusCode().value()).isEqualTo(400);
    assertThat(withoutGuardian.getBody().toString()).contains("监护人姓名");
    assertThat(jdbc.queryForObject("select count(*) from student", Long.class)).isEqualTo(before);
  }

  @Test
  void recordingANumberIsForTheCasesSchoolTownshipOrCountyOnlyOnItsOneSpellingAndNeverCrossSite() {
    YearMonth born = YearMonth.from(BeijingTime.today().minusYears(12).minusMonths(NAMES.get()));
    Found found = find(born.toString());
    String real = TestStudents.idNumber(born.atDay(5), false);
    Caller session = Caller.loggedIn(port, OFFICIAL).withoutCsrfToken();
    Map<String, Object> before = studentOf(found.caseNumber());
    String body = "{\"idNumber\":\"" + real + "\"}";

    for (String user : List.of("teacher-nantai", "official-nantai")) {
      Reply outside = Caller.basic(port, user).postJson(path(found), body);
      assertThat(outside.status()).as("%s: %s", user, outside).isEqualTo(404);
    }
    for (String user : List.of("cadre-changan", "womenfed-zhenxiong", "auditor", "admin")) {
      Reply refused = Caller.basic(port, user).postJson(path(found), body);
      assertThat(refused.status()).as("%s: %s", user, refused).isEqualTo(403);
    }
    Reply undeclared = Caller.basic(port, OFFICIAL).postJson(path(found), "{\"idNumber\":\"" + real + "\",\"birthDate\":\"2016-01-01\"}");
    assertThat(undeclared.status()).isEqualTo(400);
    assertThat(undeclared.body()).contains("\"field\":\"birthDate\"").contains("登记身份证号不接受字段“birthDate”");
    for (String odd : List.of(path(found) + "/", "/" + path(found), path(found).replace("/id-number", "%2Fid-number"),
        path(found).toUpperCase(), path(found) + ";jsessionid=0123", path(found).replace("id-number", "%69d-number"),
        path(found).replace("-2", "%2D2"))) {
      Reply refused = Caller.basic(port, OFFICIAL).send("POST", odd, body);
      assertThat(refused.status()).as("%s: %s", odd, refused).isBetween(400, 405);
    }
    Reply foreign = Caller.basic(port, OFFICIAL).header("Origin", "https://evil.example").postJson(path(found), body);
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(session.postJson(path(found), body).status()).isEqualTo(403);
    assertThat(session.postForm("/cases/" + found.caseNumber() + "/id-number", Map.of("idNumber", real)).status()).isEqualTo(403);
    assertThat(studentOf(found.caseNumber())).isEqualTo(before);

    // The page's form, with the session's token, records it.
    Reply page = Caller.loggedIn(port, OFFICIAL).postForm("/cases/" + found.caseNumber() + "/id-number", Map.of("idNumber", real));
    assertThat(page.status()).isEqualTo(302);
    assertThat(studentOf(found.caseNumber()).get("ID_NUMBER")).isEqualTo(real);
  }

  // ---------------------------------------------------------------- fixtures

  record Found(String caseNumber, String name) {}

  /** 尖山乡's official reports a girl found door to door: no 身份证号, no school, birth month only. */
  private Found find(String birthDate) {
    String name = "韩" + GIVEN[NAMES.getAndIncrement() % GIVEN.length] + "儿";
    var started = EngineRest.as(anonymous, OFFICIAL).startCase(withoutPapers("SURVEY", birthDate, name));
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
    return new Found((String) started.getBody().get("businessKey"), name);
  }

  private static Map<String, Object> withoutPapers(String source, String birthDate, String name) {
    Map<String, Object> variables = new HashMap<>(TestStudents.changanGirl());
    variables.remove("studentIdNumber");
    variables.remove("schoolCode");
    variables.remove("grade");
    variables.put("studentName", name);
    variables.put("birthDate", birthDate);
    variables.put("guardianName", "韩大海");
    variables.put("source", source);
    variables.put("reason", "OTHER");
    return variables;
  }

  /** The same child, or another, on 长安村小学's roster under a real number. */
  private void registerElsewhere(String name, String idNumber, LocalDate birthDate) {
    String csv = "姓名,身份证号,性别,出生日期,学校代码,年级,村代码,监护人,联系电话,在校状态,辍学原因,特殊群体\n"
        + name + "," + idNumber + ",女," + birthDate + "," + TestStudents.CHANGAN_SCHOOL + ",4," + TestStudents.CHANGAN_VILLAGE
        + ",韩大海,13800000066,在校,,\n";
    var imported = EngineRest.as(anonymous, "teacher-changan").upload("/api/imports/roster", "roster.csv", csv);
    assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
  }

  private static String path(Found found) {
    return "/api/cases/" + found.caseNumber() + "/id-number";
  }

  private Map<String, Object> studentOf(String caseNumber) {
    return new LinkedHashMap<>(jdbc.queryForMap(
        "select s.* from student s join dropout_case c on c.student_id = s.id where c.case_number = ?", caseNumber));
  }

  private String page(String user, String path) {
    ResponseEntity<String> response = anonymous.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private String xlsxRow(String user, String path, String caseNumber) throws Exception {
    ResponseEntity<byte[]> xlsx = anonymous.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(text(rows.get(0))).endsWith(",无身份证号");
      return rows.stream().map(ChildWithoutPapersTests::text).filter(line -> line.startsWith(caseNumber + ",")).findFirst().orElseThrow();
    }
  }

  private static String text(Row row) {
    return row.stream().map(cell -> cell == null ? "" : cell.getText()).collect(Collectors.joining(","));
  }

  @SuppressWarnings("unused")
  private static Map<String, Object> json(String body) {
    return new JacksonJsonParser().parseMap(body);
  }
}
