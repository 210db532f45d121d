package cn.baoxue.org;

import cn.baoxue.kernel.identity.OrgUnitType;
import java.util.Optional;
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

  /** The unit's name for pages, or the bare code if the unit is unknown. */
  public String name(String code) {
    return code == null ? "" : units.findById(code).map(OrgUnit::getName).orElse(code);
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
   * Where a case belongs. The township and county are those of the child's home village: the
   * township government answers for the children living in it (属地管理), wherever they study.
   */
  public CaseJurisdiction jurisdictionOf(OrgUnit school, OrgUnit village) {
    OrgUnit township = ancestor(village, OrgUnitType.TOWNSHIP).orElseThrow();
    OrgUnit county = ancestor(township, OrgUnitType.COUNTY).orElseThrow();
    return new CaseJurisdiction(school, village, township, county);
  }
}
