package cn.baoxue.org;

import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.StaffRole;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Camunda accounts of Baoxue's staff (工作人员账号): one user per person, a member of the
 * groups of her role and unit. The staff import and the demo data both create accounts here.
 */
@Service
public class StaffAccounts {

  private final IdentityService identityService;
  private final StaffDirectory directory;
  private final StaffGroups staffGroups;

  public StaffAccounts(IdentityService identityService, StaffDirectory directory, StaffGroups staffGroups) {
    this.staffGroups = staffGroups;
    this.identityService = identityService;
    this.directory = directory;
  }

  public boolean exists(String userId) {
    return identityService.createUserQuery().userId(userId).count() > 0;
  }

  /** The unit groups an existing account would leave if it took this role in this unit. */
  public List<String> workGroupsLeft(String userId, StaffRole role, OrgUnit unit) {
    List<String> staying = role.groupIds(unit.getCode());
    return directory.groupIdsOf(userId).stream()
        .filter(group -> StaffRole.handsOut(group) && GroupIds.kindOf(group).givesWork() && !staying.contains(group))
        .toList();
  }

  /**
   * Creates the account with its initial password, or brings an existing one's name, role and
   * unit up to date. An existing account keeps its password: its owner may have changed it.
   *
   * @return true if the account was created
   */
  @Transactional
  public boolean enrol(String userId, String fullName, StaffRole role, OrgUnit unit, String initialPassword) {
    if (role.groupIds(unit.getCode()).stream().anyMatch(group -> GroupIds.kindOf(group) == GroupIds.Kind.UNIT_AUDITORS)) {
      // Units imported before units had auditors of their own have no such group yet.
      staffGroups.ensureAuditorsGroup(unit);
    }
    if (role == StaffRole.EXPERT_COMMITTEE) {
      // Counties imported before 残疾儿童安置 have no committee group yet.
      staffGroups.ensureExpertsGroup(unit);
    }
    return enrol(userId, fullName, role.groupIds(unit.getCode()), initialPassword);
  }

  /** As above, with the groups given: the demo administrator holds no role of the staff file. */
  @Transactional
  boolean enrol(String userId, String fullName, List<String> groupIds, String initialPassword) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    boolean created = user == null;
    if (created) {
      user = identityService.newUser(userId);
      user.setPassword(initialPassword);
    }
    ChineseName name = ChineseName.of(fullName);
    user.setLastName(name.family());
    user.setFirstName(name.given());
    identityService.saveUser(user);
    Set<String> current = new HashSet<>(directory.groupIdsOf(userId));
    for (String groupId : current) {
      if (StaffRole.handsOut(groupId) && !groupIds.contains(groupId)) {
        identityService.deleteMembership(userId, groupId);
      }
    }
    for (String groupId : groupIds) {
      if (!current.contains(groupId)) {
        identityService.createMembership(userId, groupId);
      }
    }
    return created;
  }
}
