package cn.baoxue.org;

import cn.baoxue.kernel.identity.GroupIds;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Who someone is in the work, for records people read: "李明华（教师，长安村小学）". */
@Component
public class Roles {

  private final StaffDirectory staff;
  private final OrgTree orgTree;

  public Roles(StaffDirectory staff, OrgTree orgTree) {
    this.staff = staff;
    this.orgTree = orgTree;
  }

  public String describe(String userId) {
    if (userId == null) {
      return "系统";
    }
    List<String> roles = new ArrayList<>();
    List<String> groups = staff.groupIdsOf(userId);
    for (String group : groups) {
      String code = GroupIds.unitCode(group);
      String unit = code == null ? null : orgTree.name(code);
      if (group.startsWith("school_")) {
        roles.add((groups.contains(GroupIds.PRINCIPALS) ? "校长，" : "教师，") + unit);
      } else if (group.startsWith("village_")) {
        roles.add("村干部，" + unit);
      } else if (group.startsWith("township_")) {
        roles.add("乡镇干部，" + unit);
      } else if (group.startsWith("county_")) {
        roles.add(unit + "教育局");
      } else if (group.startsWith("womenfed_")) {
        roles.add(unit + "妇联");
      } else if (group.equals(GroupIds.AUDITORS)) {
        roles.add("督导审计");
      } else if (group.equals(GroupIds.ADMINS)) {
        roles.add("系统管理员");
      }
    }
    String name = staff.fullName(userId);
    return roles.isEmpty() ? name : name + "（" + String.join("；", roles) + "）";
  }
}
