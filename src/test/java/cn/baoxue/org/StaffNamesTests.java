package cn.baoxue.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * {@code GET /api/staff/names} and {@code /api/staff/units}: Tasklist's login ids and group ids
 * become names, family name first, for colleagues of the reader's county only.
 */
@BaoxueWebTest
class StaffNamesTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired StaffNamesController controller;

  @Test
  void colleaguesOfTheCountyAreNamedFamilyNameFirst() {
    Map<String, Object> names = EngineRest.as(anonymous, "official-jianshan")
        .get("/api/staff/names?ids=teacher-changan,cadre-changan,nobody-here,../admin").getBody();
    assertThat(names).containsExactly(Map.entry("teacher-changan", "李明华"), Map.entry("cadre-changan", "杨国富"));
    assertThat(EngineRest.as(anonymous, "auditor").get("/api/staff/names?ids=bureau-zhenxiong").getBody())
        .containsEntry("bureau-zhenxiong", "周正华");
  }

  @Test
  void staffOfAnotherCountyLearnNothing() {
    Staff elsewhere = new Staff("teacher-elsewhere", List.of("school_9999999999"));
    assertThat(controller.names("teacher-changan,official-jianshan", elsewhere)).isEmpty();
  }

  @Test
  void unitGroupsAreNamedAfterTheirUnitAndNoOtherGroup() {
    Map<String, Object> units = EngineRest.as(anonymous, "auditor")
        .get("/api/staff/units?groups=school_5306270001,township_530627205,auditors,camunda-admin").getBody();
    assertThat(units).containsExactly(Map.entry("school_5306270001", "长安村小学"), Map.entry("township_530627205", "尖山乡人民政府"));
  }

  @Test
  void nobodyUnknownIsAnswered() {
    assertThat(anonymous.getForEntity("/api/staff/names?ids=teacher-changan", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getForEntity("/api/staff/units?groups=school_5306270001", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
