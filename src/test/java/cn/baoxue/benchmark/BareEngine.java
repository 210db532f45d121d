package cn.baoxue.benchmark;

import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;

/**
 * The bare Camunda engine the lifecycle is compared with: a second process engine on the same
 * database, built with Camunda's defaults and none of Baoxue's plugins, listeners, Spring or JPA
 * transactions. Only what the walk itself needs differs from the defaults: authorization on (each
 * step as its user), full history (Baoxue's level), the job executor off (the walk runs the timer
 * itself) and the UUID ids Baoxue's engine uses, so both engines write rows of the same size.
 */
final class BareEngine implements AutoCloseable {

  private final ProcessEngine engine;

  private BareEngine(ProcessEngine engine) {
    this.engine = engine;
  }

  static BareEngine on(DataSource dataSource) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare");
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate("false");
    configuration.setHistory("full");
    configuration.setAuthorizationEnabled(true);
    configuration.setJobExecutorActivate(false);
    configuration.setIdGenerator(new StrongUuidGenerator());
    ProcessEngine engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().name("benchmark")
        .addModelInstance(BareDropoutCase.KEY + ".bpmn", BareDropoutCase.model())
        .addModelInstance(BareDropoutCase.KEY_WITH_TIMERS + ".bpmn", BareDropoutCase.modelWithEscalationTimers())
        .deploy();
    // The school's teachers may start the twins, as they may start a real case.
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String key : List.of(BareDropoutCase.KEY, BareDropoutCase.KEY_WITH_TIMERS)) {
      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(BareDropoutCase.SCHOOL);
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId(key);
      grant.addPermission(Permissions.CREATE_INSTANCE);
      grant.addPermission(Permissions.READ);
      authorizations.saveAuthorization(grant);
    }
    return new BareEngine(engine);
  }

  ProcessEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    engine.close();
  }
}
