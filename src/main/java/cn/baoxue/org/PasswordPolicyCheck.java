package cn.baoxue.org;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.springframework.stereotype.Component;

/**
 * Checks an initial password against the engine's password policy, or Camunda's default policy
 * (at least 10 characters with a lower-case and an upper-case letter, a digit and a special
 * character, and none of the user's id or names) where the engine enforces none: accounts made
 * from a file are handed out on paper, so they must not start weak.
 */
@Component
class PasswordPolicyCheck {

  private final IdentityService identityService;

  PasswordPolicyCheck(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The rules the password breaks, in Chinese; empty if it passes. */
  List<String> violations(String userId, String fullName, String password) {
    PasswordPolicy policy = identityService.getPasswordPolicy();
    if (policy == null) {
      policy = new DefaultPasswordPolicyImpl();
    }
    User user = identityService.newUser(userId);
    ChineseName name = ChineseName.of(fullName == null || fullName.isBlank() ? userId : fullName);
    user.setLastName(name.family());
    user.setFirstName(name.given());
    return identityService.checkPasswordAgainstPolicy(policy, password, user).getViolatedRules().stream()
        .map(PasswordPolicyCheck::describe)
        .toList();
  }

  private static String describe(PasswordPolicyRule rule) {
    Map<String, String> parameters = rule.getParameters() == null ? Map.of() : rule.getParameters();
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "至少" + parameters.get("minLength") + "个字符";
      case "PASSWORD_POLICY_LOWERCASE" -> "至少含" + parameters.get("minLowerCase") + "个小写字母";
      case "PASSWORD_POLICY_UPPERCASE" -> "至少含" + parameters.get("minUpperCase") + "个大写字母";
      case "PASSWORD_POLICY_DIGIT" -> "至少含" + parameters.get("minDigit") + "个数字";
      case "PASSWORD_POLICY_SPECIAL" -> "至少含" + parameters.get("minSpecial") + "个特殊字符（如 !@#$%*）";
      case "PASSWORD_POLICY_USER_DATA" -> "不能包含用户名或姓名";
      default -> "须符合规则 " + rule.getPlaceholder() + (parameters.isEmpty() ? "" : parameters.toString());
    };
  }
}
