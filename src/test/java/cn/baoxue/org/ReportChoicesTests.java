package cn.baoxue.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report form's school and village pickers (GET /api/me/report-choices): each user is offered
 * the units of her own jurisdiction by name, the codes as values; a report naming a unit outside
 * it is still refused by the intake, and leaves nothing behind.
 */
@BaoxueWebTest
class ReportChoicesTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aTeacherGetsHerSchoolPresetAndTheVillagesOfItsTownshipByName() throws Exception {
    JsonNode choices = choicesOf("teacher-changan");

    assertThat(choices.get("schoolCode").asText()).isEqualTo(TestStudents.CHANGAN_SCHOOL);
    assertThat(options(choices.get("schools"))).containsExactly("长安村小学=5306270001");
    assertThat(options(choices.get("villages"))).containsExactly("长安村=530627205201");
    assertThat(choices.get("villageCode").asText()).isEqualTo(TestStudents.CHANGAN_VILLAGE);
  }

  @Test
  void eachUserIsOfferedHerOwnJurisdictionOnly() throws Exception {
    JsonNode nantai = choicesOf("teacher-nantai");
    assertThat(options(nantai.get("schools"))).containsExactly("南台小学=5306270002");
    assertThat(options(nantai.get("villages"))).containsExactly("南台村=530627104201");

    JsonNode cadre = choicesOf("cadre-changan");
    assertThat(options(cadre.get("villages"))).containsExactly("长安村=530627205201");
    assertThat(cadre.get("schoolCode").isNull()).as("several schools of the county: none preset").isTrue();
    assertThat(options(cadre.get("schools"))).contains("长安村小学=5306270001", "南台小学=5306270002", "尖山中学=5306270003");

    JsonNode official = choicesOf("official-jianshan");
    assertThat(options(official.get("villages"))).containsExactly("长安村=530627205201");

    JsonNode bureau = choicesOf("bureau-zhenxiong");
    assertThat(options(bureau.get("villages"))).as("villages of two townships name their township")
        .containsExactly("南台村（南台镇）=530627104201", "长安村（尖山乡）=530627205201");
  }

  @Test
  void aReportForAnotherSchoolIsRefusedAndLeavesNothing() {
    Map<String, Object> child = TestStudents.changanGirl();
    child.put("schoolCode", TestStudents.NANTAI_SCHOOL);
    child.put("villageCode", TestStudents.NANTAI_VILLAGE);
    long before = jdbc.queryForObject("select count(*) from dropout_case", Long.class);

    var refused = EngineRest.as(anonymous, "teacher-changan").startCase(child);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").toString()).contains("您无权为南台小学（南台村）的学生上报案件");
    assertThat(jdbc.queryForObject("select count(*) from dropout_case", Long.class)).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from student where id_number = ?", Long.class, child.get("studentIdNumber")))
        .isZero();
  }

  @Test
  void strangersGetNothing() {
    assertThat(Caller.anonymous(port).get("/api/me/report-choices").status()).isEqualTo(401);
  }

  private JsonNode choicesOf(String user) throws Exception {
    Caller.Reply reply = Caller.basic(port, user).get("/api/me/report-choices");
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return JSON.readTree(reply.body());
  }

  private static List<String> options(JsonNode list) {
    List<String> options = new ArrayList<>();
    list.forEach(option -> options.add(option.get("label").asText() + "=" + option.get("value").asText()));
    return options;
  }
}
