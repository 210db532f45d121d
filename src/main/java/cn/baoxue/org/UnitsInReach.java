package cn.baoxue.org;

import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.kernel.identity.OrgUnitType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The units whose codes a member of staff types into her files (学校代码, 村代码, 单位代码), with
 * their names, for the code sheet of the import templates: the schools she answers for, and the
 * villages their pupils come from (every village of those schools' townships, and of the units she
 * answers for).
 */
@Component
public class UnitsInReach {

  /** A unit as a template lists it: its code, its name, and the township or county it lies in. */
  public record Unit(String code, String name, OrgUnitType type, String within) {}

  private final JdbcClient jdbc;

  UnitsInReach(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Schools within the jurisdiction, by code. (A text block drops its trailing spaces: the condition gets its own.) */
  public List<Unit> schools(Jurisdiction jurisdiction) {
    Jurisdiction.SqlScope scope = jurisdiction.sqlScope("s.code", "v.code", "t.code", "t.parent_code");
    return jdbc.sql("""
            select s.code, s.name, t.name || v.name from org_unit s
            join org_unit v on v.code = s.parent_code join org_unit t on t.code = v.parent_code
            where s.unit_type = 'SCHOOL' and""" + " " + scope.condition() + " order by s.code")
        .params(scope.params())
        .query((rs, n) -> new Unit(rs.getString(1), rs.getString(2), OrgUnitType.SCHOOL, rs.getString(3)))
        .list();
  }

  /** Villages within the jurisdiction and those of the townships of its schools, by code. */
  public List<Unit> villages(Jurisdiction jurisdiction) {
    Jurisdiction.SqlScope schoolScope = jurisdiction.sqlScope("s.code", "v.code", "t.code", "t.parent_code");
    List<String> townships = jdbc.sql("""
            select distinct t.code from org_unit s
            join org_unit v on v.code = s.parent_code join org_unit t on t.code = v.parent_code
            where s.unit_type = 'SCHOOL' and""" + " " + schoolScope.condition())
        .params(schoolScope.params())
        .query(String.class)
        .list();
    Jurisdiction.SqlScope scope = jurisdiction.sqlScope("v.code", "t.code", "t.parent_code");
    Map<String, Object> params = new HashMap<>(scope.params());
    String condition = scope.condition();
    if (!townships.isEmpty()) {
      condition = "(" + condition + " or t.code in (:schoolTownships))";
      params.put("schoolTownships", townships);
    }
    return jdbc.sql("""
            select v.code, v.name, t.name from org_unit v join org_unit t on t.code = v.parent_code
            where v.unit_type = 'VILLAGE' and""" + " " + condition + " order by v.code")
        .params(params)
        .query((rs, n) -> new Unit(rs.getString(1), rs.getString(2), OrgUnitType.VILLAGE, rs.getString(3)))
        .list();
  }

  /** Every unit of the tree, by level and code: an administrator's files name any of them. */
  public List<Unit> all() {
    return jdbc.sql("""
            select u.code, u.name, u.unit_type, p.name from org_unit u left join org_unit p on p.code = u.parent_code
            order by case u.unit_type when 'COUNTY' then 1 when 'TOWNSHIP' then 2 when 'VILLAGE' then 3 else 4 end, u.code""")
        .query((rs, n) -> new Unit(rs.getString(1), rs.getString(2), OrgUnitType.valueOf(rs.getString(3)), rs.getString(4)))
        .list();
  }
}
