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

  private static final String AUTUMN_2026 = "2026年秋季学期";

  @Autowired TestRestTemplate anonymous;

  @Test
  void aTransferMovesThePupilBetweenSchoolsAndOutOfTheCounty() throws Exception {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    long changanBefore = registered("teacher-changan", "5306270001");
    long nantaiBefore = registered("teacher-nantai", "5306270002");
    // A school day of a fixed term, so the roll asked for below is the same whenever this runs.
    String schoolDay = "2026-11-20";

    var out = EngineRest.as(anonymous, "teacher-changan").post("/api/students/" + pupil + "/changes",
        Map.of("type", "TRANSFER_OUT", "date", schoolDay, "toSchoolCode", "5306270002", "reason", "随父母搬到南台镇"));
    assertThat(out.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(registered("teacher-changan", "5306270001")).isEqualTo(changanBefore - 1);
    assertThat(registered("teacher-nantai", "5306270002")).isEqualTo(nantaiBefore + 1);

    var refused = EngineRest.as(anonymous, "teacher-changan").post("/api/students/" + pupil + "/changes",
        Map.of("type", "TRANSFER_OUT", "date", schoolDay, "otherSchool", "昆明市某小学"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).isEqualTo("只有南台小学可以办理转出");

    var leaves = EngineRest.as(anonymous, "teacher-nantai").post("/api/students/" + pupil + "/changes",
        Map.of("type", "TRANSFER_OUT", "date", schoolDay, "otherSchool", "昆明市某小学", "reason", "随迁"));
    assertThat(leaves.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(registered("teacher-nantai", "5306270002")).isEqualTo(nantaiBefore);

    assertThat(changedSchools("bureau-zhenxiong", pupil)).containsExactly("长安村小学→南台小学", "南台小学→昆明市某小学");
  }

  @Test
  void onlyThePupilsSchoolRecordsHerTransferAndTheRefusalSaysSo() throws Exception {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    Map<String, Object> toNantai = Map.of("type", "TRANSFER_OUT", "date", "2026-11-20", "toSchoolCode", "5306270002",
        "reason", "随父母搬到南台镇");

    for (String other : List.of("official-jianshan", "bureau-zhenxiong", "teacher-nantai")) {
      var refused = EngineRest.as(anonymous, other).post("/api/students/" + pupil + "/changes", toNantai);
      assertThat(refused.getStatusCode()).as(other).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat((String) refused.getBody().get("message")).as(other).isEqualTo("只有长安村小学可以办理转出");
    }
    assertThat(changedSchools("bureau-zhenxiong", pupil)).isEmpty();

    var done = EngineRest.as(anonymous, "principal-changan").post("/api/students/" + pupil + "/changes", toNantai);
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(changedSchools("bureau-zhenxiong", pupil)).containsExactly("长安村小学→南台小学");
  }

  @Test
  void aTransferInTheSummerHolidayIsListedWithTheAutumnTermItPreparesFor() throws Exception {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);

    var out = EngineRest.as(anonymous, "teacher-changan").post("/api/students/" + pupil + "/changes",
        Map.of("type", "TRANSFER_OUT", "date", "2026-08-20", "toSchoolCode", "5306270002", "reason", "暑假随父母搬到南台镇"));
    assertThat(out.getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(changedSchools("bureau-zhenxiong", pupil)).containsExactly("长安村小学→南台小学");
    String page = anonymous.withBasicAuth("bureau-zhenxiong", "demo")
        .getForEntity("/students/changes?term={term}", String.class, AUTUMN_2026).getBody();
    assertThat(page).contains("2026-08-20").contains("2026年秋季学期：2026-07-04 至 2027-01-22（含 2026-09-01 开学前的假期）");
    String spring = anonymous.withBasicAuth("bureau-zhenxiong", "demo")
        .getForEntity("/students/changes?term={term}", String.class, "2026年春季学期").getBody();
    assertThat(spring).contains("2026年春季学期：2026-01-17 至 2026-07-03").doesNotContain("2026-08-20");
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

  /** The pupil's rows in the autumn term's 异动花名册 as exported: from school → to school. */
  private List<String> changedSchools(String user, String pupil) throws Exception {
    byte[] xlsx = anonymous.withBasicAuth(user, "demo")
        .getForEntity("/students/changes.xlsx?term={term}", byte[].class, AUTUMN_2026).getBody();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(1)).isEqualTo("异动类型");
      return rows.stream()
          .filter(row -> row.getCellText(3).equals(pupil.substring(0, 6) + "********" + pupil.substring(14)))
          .map(row -> row.getCellText(6) + "→" + row.getCellText(7))
          .toList();
    }
  }

  private long registered(String user, String school) {
    Map<String, Object> summary = EngineRest.as(anonymous, user).get("/api/reports/summary?scope=" + school).getBody();
    return ((Number) new HashMap<>(summary).get("students")).longValue();
  }
}
