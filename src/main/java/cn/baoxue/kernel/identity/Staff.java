package cn.baoxue.kernel.identity;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The logged-in user as Baoxue's services see her: her id and her Camunda groups. */
public record Staff(String userId, List<String> groupIds) {

  /** Spring Security's name for membership of a Camunda group: "GROUP_" + the group id. */
  private static final String GROUP_AUTHORITY = "GROUP_";

  public static Staff of(Authentication user) {
    return new Staff(
        user.getName(),
        user.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority.startsWith(GROUP_AUTHORITY))
            .map(authority -> authority.substring(GROUP_AUTHORITY.length()))
            .toList());
  }

  /** The authority a member of the group holds after login. */
  public static String authorityOf(String groupId) {
    return GROUP_AUTHORITY + groupId;
  }

  public Jurisdiction jurisdiction() {
    return Jurisdiction.ofGroups(groupIds);
  }

  public boolean isAdmin() {
    return groupIds.contains(GroupIds.ADMINS);
  }

  public boolean isMemberOf(String groupId) {
    return groupIds.contains(groupId);
  }
}
