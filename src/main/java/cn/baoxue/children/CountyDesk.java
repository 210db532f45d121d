package cn.baoxue.children;

import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Staff;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who answers for one record per child (一人一档) in a county: the county bureau (县教育局) lists and
 * merges its own county's children; a county's auditors read its list, the deployment's auditors and
 * administrators every county's, and auditors merge nothing. A school, village or township sees a
 * child only through its cases and rosters: two records of one child often lie in two townships,
 * which only the county sees together.
 */
final class CountyDesk {

  static final String NOT_FOR_YOU = "只有县教育局和督导审计可以查看疑似重复的儿童记录";
  static final String ONLY_THE_BUREAU = "只有本县教育局可以合并儿童记录";

  private CountyDesk() {}

  /** The counties whose list the caller reads; empty for every county (auditors, administrators). */
  static Optional<Set<String>> countiesRead(Staff staff) {
    if (staff.jurisdiction().isEverywhere()) {
      return Optional.empty();
    }
    Set<String> counties = readCounties(staff);
    if (counties.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, NOT_FOR_YOU);
    }
    return Optional.of(counties);
  }

  /** The counties whose bureau the staff member works for: the counties she merges in. */
  static Set<String> bureauCounties(Staff staff) {
    return counties(staff, false);
  }

  /** The counties whose list the staff member reads: her bureau's, and those whose auditors she is. */
  private static Set<String> readCounties(Staff staff) {
    return counties(staff, true);
  }

  private static Set<String> counties(Staff staff, boolean audited) {
    Set<String> counties = new LinkedHashSet<>();
    for (String groupId : staff.groupIds()) {
      String unitGroup = audited && GroupIds.kindOf(groupId) == GroupIds.Kind.UNIT_AUDITORS ? GroupIds.auditedGroup(groupId) : groupId;
      if (GroupIds.kindOf(unitGroup) == GroupIds.Kind.COUNTY) {
        counties.add(GroupIds.unitCode(unitGroup));
      }
    }
    return counties;
  }

  static boolean mergesIn(Staff staff, String countyCode) {
    return staff.isMemberOf(GroupIds.county(countyCode));
  }
}
