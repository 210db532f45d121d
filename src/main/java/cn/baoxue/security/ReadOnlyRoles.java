package cn.baoxue.security;

import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Auditors (督导, 审计) read everything in their jurisdiction and change nothing: a request that
 * would write, from someone whose only role is auditing, is refused before it reaches Baoxue.
 * The engine refuses their writes through /engine-rest and the webapps on its own, because
 * auditors hold only read permissions there.
 */
final class ReadOnlyRoles implements AuthorizationManager<RequestAuthorizationContext> {

  static final String AUDITORS = "GROUP_auditors";
  /** Groups that come with work to do; an auditor who also holds one of these is not read-only. */
  private static final Set<String> WORKING_GROUP_PREFIXES =
      Set.of("GROUP_school_", "GROUP_village_", "GROUP_township_", "GROUP_county_", "GROUP_womenfed_", "GROUP_camunda-admin");

  @Override
  public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    Authentication user = authentication.get();
    if (user == null || !user.isAuthenticated()) {
      return new AuthorizationDecision(false);
    }
    return new AuthorizationDecision(!isReadOnly(user));
  }

  static boolean isReadOnly(Authentication user) {
    boolean auditor = false;
    for (GrantedAuthority authority : user.getAuthorities()) {
      String name = authority.getAuthority();
      if (AUDITORS.equals(name)) {
        auditor = true;
      } else if (WORKING_GROUP_PREFIXES.stream().anyMatch(name::startsWith)) {
        return false;
      }
    }
    return auditor;
  }
}
