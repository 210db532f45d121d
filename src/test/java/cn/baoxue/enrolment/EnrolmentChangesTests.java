package cn.baoxue.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.Rosters;
import cn.baoxue.testing.TestStudents;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Transfers move a pupil between schools' registered counts, or off the county's roll, and are listed per term. */
@BaoxueWebTest
class EnrolmentChangesTests {

  @Autowired TestRestTemplate anonymous;

  @Test
  void aTransferMovesThePupilBetweenSchoolsAndOutOfTheCounty() throws Exception {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    long changanBefore = registered("teacher-changan", "5306270001");
    long nantaiBefore = registered("teacher-nantai", "5306270002");
    String today = LocalDate.now().toString();

    var out = EngineRest.as(anonymous, "teacher-changan").post("/api/students/" + pupil + "/changes",
        Map.of("type", "TRANSFER_OUT", "date", today, "toSchoolCode", "5306270002", "reason", "随父母搬到南台镇"));
    assertThat(out.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(registered("teacher-changan", "5306270001")).isEqualTo(changanBefore - 1);
    assertThat(registered("teacher-nantai", "5306270002")).isEqualTo(nantaiBefore + 1);

    var refused = EngineRest.as(anonymous, "teacher-changan").post("/api/students/" + pupil + "/changes",
        Map.of("type", "TRANSFER_OUT", "date", today, "otherSchool", "昆明市某小学"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).isEqualTo("只有南台小学或上级单位可以办理转出");

    var leaves = EngineRest.as(anonymous, "teacher-nantai").post("/api/students/" + pupil + "/changes",
        Map.of("type", "TRANSFER_OUT", "date", today, "otherSchool", "昆明市某小学", "reason", "随迁"));
    assertThat(leaves.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(registered("teacher-nantai", "5306270002")).isEqualTo(nantaiBefore);

    byte[] xlsx = anonymous.withBasicAuth("bureau-zhenxiong", "demo").getForEntity("/students/changes.xlsx", byte[].class).getBody();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(1)).isEqualTo("异动类型");
      assertThat(rows).filteredOn(row -> row.getCellText(3).equals(pupil.substring(0, 6) + "********" + pupil.substring(14)))
          .extracting(row -> row.getCellText(6) + "→" + row.getCellText(7))
          .containsExactly("长安村小学→南台小学", "南台小学→昆明市某小学");
    }
  }

  @Test
  void anUnknownTypeOrFutureDateIsRefused() {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);

    var response = EngineRest.as(anonymous, "teacher-changan").post("/api/students/" + pupil + "/changes",
        Map.of("type", "GRADUATED", "date", LocalDate.now().plusDays(3).toString(), "toSchoolCode", "5306270002"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<String>) response.getBody().get("problems"))
        .containsExactly("未知的异动类型：GRADUATED", "异动日期不能晚于今天");
  }

  private long registered(String user, String school) {
    Map<String, Object> summary = EngineRest.as(anonymous, user).get("/api/reports/summary?scope=" + school).getBody();
    return ((Number) new HashMap<>(summary).get("students")).longValue();
  }
}
