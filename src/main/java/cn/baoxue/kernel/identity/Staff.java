package cn.baoxue.kernel.identity;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The logged-in user as Baoxue's services see her: her id and her Camunda groups. */
public record Staff(String userId, List<String> groupIds) {

  public static Staff of(Authentication user) {
    return new Staff(
        user.getName(),
        user.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority.startsWith("GROUP_"))
            .map(authority -> authority.substring("GROUP_".length()))
            .toList());
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
