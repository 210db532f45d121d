package cn.baoxue.reconciliation;

import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.kernel.identity.Staff;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The area a member of staff runs a comparison for, read from her groups (kernel.identity), never from a request. */
@Component
class RunAreas {

  private final JdbcClient jdbc;

  RunAreas(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Unit(String code, String type, String parent) {}

  RunArea of(Staff staff) {
    List<String> counties = unitsOf(staff, GroupIds.Kind.COUNTY);
    List<String> townships = unitsOf(staff, GroupIds.Kind.TOWNSHIP);
    if (counties.size() + townships.size() != 1) {
      // Nobody else compares registries; one who answers for two areas says which by her account.
      throw new AccessDeniedException(counties.isEmpty() && townships.isEmpty()
          ? "只有县教育局和乡镇的工作人员可以进行四查三比对"
          : "您的账号属于多个县或乡镇，无法确定比对范围，请联系系统管理员");
    }
    Map<String, Unit> units = new HashMap<>();
    jdbc.sql("select code, unit_type, parent_code from org_unit")
        .query((rs, n) -> units.put(rs.getString(1), new Unit(rs.getString(1), rs.getString(2), rs.getString(3))))
        .list();
    String areaCode = counties.isEmpty() ? townships.get(0) : counties.get(0);
    String countyCode = counties.isEmpty() ? ancestor(units, areaCode, OrgUnitType.COUNTY) : areaCode;
    if (!units.containsKey(areaCode) || countyCode == null) {
      throw new AccessDeniedException("您所在的单位不在组织机构中，无法进行四查三比对");
    }
    Map<String, String> townshipOfVillage = new HashMap<>();
    Set<String> areaVillages = new HashSet<>();
    Map<String, RunArea.School> schools = new HashMap<>();
    for (Unit unit : units.values()) {
      if (unit.type().equals(OrgUnitType.VILLAGE.name())) {
        String township = ancestor(units, unit.code(), OrgUnitType.TOWNSHIP);
        townshipOfVillage.put(unit.code(), township);
        if (areaCode.equals(township) || areaCode.equals(ancestor(units, unit.code(), OrgUnitType.COUNTY))) {
          areaVillages.add(unit.code());
        }
      } else if (unit.type().equals(OrgUnitType.SCHOOL.name())) {
        schools.put(unit.code(), new RunArea.School(unit.code(), ancestor(units, unit.code(), OrgUnitType.VILLAGE),
            ancestor(units, unit.code(), OrgUnitType.COUNTY)));
      }
    }
    return new RunArea(areaCode, countyCode, townshipOfVillage, areaVillages, schools);
  }

  private static List<String> unitsOf(Staff staff, GroupIds.Kind kind) {
    return staff.groupIds().stream().filter(group -> GroupIds.kindOf(group) == kind).map(GroupIds::unitCode).toList();
  }

  private static String ancestor(Map<String, Unit> units, String code, OrgUnitType type) {
    Unit unit = units.get(code);
    for (int depth = 0; unit != null && depth < 10; depth++) {
      if (unit.type().equals(type.name())) {
        return unit.code();
      }
      unit = unit.parent() == null ? null : units.get(unit.parent());
    }
    return null;
  }
}
