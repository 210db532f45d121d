package cn.baoxue.security;

import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Staff;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Auditors (督导, 审计) read everything in their jurisdiction and change nothing: a request that
 * would write, from someone whose only role is auditing, is refused before it reaches Baoxue.
 * The engine refuses their writes through /engine-rest and the webapps on its own, because
 * auditors hold only read permissions there.
 */
final class ReadOnlyRoles implements AuthorizationManager<RequestAuthorizationContext> {

  @Override
  public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    Authentication user = authentication.get();
    if (user == null || !user.isAuthenticated()) {
      return new AuthorizationDecision(false);
    }
    return new AuthorizationDecision(!isReadOnly(user));
  }

  static boolean isReadOnly(Authentication user) {
    return isReadOnly(Staff.of(user));
  }

  /**
   * A member of a county department (联控联保) and of nothing that works cases: she answers her
   * referrals on Baoxue's pages and works no task through the engine's API.
   */
  static boolean isDepartmentOnly(Staff staff) {
    boolean department = false;
    for (String groupId : staff.groupIds()) {
      GroupIds.Kind kind = GroupIds.kindOf(groupId);
      if (kind == GroupIds.Kind.DEPARTMENT) {
        department = true;
      } else if (kind.givesWork()) {
        return false;
      }
    }
    return department;
  }

  static boolean isReadOnly(Staff staff) {
    boolean auditor = false;
    for (String groupId : staff.groupIds()) {
      // An auditor who also holds a group that comes with work is not read-only.
      GroupIds.Kind kind = GroupIds.kindOf(groupId);
      if (kind.audits()) {
        auditor = true;
      } else if (kind.givesWork()) {
        return false;
      }
    }
    return auditor;
  }
}
