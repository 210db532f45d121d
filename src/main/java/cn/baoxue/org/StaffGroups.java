package cn.baoxue.org;

import cn.baoxue.kernel.process.ProcessKeys;
import cn.baoxue.kernel.identity.GroupIds;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;

/**
 * Camunda groups for the org tree and the roles, with what each may do in the engine. Tasks are
 * not granted here: the engine grants a task to its candidate groups and assignee when it routes
 * the task, so a teacher sees only her own school's tasks.
 */
@Service
public class StaffGroups {

  static final String PROCESS_KEY = ProcessKeys.DROPOUT_CASE;

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public StaffGroups(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  /**
   * The group of an org unit's staff: they work its tasks in Tasklist and may report a case. The
   * prefecture's bureau and the province's department supervise (督办, reports): they report none.
   */
  public void ensureUnitGroup(OrgUnit unit) {
    String suffix =
        switch (unit.getType()) {
          case PROVINCE -> "教育厅";
          case PREFECTURE, COUNTY -> "教育局";
          case TOWNSHIP -> "人民政府";
          case VILLAGE -> "村委会";
          case SCHOOL, DEPARTMENT -> "";
        };
    String groupId = GroupIds.of(unit.getType(), unit.getCode());
    ensureGroup(groupId, unit.getName() + suffix, unit.getType().name());
    if (unit.getType() == cn.baoxue.kernel.identity.OrgUnitType.DEPARTMENT) {
      // A department answers its referrals on Baoxue's own pages: no Tasklist, no case to report.
      return;
    }
    grantCaseWork(groupId);
    if (unit.getType() == cn.baoxue.kernel.identity.OrgUnitType.PREFECTURE || unit.getType() == cn.baoxue.kernel.identity.OrgUnitType.PROVINCE) {
      return;
    }
    grant(groupId, Resources.PROCESS_DEFINITION, PROCESS_KEY, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(groupId, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
  }

  /**
   * A county's, prefecture's or province's auditors read its cases in Baoxue's pages, which keep to
   * their jurisdiction. They get no grant in the engine: Cockpit shows every case of the deployment,
   * so it stays with the deployment's auditors ({@link GroupIds#AUDITORS}).
   */
  public void ensureAuditorsGroup(OrgUnit unit) {
    ensureGroup(GroupIds.auditorsOf(unit.getType(), unit.getCode()), unit.getName() + "督导审计", "AUDIT");
  }

  /** The county women's federation joins home visits; it does not report cases. */
  public void ensureWomenFederationGroup(OrgUnit county) {
    String groupId = GroupIds.womenFederation(county.getCode());
    ensureGroup(groupId, county.getName() + "妇联", "WOMENFED");
    grantCaseWork(groupId);
  }

  /**
   * The county's expert committee (残疾人教育专家委员会): assesses its disabled children in Tasklist
   * or on Baoxue's placement pages; it reports no case.
   */
  public void ensureExpertsGroup(OrgUnit county) {
    String groupId = GroupIds.experts(county.getCode());
    ensureGroup(groupId, county.getName() + "残疾人教育专家委员会", "EXPERTS");
    grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(groupId, Resources.PROCESS_DEFINITION, ProcessKeys.DISABLED_PLACEMENT, ProcessDefinitionPermissions.READ);
  }

  /** The role groups that exist once per installation. */
  public void ensureRoleGroups() {
    ensureGroup(GroupIds.PRINCIPALS, "校长", "ROLE");
    ensureGroup(GroupIds.ADMINS, "系统管理员", "SYSTEM");
    // Administrators may do everything, as Camunda's own first-admin set-up grants.
    for (Resources resource : Resources.values()) {
      grant(GroupIds.ADMINS, resource, "*", Permissions.ALL);
    }
    ensureGroup(GroupIds.AUDITORS, "督导审计", "ROLE");
    for (String app : List.of("tasklist", "cockpit")) {
      grant(GroupIds.AUDITORS, Resources.APPLICATION, app, Permissions.ACCESS);
    }
    // Auditors read every case and its history in Cockpit and through the REST API.
    grant(GroupIds.AUDITORS, Resources.PROCESS_DEFINITION, "*",
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
    grant(GroupIds.AUDITORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grant(GroupIds.AUDITORS, Resources.TASK, "*", Permissions.READ);
    grant(GroupIds.AUDITORS, Resources.DEPLOYMENT, "*", Permissions.READ);
    grant(GroupIds.AUDITORS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
  }

  public void addMember(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }

  /** Every user may read the shared Tasklist filters. */
  public void grantFilterToEveryone(String filterId) {
    boolean exists =
        authorizationService.createAuthorizationQuery()
                .resourceType(Resources.FILTER).resourceId(filterId).userIdIn(Authorization.ANY).count() > 0;
    if (!exists) {
      Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
      authorization.setResource(Resources.FILTER);
      authorization.setResourceId(filterId);
      authorization.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(authorization);
    }
  }

  private void grantCaseWork(String groupId) {
    grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(groupId, Resources.PROCESS_DEFINITION, PROCESS_KEY, ProcessDefinitionPermissions.READ);
    // 送教上门: a township or county urges the visits a period missed (督促送教), in Tasklist.
    grant(groupId, Resources.PROCESS_DEFINITION, ProcessKeys.HOME_DELIVERY_SCHEDULE, ProcessDefinitionPermissions.READ);
  }

  private void ensureGroup(String groupId, String name, String type) {
    Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
    if (group == null) {
      group = identityService.newGroup(groupId);
    }
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization =
        authorizationService.createAuthorizationQuery()
            .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }
}
