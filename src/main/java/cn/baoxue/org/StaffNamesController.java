package cn.baoxue.org;

import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Staff;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/staff/names?ids=teacher-changan,cadre-changan}: the names of colleagues, family
 * name first ({"teacher-changan": "李明华"}), for Tasklist, which shows a task's assignee and the
 * people in a task's history by login id wherever the engine does not let the reader see the
 * colleague's profile (an official looking at a teacher's task, an auditor at anyone's).
 * Only staff of the reader's own county are named (auditors and administrators: everyone); an
 * unknown id, or one outside, is left out, so the answer reveals nothing beyond the county.
 * {@code GET /api/staff/units} does the same for the units a task is offered to.
 */
@RestController
class StaffNamesController {

  private static final Pattern LOGIN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final int MOST = 50;

  private final StaffDirectory directory;
  private final OrgTree orgTree;

  StaffNamesController(StaffDirectory directory, OrgTree orgTree) {
    this.directory = directory;
    this.orgTree = orgTree;
  }

  @GetMapping("/api/staff/names")
  Map<String, String> names(@RequestParam String ids, Staff staff) {
    Set<String> readersCounties = staff.jurisdiction().isEverywhere() ? null : countiesOf(staff.groupIds());
    Map<String, String> names = new LinkedHashMap<>();
    Arrays.stream(ids.split(",")).map(String::trim).filter(id -> LOGIN_ID.matcher(id).matches())
        .distinct().limit(MOST).forEach(id -> {
          User user = directory.user(id);
          if (user == null) {
            return;
          }
          if (readersCounties != null && countiesOf(directory.groupIdsOf(id)).stream().noneMatch(readersCounties::contains)) {
            return;
          }
          names.put(id, directory.fullName(id));
        });
    return names;
  }

  /**
   * {@code GET /api/staff/units?groups=school_5306270001}: the names of the units whose groups a
   * task is offered to ({"school_5306270001": "长安村小学"}), which Tasklist shows by group id to
   * whoever may not read the group. Unit names are no secret; other groups are left out.
   */
  @GetMapping("/api/staff/units")
  Map<String, String> units(@RequestParam String groups) {
    Map<String, String> names = new LinkedHashMap<>();
    Arrays.stream(groups.split(",")).map(String::trim).filter(id -> LOGIN_ID.matcher(id).matches())
        .filter(id -> GroupIds.unitCode(id) != null).distinct().limit(MOST).forEach(id -> {
          String name = directory.groupName(id);
          if (!name.equals(id)) {
            names.put(id, name);
          }
        });
    return names;
  }

  private Set<String> countiesOf(List<String> groupIds) {
    return groupIds.stream().map(GroupIds::unitCode).filter(Objects::nonNull)
        .map(orgTree::countyOf).flatMap(Optional::stream).collect(Collectors.toSet());
  }
}
