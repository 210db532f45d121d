package cn.baoxue.kernel.identity;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The org units a user answers for, read from her groups: a teacher her school, a cadre his
 * village, an official her township, the bureau and the women's federation their county, the
 * prefecture's bureau (市教育局) and the province's department (省教育厅) every county below them.
 * The counties below a prefecture or province are those whose administrative code begins with its
 * leading digits (GB/T 2260; the org import holds every county to it), so a case, which carries its
 * county's code, is placed without a walk up the tree.
 */
public final class Jurisdiction {

  private final Set<String> unitCodes = new HashSet<>();
  /** Leading digits of the counties below the user's prefectures and provinces ("5306", "53"). */
  private final Set<String> countyPrefixes = new HashSet<>();
  private final boolean everywhere;

  private Jurisdiction(Collection<String> groupIds) {
    for (String groupId : groupIds) {
      String code = GroupIds.unitCode(groupId);
      // A department sees the referrals sent to it, never the cases or ledgers of its county.
      if (code != null && GroupIds.kindOf(groupId) != GroupIds.Kind.DEPARTMENT) {
        unitCodes.add(code);
        GroupIds.Kind kind = GroupIds.kindOf(groupId);
        OrgUnitType type = kind == GroupIds.Kind.PREFECTURE ? OrgUnitType.PREFECTURE
            : kind == GroupIds.Kind.PROVINCE ? OrgUnitType.PROVINCE : null;
        if (type != null && code.length() >= type.digitsSharedBelow()) {
          countyPrefixes.add(code.substring(0, type.digitsSharedBelow()));
        }
      }
    }
    // Auditors and administrators read every case; auditors change nothing (enforced elsewhere).
    this.everywhere = groupIds.contains(GroupIds.AUDITORS) || groupIds.contains(GroupIds.ADMINS);
  }

  public static Jurisdiction ofGroups(Collection<String> groupIds) {
    return new Jurisdiction(groupIds);
  }

  public boolean isEverywhere() {
    return everywhere;
  }

  public Set<String> unitCodes() {
    return Set.copyOf(unitCodes);
  }

  /** True if any of the given codes (school, village, township, county) is one of the user's units. */
  public boolean covers(String... codes) {
    if (everywhere) {
      return true;
    }
    for (String code : codes) {
      if (code != null && (unitCodes.contains(code) || countyPrefixes.stream().anyMatch(code::startsWith))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The one way a query keeps to this jurisdiction: a SQL condition over the unit code columns of
   * the row (a case's or a pupil's school, village, township, county), true where any of them is
   * one of the user's units, with its named parameter {@code :units}. Everywhere: no condition;
   * no unit at all: nothing.
   */
  public SqlScope sqlScope(String... unitColumns) {
    if (everywhere) {
      return new SqlScope("1 = 1", Map.of());
    }
    if (unitCodes.isEmpty()) {
      return new SqlScope("1 = 0", Map.of());
    }
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    params.put("units", List.copyOf(unitCodes));
    List<String> conditions = new java.util.ArrayList<>(Stream.of(unitColumns).map(column -> column + " in (:units)").toList());
    // Below a prefecture or province: the county column (the last one given) by its leading digits.
    int n = 0;
    for (String prefix : countyPrefixes.stream().sorted().toList()) {
      String name = "unitPrefix" + n++;
      params.put(name, prefix + "%");
      conditions.add(unitColumns[unitColumns.length - 1] + " like :" + name);
    }
    return new SqlScope(conditions.stream().collect(Collectors.joining(" or ", "(", ")")), params);
  }

  /** A condition for a WHERE clause and the parameters it names. */
  public record SqlScope(String condition, Map<String, Object> params) {}
}
