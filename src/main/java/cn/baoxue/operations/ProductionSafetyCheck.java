package cn.baoxue.operations;

import cn.baoxue.org.DemoData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A production run refuses to start rather than serve minors' data behind a password everyone
 * knows: no demo data (its accounts share the password "demo"), Camunda's password policy on, the
 * administrator's password from the environment and passing that policy, and no account — the
 * administrator's or one left from a demo — still opening with a default password. No environment
 * variable can switch these back on. The settings are checked while the context is built, before
 * any account is written; the stored accounts once the engine is up.
 */
@Component
@Profile("prod")
@Order(Ordered.LOWEST_PRECEDENCE)
class ProductionSafetyCheck implements ApplicationRunner {

  /** Passwords of demos, installers and manuals. */
  static final Set<String> DEFAULT_PASSWORDS =
      Set.of(DemoData.DEFAULT_PASSWORD, "admin", "password", "camunda", "changeme", "123456", "baoxue");

  private final IdentityService identityService;
  private final PasswordManager passwords;
  private final String adminUserId;

  ProductionSafetyCheck(
      IdentityService identityService,
      ProcessEngineConfigurationImpl engineConfiguration,
      @Value("${baoxue.admin.user-id}") String adminUserId,
      @Value("${baoxue.admin.password}") String adminPassword,
      @Value("${baoxue.demo.enabled}") boolean demoEnabled,
      @Value("${baoxue.security.password-policy:false}") boolean passwordPolicy) {
    this.identityService = identityService;
    this.passwords = engineConfiguration.getPasswordManager();
    this.adminUserId = adminUserId;
    List<String> problems = new ArrayList<>();
    if (demoEnabled) {
      problems.add("demo data is enabled (baoxue.demo.enabled=true): its accounts share the password 'demo'");
    }
    if (!passwordPolicy) {
      problems.add("Camunda's password policy is off (baoxue.security.password-policy=true)");
    }
    if (adminPassword.isBlank()) {
      problems.add("BAOXUE_ADMIN_PASSWORD is not set; production takes the administrator's password from the environment");
    } else if (isDefault(adminPassword)) {
      problems.add("BAOXUE_ADMIN_PASSWORD is a default password");
    } else {
      // Checked with the account's own data: the policy also refuses a password containing "admin".
      PasswordPolicyResult policy = identityService.checkPasswordAgainstPolicy(
          new DefaultPasswordPolicyImpl(), adminPassword, identityService.newUser(adminUserId));
      if (!policy.isValid()) {
        problems.add("BAOXUE_ADMIN_PASSWORD fails the password policy: " + policy.getViolatedRules().stream()
            .map(rule -> rule.getPlaceholder()).toList());
      }
    }
    refuseIf(problems);
  }

  /** After the accounts are in place (administrator, demo data): none opens with a default. */
  @Override
  public void run(ApplicationArguments args) {
    List<String> userIds = new ArrayList<>(DemoData.userIds());
    userIds.add(adminUserId);
    List<String> problems = new ArrayList<>();
    for (String userId : userIds.stream().distinct().toList()) {
      if (identityService.createUserQuery().userId(userId).singleResult() instanceof UserEntity user
          && DEFAULT_PASSWORDS.stream().anyMatch(password -> opens(user, password))) {
        problems.add("account '" + userId + "' still has a default password");
      }
    }
    refuseIf(problems);
  }

  /**
   * Compares with the stored hash directly: IdentityService.checkPassword would count each
   * default tried as a failed login and lock the account after a few restarts.
   */
  private boolean opens(UserEntity user, String password) {
    return user.getPassword() != null
        && passwords.check(EncryptionUtil.saltPassword(password, user.getSalt()), user.getPassword());
  }

  private static boolean isDefault(String password) {
    return DEFAULT_PASSWORDS.contains(password.trim().toLowerCase(Locale.ROOT));
  }

  private static void refuseIf(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Refusing to start in the prod profile: " + String.join("; ", problems));
    }
  }
}
