package cn.baoxue.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The ledgers list what the records hold, within the reader's jurisdiction, and export it as .xlsx. */
@BaoxueWebTest
class LedgerTests {

  @Autowired TestRestTemplate anonymous;

  @Test
  void aReportedCaseIsOnTheSuspectedLedgerThenOnTheDropoutLedgerOnceConfirmed() throws Exception {
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    Map<String, Object> girl = TestStudents.changanGirl();
    girl.put("studentName", "台账女孩");
    var started = teacher.startCase(girl);
    String caseNumber = (String) started.getBody().get("businessKey");
    String pi = (String) started.getBody().get("id");

    assertThat(page("teacher-changan", "/ledgers/suspected?gender=F&grade=6")).contains(caseNumber, "台账女孩", "外出务工");
    assertThat(page("teacher-changan", "/ledgers/suspected?gender=M")).doesNotContain(caseNumber);
    assertThat(page("teacher-nantai", "/ledgers/suspected")).doesNotContain(caseNumber);
    assertThat(page("teacher-changan", "/ledgers/children?specialGroup=LEFT_BEHIND")).contains("台账女孩", "疑似辍学");
    assertThat(page("teacher-changan", "/ledgers/dropouts")).doesNotContain(caseNumber);

    String verify = (String) teacher.tasks(pi).get(0).get("id");
    teacher.complete(verify, Map.of("verifyResult", "CONFIRMED"));

    assertThat(page("teacher-changan", "/ledgers/suspected")).doesNotContain(caseNumber);
    assertThat(page("bureau-zhenxiong", "/ledgers/dropouts?status=PERSUADING&reason=WORK&unit=530627205")).contains(caseNumber, "未劝返");

    ResponseEntity<byte[]> xlsx = anonymous.withBasicAuth("bureau-zhenxiong", "demo")
        .exchange("/ledgers/dropouts.xlsx?status=PERSUADING", HttpMethod.GET, null, byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xlsx.getHeaders().getContentType().toString()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(text(rows.get(0))).startsWith("案件编号,姓名,身份证号,性别,年级,学校,户籍村,乡镇,辍学原因,特殊群体,状态,劝返环节");
      assertThat(rows).anySatisfy(row -> assertThat(text(row))
          .startsWith(caseNumber + ",台账女孩," + girl.get("studentIdNumber") + ",女,6,长安村小学,长安村,尖山乡,外出务工,留守、建档立卡,未劝返"));
    }
  }

  private String page(String user, String path) {
    ResponseEntity<String> response = anonymous.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static String text(Row row) {
    return row.stream().map(cell -> cell == null ? "" : cell.getText()).collect(Collectors.joining(","));
  }
}
