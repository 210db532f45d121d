package cn.baoxue.cases;

import cn.baoxue.kernel.identity.GroupIds;
import java.util.Collection;

/**
 * Who sees a minor's ID number and her guardian's phone in full (《个人信息保护法》): the staff who
 * work cases with the families — schools, townships, the county bureau. Everyone else (auditors,
 * village cadres, the women's federation, administrators) sees them masked in lists and exports.
 */
public final class PersonalDataPolicy {

  private PersonalDataPolicy() {}

  public static boolean seesInFull(Collection<String> groupIds) {
    return groupIds.stream().map(GroupIds::kindOf).anyMatch(kind ->
        kind == GroupIds.Kind.SCHOOL || kind == GroupIds.Kind.TOWNSHIP || kind == GroupIds.Kind.COUNTY);
  }

  /** 138****0001 */
  public static String maskPhone(String phone) {
    if (phone == null || phone.length() < 7) {
      return phone == null ? null : "****";
    }
    return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
  }
}
