package cn.baoxue.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.QuickTier;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain an overdue task climbs: school → township → county → prefecture → province, as far as the tree goes. */
@QuickTier
class SuperiorChainTests {

  private static final String TOWNSHIP = "township_530627205";
  private static final String COUNTY = "county_530627";
  private static final List<String> ABOVE = List.of("prefecture_530600", "province_530000");

  @Test
  void aSchoolsTaskClimbsToTheProvince() {
    assertThat(task(List.of("school_5306270001"), List.of(), ABOVE).superiors())
        .containsExactly(TOWNSHIP, COUNTY, "prefecture_530600", "province_530000");
  }

  @Test
  void aHelpersTaskGoesToTheTownshipFirst() {
    assertThat(task(List.of(TOWNSHIP), List.of("teacher-changan"), ABOVE).superiors())
        .containsExactly(COUNTY, "prefecture_530600", "province_530000");
  }

  @Test
  void aCountysTaskGoesToThePrefectureThenTheProvince() {
    assertThat(task(List.of(COUNTY), List.of(), ABOVE).superiors()).containsExactly("prefecture_530600", "province_530000");
  }

  @Test
  void aCountyAtTheTopOfItsDeploymentHasNoSuperiorAsBefore() {
    assertThat(task(List.of(COUNTY), List.of(), List.of()).superiors()).isEmpty();
    assertThat(task(List.of("school_5306270001"), List.of(), List.of()).superiors()).containsExactly(TOWNSHIP, COUNTY);
  }

  private static OverdueTask task(List<String> groups, List<String> users, List<String> above) {
    return new OverdueTask(1L, "530627-2026-00001", "pi", "task", "verify", "核实是否辍学", null, groups, users,
        LocalDateTime.of(2026, 12, 1, 18, 0), TOWNSHIP, COUNTY, above);
  }
}
