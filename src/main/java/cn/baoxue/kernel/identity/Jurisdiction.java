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
 * village, an official her township, the bureau and the women's federation their county.
 */
public final class Jurisdiction {

  private final Set<String> unitCodes = new HashSet<>();
  private final boolean everywhere;

  private Jurisdiction(Collection<String> groupIds) {
    for (String groupId : groupIds) {
      String code = GroupIds.unitCode(groupId);
      if (code != null) {
        unitCodes.add(code);
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
      if (code != null && unitCodes.contains(code)) {
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
    String condition = Stream.of(unitColumns).map(column -> column + " in (:units)").collect(Collectors.joining(" or ", "(", ")"));
    return new SqlScope(condition, Map.of("units", List.copyOf(unitCodes)));
  }

  /** A condition for a WHERE clause and the parameters it names. */
  public record SqlScope(String condition, Map<String, Object> params) {}
}
