package cn.baoxue.kernel.identity;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

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
      if (unitCodes.contains(code)) {
        return true;
      }
    }
    return false;
  }
}
