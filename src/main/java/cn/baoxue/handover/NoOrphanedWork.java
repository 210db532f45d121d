package cn.baoxue.handover;

import cn.baoxue.care.CareHelpers;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.OpenWork;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person holding open work cannot be removed before a 工作交接: deleting her account, or taking
 * her out of a unit's group, is refused while any task is assigned or offered to her by name, she
 * is a helper of an open case or the helper of a 结对关爱 pairing. Checked in the engine's identity provider, so Camunda Admin, the
 * engine REST API in any spelling and Java callers meet the same rule.
 */
@Component
public class NoOrphanedWork extends AbstractProcessEnginePlugin implements OpenWork {

  private final JdbcClient jdbc;
  private final CareHelpers careHelpers;

  NoOrphanedWork(JdbcClient jdbc, CareHelpers careHelpers) {
    this.jdbc = jdbc;
    this.careHelpers = careHelpers;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new Factory(this));
  }

  @Override
  public long heldBy(String userId) {
    return openWorkOf(userId);
  }

  /** Open tasks and case roles the person holds, by the engine's own tables, and her 结对关爱 pairings. */
  long openWorkOf(String userId) {
    return jdbc.sql("select (select count(*) from ACT_RU_TASK where ASSIGNEE_ = :user)"
            + " + (select count(*) from ACT_RU_IDENTITYLINK where USER_ID_ = :user and TYPE_ = 'candidate' and TASK_ID_ is not null)"
            + " + (select count(*) from ACT_RU_VARIABLE where NAME_ in " + OpenWorkQueries.HELPER_ROLES_SQL
            + " and TEXT_ = :user and EXECUTION_ID_ = PROC_INST_ID_)")
        .param("user", userId)
        .query(Long.class)
        .single() + careHelpers.countHeldBy(userId);
  }

  void refuseIfHoldingWork(String userId, String what) {
    long open = openWorkOf(userId);
    if (open > 0) {
      throw new BadUserRequestException("该工作人员仍有 " + open + " 项未办结的待办、包保个案或结对关爱，不能" + what
          + "。请先由其所在乡镇或系统管理员在“工作交接”中交给接替人。");
    }
  }

  static final class Factory implements SessionFactory {
    private final NoOrphanedWork guard;

    Factory(NoOrphanedWork guard) {
      this.guard = guard;
    }

    @Override
    public Class<?> getSessionType() {
      return GuardedIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      return new GuardedIdentityProvider(guard);
    }
  }

  /** The engine's own identity store, with the check before a removal. */
  static final class GuardedIdentityProvider extends DbIdentityServiceProvider {
    private final NoOrphanedWork guard;

    GuardedIdentityProvider(NoOrphanedWork guard) {
      this.guard = guard;
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
      guard.refuseIfHoldingWork(userId, "删除账号");
      return super.deleteUser(userId);
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
      // Leaving a role group (校长, 审计) moves no work; leaving a unit's group does.
      if (GroupIds.kindOf(groupId).givesWork()) {
        guard.refuseIfHoldingWork(userId, "移出其所在单位");
      }
      return super.deleteMembership(userId, groupId);
    }
  }
}
