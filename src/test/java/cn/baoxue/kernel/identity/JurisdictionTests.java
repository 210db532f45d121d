package cn.baoxue.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.QuickTier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who answers for what: a county's bureau its county, a prefecture's bureau the counties whose
 * administrative codes begin with its four leading digits, a province's department those of its
 * two; never a neighbour's.
 */
@QuickTier
class JurisdictionTests {

  private static final String[] ZHENXIONG_CASE = {"5306270001", "530627205201", "530627205", "530627"};
  private static final String[] QUJING_CASE = {"5303020001", "530302101201", "530302101", "530302"};
  private static final String[] GUIZHOU_CASE = {"5205270001", "520527101201", "520527101", "520527"};

  @Test
  void aPrefectureAnswersForItsCountiesAndNotItsNeighbours() {
    Jurisdiction zhaotong = Jurisdiction.ofGroups(List.of(GroupIds.prefecture("530600")));
    assertThat(zhaotong.covers(ZHENXIONG_CASE)).isTrue();
    assertThat(zhaotong.covers("530628")).as("彝良县").isTrue();
    assertThat(zhaotong.covers(QUJING_CASE)).as("曲靖市's county").isFalse();
    assertThat(zhaotong.covers(GUIZHOU_CASE)).isFalse();
    assertThat(zhaotong.covers((String) null)).isFalse();
  }

  @Test
  void aProvinceAnswersForEveryCountyOfItsCode() {
    Jurisdiction yunnan = Jurisdiction.ofGroups(List.of(GroupIds.province("530000")));
    assertThat(yunnan.covers(ZHENXIONG_CASE)).isTrue();
    assertThat(yunnan.covers(QUJING_CASE)).isTrue();
    assertThat(yunnan.covers(GUIZHOU_CASE)).isFalse();
  }

  @Test
  void aCountyStillAnswersForItselfOnly() {
    Jurisdiction zhenxiong = Jurisdiction.ofGroups(List.of(GroupIds.county("530627")));
    assertThat(zhenxiong.covers(ZHENXIONG_CASE)).isTrue();
    assertThat(zhenxiong.covers("530628")).isFalse();
    assertThat(zhenxiong.sqlScope("c.school_code", "c.county_code").condition()).doesNotContain("like");
  }

  @Test
  void theSqlScopeOfAPrefectureReadsTheCountyColumnByItsLeadingDigits() {
    Jurisdiction.SqlScope scope =
        Jurisdiction.ofGroups(List.of(GroupIds.prefecture("530600"))).sqlScope("c.school_code", "c.village_code", "c.township_code", "c.county_code");
    assertThat(scope.condition()).isEqualTo(
        "(c.school_code in (:units) or c.village_code in (:units) or c.township_code in (:units) or c.county_code in (:units)"
            + " or c.county_code like :unitPrefix0)");
    assertThat(scope.params()).containsEntry("unitPrefix0", "5306%").containsEntry("units", List.of("530600"));
  }

  @Test
  void groupIdsOfTheUpperLevelsAreKnownByKind() {
    assertThat(GroupIds.kindOf("prefecture_530600")).isEqualTo(GroupIds.Kind.PREFECTURE);
    assertThat(GroupIds.kindOf("province_530000")).isEqualTo(GroupIds.Kind.PROVINCE);
    assertThat(GroupIds.unitCode("prefecture_530600")).isEqualTo("530600");
    assertThat(GroupIds.Kind.PREFECTURE.givesWork()).isTrue();
  }
}
