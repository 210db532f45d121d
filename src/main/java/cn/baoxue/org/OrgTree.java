package cn.baoxue.org;

import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.kernel.identity.Jurisdiction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the jurisdiction tree: which township and county a school or village belongs to. */
@Service
@Transactional(readOnly = true)
public class OrgTree {

  private final OrgUnitRepository units;

  public OrgTree(OrgUnitRepository units) {
    this.units = units;
  }

  public Optional<OrgUnit> find(String code, OrgUnitType type) {
    if (code == null) {
      return Optional.empty();
    }
    return units.findById(code).filter(unit -> unit.getType() == type);
  }

  /** A unit to choose on a page: its code (the value sent) and its name, indented by its level. */
  public record UnitChoice(String code, String label) {}

  /**
   * The units of a jurisdiction, for the unit filters of the pages: each unit the user works for
   * and every unit under it, by name, in tree order (县, its 乡镇, their 村 and schools).
   */
  public List<UnitChoice> unitsWithin(Jurisdiction jurisdiction) {
    List<OrgUnit> all = units.findAll(Sort.by("code"));
    Map<String, List<OrgUnit>> children = new HashMap<>();
    for (OrgUnit unit : all) {
      children.computeIfAbsent(unit.getParentCode(), parent -> new ArrayList<>()).add(unit);
    }
    List<OrgUnit> roots = jurisdiction.isEverywhere() ? children.getOrDefault(null, List.of())
        : all.stream().filter(unit -> jurisdiction.unitCodes().contains(unit.getCode())).toList();
    List<UnitChoice> choices = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    roots.forEach(root -> addTree(root, 0, children, seen, choices));
    return choices;
  }

  private static void addTree(OrgUnit unit, int depth, Map<String, List<OrgUnit>> children, Set<String> seen,
      List<UnitChoice> choices) {
    // A county's departments answer referrals; they hold no cases to filter by.
    if (unit.getType() == OrgUnitType.DEPARTMENT || !seen.add(unit.getCode())) {
      return;
    }
    choices.add(new UnitChoice(unit.getCode(), "　".repeat(depth) + unit.getName()));
    children.getOrDefault(unit.getCode(), List.of()).forEach(child -> addTree(child, depth + 1, children, seen, choices));
  }

  /** The unit's name for pages, or the bare code if the unit is unknown. */
  public String name(String code) {
    return code == null ? "" : units.findById(code).map(OrgUnit::getName).orElse(code);
  }

  /** A case's or child's school by name; 无学籍 for a child with none. */
  public String schoolName(String schoolCode) {
    return schoolCode == null ? CaseJurisdiction.NO_SCHOOL : name(schoolCode);
  }

  /**
   * The supervising groups above a county, nearest first: its prefecture's bureau (市教育局) and
   * its province's department (省教育厅), those the tree has; none for a county at the top.
   */
  public List<String> groupsAboveCounty(String countyCode) {
    List<String> groups = new ArrayList<>();
    Optional<OrgUnit> county = find(countyCode, OrgUnitType.COUNTY);
    county.flatMap(c -> ancestor(c, OrgUnitType.PREFECTURE)).ifPresent(p -> groups.add(GroupIds.prefecture(p.getCode())));
    county.flatMap(c -> ancestor(c, OrgUnitType.PROVINCE)).ifPresent(p -> groups.add(GroupIds.province(p.getCode())));
    return groups;
  }

  /** The nearest ancestor of the given type, the unit itself included. */
  public Optional<OrgUnit> ancestor(OrgUnit unit, OrgUnitType type) {
    OrgUnit current = unit;
    while (current != null && current.getType() != type) {
      current = current.getParentCode() == null ? null : units.findById(current.getParentCode()).orElse(null);
    }
    return Optional.ofNullable(current);
  }

  /** The code of the county a unit (school, village, township or county) belongs to. */
  public Optional<String> countyOf(String code) {
    return code == null ? Optional.empty()
        : units.findById(code).flatMap(unit -> ancestor(unit, OrgUnitType.COUNTY)).map(OrgUnit::getCode);
  }

  /**
   * Where a person of a register lives and learns, as a form sends it: her home village (required)
   * and school (optional, in the same county), within the reach of the one registering her. Each
   * problem goes to its field; null when the village is unknown. One rule for every register placed
   * like a case (结对关爱, 残疾儿童).
   *
   * @param villageLabel how the form names the village field (所在村, 户籍村)
   */
  public CaseJurisdiction placeOf(String villageRaw, String schoolRaw, String villageLabel, Jurisdiction reach,
      cn.baoxue.kernel.validation.Inputs in) {
    String villageCode = in.text("villageCode", villageRaw, villageLabel, true, 16);
    String schoolCode = in.text("schoolCode", schoolRaw, "就读学校", false, 16);
    Optional<OrgUnit> village = Optional.empty();
    if (villageCode != null && in.fine("villageCode")) {
      village = find(villageCode, OrgUnitType.VILLAGE);
      if (village.isEmpty()) {
        in.problem("villageCode", "没有这个村：" + villageCode);
      }
    }
    OrgUnit school = null;
    if (schoolCode != null && in.fine("schoolCode")) {
      school = find(schoolCode, OrgUnitType.SCHOOL).orElse(null);
      if (school == null) {
        in.problem("schoolCode", "没有这所学校：" + schoolCode);
      }
    }
    if (village.isEmpty()) {
      return null;
    }
    CaseJurisdiction place = jurisdictionOf(school, village.get());
    if (!reach.covers(place.village().getCode(), place.township().getCode(), place.county().getCode())) {
      in.problem("villageCode", place.village().getName() + "不在您的管辖范围内");
    }
    if (school != null && !countyOf(school.getCode()).orElse("").equals(place.county().getCode())) {
      in.problem("schoolCode", school.getName() + "不在" + place.county().getName() + "，请填写本县的学校");
    }
    return place;
  }

  /**
   * Where a case belongs. The township and county are those of the child's home village: the
   * township government answers for the children living in it (属地管理), wherever they study.
   */
  public CaseJurisdiction jurisdictionOf(OrgUnit school, OrgUnit village) {
    OrgUnit township = ancestor(village, OrgUnitType.TOWNSHIP).orElseThrow();
    OrgUnit county = ancestor(township, OrgUnitType.COUNTY).orElseThrow();
    return new CaseJurisdiction(school, village, township, county);
  }
}
