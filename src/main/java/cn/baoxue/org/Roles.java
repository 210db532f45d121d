package cn.baoxue.org;

import cn.baoxue.kernel.identity.GroupIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who someone is in the work, for whatever people read: names with the family name first and units
 * by name ("李明华（教师，长安村小学）", "赵文斌（尖山乡）", "尖山乡"), never a login id or a group id.
 * Templates call it as {@code @roles}.
 */
@Component
public class Roles {

  /** Shown for the engine's and Baoxue's own steps (timers, listeners, imports). */
  public static final String SYSTEM = "系统";

  private final StaffDirectory staff;
  private final OrgTree orgTree;

  public Roles(StaffDirectory staff, OrgTree orgTree) {
    this.staff = staff;
    this.orgTree = orgTree;
  }

  /** "李明华（教师，长安村小学）": the name with the person's roles and units. */
  public String describe(String userId) {
    if (userId == null) {
      return SYSTEM;
    }
    List<String> roles = new ArrayList<>();
    List<String> groups = staff.groupIdsOf(userId);
    for (String group : groups) {
      String unit = unitName(group);
      switch (GroupIds.kindOf(group)) {
        case SCHOOL -> roles.add((groups.contains(GroupIds.PRINCIPALS) ? "校长，" : "教师，") + unit);
        case VILLAGE -> roles.add("村干部，" + unit);
        case TOWNSHIP -> roles.add("乡镇干部，" + unit);
        case COUNTY, PREFECTURE -> roles.add(unit + "教育局");
        case PROVINCE -> roles.add(unit + "教育厅");
        case WOMEN_FEDERATION -> roles.add(unit + "妇联");
        case DEPARTMENT -> roles.add(unit);
        case EXPERTS -> roles.add(group(group));
        case AUDITORS -> roles.add("督导审计");
        case UNIT_AUDITORS -> roles.add(group(group));
        case ADMINS -> roles.add("系统管理员");
        case PRINCIPALS, OTHER -> { }
      }
    }
    String name = name(userId);
    roles.remove(name);
    return roles.isEmpty() ? name : name + "（" + String.join("；", roles) + "）";
  }

  /** "赵文斌（尖山乡）": the name with the units the person works for, short enough for a table cell. */
  public String person(String userId) {
    if (userId == null) {
      return SYSTEM;
    }
    Set<String> units = new LinkedHashSet<>();
    for (String group : staff.groupIdsOf(userId)) {
      switch (GroupIds.kindOf(group)) {
        case SCHOOL, VILLAGE, TOWNSHIP, COUNTY, PREFECTURE, PROVINCE, WOMEN_FEDERATION, DEPARTMENT -> units.add(group(group));
        case AUDITORS, UNIT_AUDITORS, ADMINS, EXPERTS -> units.add(group(group));
        case PRINCIPALS, OTHER -> { }
      }
    }
    String name = name(userId);
    units.remove(name);
    return units.isEmpty() ? name : name + "（" + String.join("、", units) + "）";
  }

  /**
   * "李明华": the name alone; an unknown id (a record of a deleted account, an import's source)
   * stays as recorded, since it is all there is.
   */
  public String name(String userId) {
    return userId == null ? SYSTEM : staff.fullName(userId);
  }

  /** A group as the unit or role it stands for: "尖山乡", "镇雄县教育局", "督导审计". */
  public String group(String groupId) {
    if (groupId == null) {
      return "";
    }
    return switch (GroupIds.kindOf(groupId)) {
      case SCHOOL, VILLAGE, TOWNSHIP, DEPARTMENT -> unitName(groupId);
      case COUNTY, PREFECTURE -> unitName(groupId) + "教育局";
      case PROVINCE -> unitName(groupId) + "教育厅";
      case WOMEN_FEDERATION -> unitName(groupId) + "妇联";
      case EXPERTS -> unitName(groupId) + "残疾人教育专家委员会";
      case PRINCIPALS -> "校长";
      case AUDITORS -> "督导审计";
      case UNIT_AUDITORS -> unitName(GroupIds.auditedGroup(groupId)) + "督导审计";
      case ADMINS -> "系统管理员";
      case OTHER -> groupId;
    };
  }

  /**
   * Who had a task: a person ("李明华（长安村小学）") or the units it was offered to ("长安村小学、尖山乡"),
   * from a user id or comma-separated group ids as the escalations record them.
   */
  public String responsible(String userOrGroups) {
    if (userOrGroups == null || userOrGroups.isBlank()) {
      return "—";
    }
    return Arrays.stream(userOrGroups.split(","))
        .map(String::trim)
        .map(id -> GroupIds.kindOf(id) == GroupIds.Kind.OTHER ? person(id) : group(id))
        .collect(Collectors.joining("、"));
  }

  private String unitName(String groupId) {
    String code = GroupIds.unitCode(groupId);
    return code == null ? groupId : orgTree.name(code);
  }
}
