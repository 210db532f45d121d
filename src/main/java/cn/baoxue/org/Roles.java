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
      switch (GroupIds.kindOf(group)) {
        case SCHOOL -> roles.add((groups.contains(GroupIds.PRINCIPALS) ? "校长，" : "教师，") + unit);
        case VILLAGE -> roles.add("村干部，" + unit);
        case TOWNSHIP -> roles.add("乡镇干部，" + unit);
        case COUNTY -> roles.add(unit + "教育局");
        case WOMEN_FEDERATION -> roles.add(unit + "妇联");
        case AUDITORS -> roles.add("督导审计");
        case ADMINS -> roles.add("系统管理员");
        case PRINCIPALS, OTHER -> { }
      }
    }
    String name = staff.fullName(userId);
    return roles.isEmpty() ? name : name + "（" + String.join("；", roles) + "）";
  }
}
