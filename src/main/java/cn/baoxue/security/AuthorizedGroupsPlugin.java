package cn.baoxue.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Spares every authorization check a scan of the whole authorization table.
 *
 * <p>Before checking, the engine narrows the user's groups to those that hold any authorization,
 * and to learn which those are it reads {@code select distinct GROUP_ID_} over all of
 * ACT_RU_AUTHORIZATION once per command: one row per open task and candidate, so at a province's
 * 100,000 open cases every task query, claim and completion read some 200,000 rows first
 * (TaskListBenchmark, docs/benchmarks.md). The narrowing cannot change an answer — a group without
 * authorizations matches no row of the check — and every Baoxue group holds grants anyway
 * (StaffGroups), so the check is asked with the user's groups as they are.
 */
@Component
public class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(new Factory());
  }

  /** Replaces the engine's factory of authorization managers (one manager per command). */
  static final class Factory implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new AllGroupsAuthorizationManager();
    }
  }

  static final class AllGroupsAuthorizationManager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null || authenticatedGroupIds.isEmpty() ? EMPTY_LIST : authenticatedGroupIds;
    }
  }
}
