package cn.baoxue.org;

import cn.baoxue.kernel.identity.Staff;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import cn.baoxue.security.WithoutEngineAuthorization;
import org.springframework.stereotype.Service;

/**
 * Staff and their groups, from Camunda's identity service. Routing checks (is this helper a
 * teacher of the case's school?) must work whoever is logged in, so they read the identity
 * tables with the engine's authorization checks switched off for that one query.
 */
@Service
public class StaffDirectory {

  private final IdentityService identityService;
  private final WithoutEngineAuthorization withoutEngineAuthorization;

  public StaffDirectory(IdentityService identityService, WithoutEngineAuthorization withoutEngineAuthorization) {
    this.identityService = identityService;
    this.withoutEngineAuthorization = withoutEngineAuthorization;
  }

  public boolean isMember(String userId, String groupId) {
    return withoutAuthorization(
        () -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
  }

  public User user(String userId) {
    return withoutAuthorization(() -> identityService.createUserQuery().userId(userId).singleResult());
  }

  /** The members of a group, as (user id, "李明华（teacher-changan）") in id order. */
  public List<User> membersOf(String groupId) {
    return withoutAuthorization(
        () -> identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list());
  }

  public List<String> groupIdsOf(String userId) {
    return withoutAuthorization(
        () -> identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
  }

  /** The unit or role a group stands for, by name ("尖山乡"); the bare id if the group is unknown. */
  public String groupName(String groupId) {
    if (groupId == null) {
      return "";
    }
    Group group = withoutAuthorization(() -> identityService.createGroupQuery().groupId(groupId).singleResult());
    return group == null || group.getName() == null || group.getName().isBlank() ? groupId : group.getName();
  }

  /** "李明华": family name first, as Chinese names are written; the id if the user is unknown. */
  public String fullName(String userId) {
    if (userId == null) {
      return "系统";
    }
    User user = user(userId);
    if (user == null) {
      return userId;
    }
    return nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private <T> T withoutAuthorization(Supplier<T> query) {
    return withoutEngineAuthorization.call(query);
  }
}
