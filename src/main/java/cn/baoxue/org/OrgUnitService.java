package cn.baoxue.org;

import cn.baoxue.kernel.identity.OrgUnitType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds, renames and moves org units, keeping their staff groups in Camunda in step. */
@Service
public class OrgUnitService {

  private final OrgUnitRepository units;
  private final StaffGroups staffGroups;

  public OrgUnitService(OrgUnitRepository units, StaffGroups staffGroups) {
    this.units = units;
    this.staffGroups = staffGroups;
  }

  @Transactional
  public OrgUnit register(String code, String name, OrgUnitType type, String parentCode) {
    if (code == null || !code.matches("[0-9]{" + type.codeLength() + "}")) {
      throw new IllegalArgumentException(type.label() + "代码须为" + type.codeLength() + "位数字：" + code);
    }
    OrgUnit unit = units.findById(code).orElseGet(() -> new OrgUnit(code, name, type, parentCode));
    unit.setName(name);
    unit.setParentCode(parentCode);
    units.save(unit);
    staffGroups.ensureUnitGroup(unit);
    if (type == OrgUnitType.COUNTY) {
      staffGroups.ensureWomenFederationGroup(unit);
      staffGroups.ensureExpertsGroup(unit);
    }
    if (type.hasAuditors()) {
      staffGroups.ensureAuditorsGroup(unit);
    }
    return unit;
  }
}
