package cn.baoxue.reports;

import cn.baoxue.org.OrgTree;
import cn.baoxue.org.OrgUnit;
import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.kernel.identity.Staff;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a report counts: the org unit (province, prefecture, county, township, village or school) and the date range in
 * which cases were opened. Staff read the units they answer for and those below them.
 */
record ReportScope(OrgUnit unit, LocalDate from, LocalDate to) {

  /** The counties below the unit {@code :unit}: a prefecture's, or a province's (through its prefectures or directly). */
  private static final String COUNTIES_OF_PREFECTURE = "select k.code from org_unit k where k.parent_code = :unit";
  private static final String COUNTIES_OF_PROVINCE = "select k.code from org_unit k left join org_unit p on k.parent_code = p.code"
      + " where k.unit_type = 'COUNTY' and (k.parent_code = :unit or p.parent_code = :unit)";

  /** The condition that places a case in the unit {@code :unit}. */
  String caseCondition() {
    return switch (unit.getType()) {
      case PROVINCE -> "c.county_code in (" + COUNTIES_OF_PROVINCE + ")";
      case PREFECTURE -> "c.county_code in (" + COUNTIES_OF_PREFECTURE + ")";
      case COUNTY -> "c.county_code = :unit";
      case TOWNSHIP -> "c.township_code = :unit";
      case VILLAGE -> "c.village_code = :unit";
      case SCHOOL -> "c.school_code = :unit";
      // A department holds no cases of its own (its referrals are counted in the county's report).
      case DEPARTMENT -> "1 = 0";
    };
  }

  /**
   * Students of a school are its pupils; those of a village, township or county are the children
   * living there (属地), like the cases.
   */
  String studentCondition() {
    return switch (unit.getType()) {
      case SCHOOL -> "s.school_code = :unit";
      case DEPARTMENT -> "1 = 0";
      case VILLAGE -> "s.village_code = :unit";
      case TOWNSHIP -> "s.village_code in (select v.code from org_unit v where v.parent_code = :unit)";
      case COUNTY ->
          "s.village_code in (select v.code from org_unit v join org_unit t on v.parent_code = t.code where t.parent_code = :unit)";
      case PREFECTURE, PROVINCE ->
          "s.village_code in (select v.code from org_unit v join org_unit t on v.parent_code = t.code where t.parent_code in ("
              + (unit.getType() == cn.baoxue.kernel.identity.OrgUnitType.PREFECTURE ? COUNTIES_OF_PREFECTURE : COUNTIES_OF_PROVINCE) + "))";
    };
  }

  LocalDateTime fromTime() {
    return (from == null ? LocalDate.of(1900, 1, 1) : from).atStartOfDay();
  }

  LocalDateTime toTimeExclusive() {
    return (to == null ? LocalDate.of(9999, 1, 1) : to.plusDays(1)).atStartOfDay();
  }

  @Component
  static class Resolver {

    private final OrgTree orgTree;

    Resolver(OrgTree orgTree) {
      this.orgTree = orgTree;
    }

    ReportScope resolve(String code, LocalDate from, LocalDate to, Staff staff) {
      if (from != null && to != null && from.isAfter(to)) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "开始日期不能晚于结束日期");
      }
      OrgUnit unit = unit(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个单位：" + code));
      if (!covers(staff, unit)) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "您无权查看" + unit.getName() + "的统计");
      }
      return new ReportScope(unit, from, to);
    }

    private Optional<OrgUnit> unit(String code) {
      if (code == null) {
        return Optional.empty();
      }
      for (OrgUnitType type : OrgUnitType.values()) {
        Optional<OrgUnit> unit = orgTree.find(code.trim(), type);
        if (unit.isPresent()) {
          return unit;
        }
      }
      return Optional.empty();
    }

    /** The unit itself or one of its ancestors is the staff's; auditors and admins read all. */
    private boolean covers(Staff staff, OrgUnit unit) {
      if (staff.jurisdiction().isEverywhere()) {
        return true;
      }
      for (OrgUnitType type : OrgUnitType.values()) {
        Optional<OrgUnit> ancestor = orgTree.ancestor(unit, type);
        if (ancestor.isPresent() && staff.jurisdiction().covers(ancestor.get().getCode())) {
          return true;
        }
      }
      return false;
    }
  }
}
