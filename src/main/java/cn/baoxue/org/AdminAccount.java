package cn.baoxue.org;

import cn.baoxue.kernel.identity.GroupIds;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator of a new installation, with the password the operator gave
 * ({@code baoxue.admin.password}, in production BAOXUE_ADMIN_PASSWORD). She then loads the
 * jurisdiction tree and the staff accounts. Created once; a password changed later in Camunda
 * Admin is not overwritten by the next start.
 */
@Component
@Order(5)
class AdminAccount implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

  private final StaffAccounts accounts;
  private final StaffGroups staffGroups;
  private final String userId;
  private final String password;

  AdminAccount(
      StaffAccounts accounts,
      StaffGroups staffGroups,
      @Value("${baoxue.admin.user-id}") String userId,
      @Value("${baoxue.admin.password}") String password) {
    this.accounts = accounts;
    this.staffGroups = staffGroups;
    this.userId = userId;
    this.password = password;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (password.isBlank()) {
      return;
    }
    staffGroups.ensureRoleGroups();
    if (accounts.enrol(userId, "系统管理员", List.of(GroupIds.ADMINS), password)) {
      log.info("Created the administrator account '{}'", userId);
    }
  }
}
