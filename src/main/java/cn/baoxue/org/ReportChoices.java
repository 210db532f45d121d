package cn.baoxue.org;

import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.kernel.identity.OrgUnitType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the report form (发现疑似辍学) offers its user, so that nobody types a 10-digit school code
 * or a 12-digit village code: the schools she may report for and the villages a child may live in,
 * by name, with their codes as the values the form submits.
 *
 * <ul>
 *   <li>school staff: her own schools (preset when she has one), and the villages of their
 *       townships;
 *   <li>a village cadre: the schools of her county, and her own village (preset);
 *   <li>a township official: the schools of her county, and her township's villages;
 *   <li>the county (bureau, women's federation): its schools and villages.
 * </ul>
 *
 * Whatever is submitted is still checked by the intake (a report outside her jurisdiction is
 * refused, CaseIntakeService); these lists only spare her the codes.
 */
@Service
@Transactional(readOnly = true)
public class ReportChoices {

  private final OrgUnitRepository units;

  public ReportChoices(OrgUnitRepository units) {
    this.units = units;
  }

  /** One option of a form-js select: the unit's name shown, its code submitted. */
  public record Option(String label, String value) {}

  /**
   * The choices of one user.
   *
   * @param schoolCode the school preset on the form (her only choice), else null
   * @param villageCode the village preset on the form (her only choice), else null
   */
  public record Choices(List<Option> schools, List<Option> villages, String schoolCode, String villageCode) {}

  public Choices of(Jurisdiction jurisdiction) {
    List<OrgUnit> own = units.findByCodeIn(jurisdiction.unitCodes());
    List<OrgUnit> ownSchools = ofType(own, OrgUnitType.SCHOOL);

    Set<OrgUnit> schools = new LinkedHashSet<>(ownSchools);
    Set<OrgUnit> villages = new LinkedHashSet<>();
    // School staff: the villages of her schools' townships (school → village → township).
    villages.addAll(villagesOfTownships(parents(parents(ownSchools))));
    villages.addAll(ofType(own, OrgUnitType.VILLAGE));
    villages.addAll(villagesOfTownships(ofType(own, OrgUnitType.TOWNSHIP)));
    List<OrgUnit> counties = new ArrayList<>(ofType(own, OrgUnitType.COUNTY));
    villages.addAll(villagesOfTownships(children(counties)));
    if (ownSchools.isEmpty()) {
      // Everyone else reports children of her villages or townships, wherever in the county they study.
      Set<OrgUnit> countiesOfVillages = new LinkedHashSet<>(counties);
      countiesOfVillages.addAll(parents(parents(villages)));
      schools.addAll(ofType(children(children(children(List.copyOf(countiesOfVillages)))), OrgUnitType.SCHOOL));
    }

    Map<String, String> townshipNames = new LinkedHashMap<>();
    parents(villages).forEach(township -> townshipNames.put(township.getCode(), township.getName()));
    boolean severalTownships = townshipNames.size() > 1;
    List<Option> villageOptions = villages.stream()
        .sorted(java.util.Comparator.comparing(OrgUnit::getCode))
        .map(village -> new Option(
            severalTownships ? village.getName() + "（" + townshipNames.get(village.getParentCode()) + "）" : village.getName(),
            village.getCode()))
        .toList();
    List<Option> schoolOptions = schools.stream()
        .sorted(java.util.Comparator.comparing(OrgUnit::getCode))
        .map(school -> new Option(school.getName(), school.getCode()))
        .toList();
    return new Choices(
        schoolOptions,
        villageOptions,
        schoolOptions.size() == 1 ? schoolOptions.get(0).value() : null,
        villageOptions.size() == 1 ? villageOptions.get(0).value() : null);
  }

  private List<OrgUnit> villagesOfTownships(Collection<OrgUnit> townships) {
    return ofType(children(ofType(townships, OrgUnitType.TOWNSHIP)), OrgUnitType.VILLAGE);
  }

  private List<OrgUnit> children(Collection<OrgUnit> parents) {
    if (parents.isEmpty()) {
      return List.of();
    }
    return units.findByParentCodeInOrderByCode(parents.stream().map(OrgUnit::getCode).toList());
  }

  private List<OrgUnit> parents(Collection<OrgUnit> children) {
    Set<String> codes = new LinkedHashSet<>();
    children.stream().map(OrgUnit::getParentCode).filter(java.util.Objects::nonNull).forEach(codes::add);
    return codes.isEmpty() ? List.of() : units.findByCodeIn(codes);
  }

  private static List<OrgUnit> ofType(Collection<OrgUnit> list, OrgUnitType type) {
    Predicate<OrgUnit> ofType = unit -> unit.getType() == type;
    return list.stream().filter(ofType).toList();
  }
}
