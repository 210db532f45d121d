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
 * The auditors of a county, prefecture or province read what its staff read; the deployment's
 * auditors read everything.
 * The counties below a prefecture or province are those whose administrative code begins with its
 * leading digits (GB/T 2260; the org import holds every county to it), so a case, which carries its
 * county's code, is placed without a walk up the tree.
 */
public final class Jurisdiction {

  private final Set<String> unitCodes = new HashSet<>();
  /** Leading digits of the counties below the user's prefectures and provinces ("5306", "53"). */
  private final Set<String> countyPrefixes = new HashSet<>();
  private final boolean everywhere;

  /** The groups read, for {@link #forDisabledChildren()}. */
  private final List<String> groupIds;

  private Jurisdiction(Collection<String> groupIds) {
    this.groupIds = List.copyOf(groupIds);
    for (String group : groupIds) {
      // A unit's auditors read what its staff read.
      String groupId = GroupIds.kindOf(group) == GroupIds.Kind.UNIT_AUDITORS ? GroupIds.auditedGroup(group) : group;
      String code = GroupIds.unitCode(groupId);
      // A department sees the referrals sent to it, never the cases or ledgers of its county; an
      // expert committee its county's disabled children only (forDisabledChildren).
      if (code != null && GroupIds.kindOf(groupId) != GroupIds.Kind.DEPARTMENT && GroupIds.kindOf(groupId) != GroupIds.Kind.EXPERTS) {
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

  /**
   * The reach over the register of disabled children (残疾儿童安置): this one, plus the county of
   * each expert committee (残疾人教育专家委员会) the user sits on — the committee reads and assesses
   * its county's disabled children, and nothing else of the county.
   */
  public Jurisdiction forDisabledChildren() {
    List<String> groups = new java.util.ArrayList<>(groupIds);
    groupIds.stream().map(GroupIds::countyOfExperts).filter(java.util.Objects::nonNull).map(GroupIds::county).forEach(groups::add);
    return new Jurisdiction(groups);
  }

  public boolean isEverywhere() {
    return everywhere;
  }

  public Set<String> unitCodes() {
    return Set.copyOf(unitCodes);
  }

  /**
   * True if any of the given codes (school, village, township, county) is one of the user's units,
   * or a county (or prefecture) below her prefecture or province. The leading digits are matched on
   * administrative codes only: a school's or township's code that happens to begin with them is not
   * thereby hers, so a prefecture does not pass for the school whose staff alone keep its roll.
   */
  public boolean covers(String... codes) {
    if (everywhere) {
      return true;
    }
    for (String code : codes) {
      if (code != null && (unitCodes.contains(code) || isCountyBelow(code))) {
        return true;
      }
    }
    return false;
  }

  private boolean isCountyBelow(String code) {
    return code.length() == OrgUnitType.COUNTY.codeLength() && countyPrefixes.stream().anyMatch(code::startsWith);
  }

  /**
   * The one way a query keeps to this jurisdiction: a SQL condition over the unit code columns of
   * the row (a case's or a pupil's school, village, township, county), true where any of them is
   * one of the user's units, with its named parameter {@code :units}; the last column is the
   * county's, which a prefecture or province matches by its leading digits. Everywhere: no
   * condition; no unit at all: nothing.
   */
  public SqlScope sqlScope(String... unitColumns) {
    return sqlScope(List.of(unitColumns).subList(0, unitColumns.length - 1), List.of(unitColumns[unitColumns.length - 1]));
  }

  /**
   * As above, for rows with more than one county column (a finding's run county and the county of
   * the school that holds the child's 学籍): each is matched by a prefecture's or province's leading
   * digits.
   */
  public SqlScope sqlScope(List<String> unitColumns, List<String> countyColumns) {
    if (everywhere) {
      return new SqlScope("1 = 1", Map.of());
    }
    if (unitCodes.isEmpty()) {
      return new SqlScope("1 = 0", Map.of());
    }
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    params.put("units", List.copyOf(unitCodes));
    List<String> conditions = new java.util.ArrayList<>(Stream.concat(unitColumns.stream(), countyColumns.stream())
        .map(column -> column + " in (:units)").toList());
    // Below a prefecture or province: the county columns by their leading digits.
    int n = 0;
    for (String prefix : countyPrefixes.stream().sorted().toList()) {
      String name = "unitPrefix" + n++;
      params.put(name, prefix + "%");
      countyColumns.forEach(column -> conditions.add(column + " like :" + name));
    }
    return new SqlScope(conditions.stream().collect(Collectors.joining(" or ", "(", ")")), params);
  }

  /** A condition for a WHERE clause and the parameters it names. */
  public record SqlScope(String condition, Map<String, Object> params) {}
}
