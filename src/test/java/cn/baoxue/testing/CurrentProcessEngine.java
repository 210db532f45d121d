package cn.baoxue.testing;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Camunda keeps its engines in a JVM-wide registry by name, and the REST API and the webapps find
 * "default" there on every request. Spring's test context cache keeps several applications alive
 * in one JVM (the shared {@link BaoxueWebTest} one, and those of tests with their own settings),
 * each registering its engine as "default" when it starts: the last one started would answer every
 * REST call, to another database. Before each test its own application's engine is made the one
 * registered under its name again, and the only one: the webapps list the registry's engines and,
 * given more than one, offer an engine picker ("default") that no deployment of one engine shows.
 * Each application puts its own engine back before its tests, so none is lost for good.
 */
public class CurrentProcessEngine implements TestExecutionListener {

  /** Before the class's own set-up (a {@code @BeforeAll} that starts cases through REST included). */
  @Override
  public void beforeTestClass(TestContext testContext) {
    register(testContext.getApplicationContext());
  }

  @Override
  public void prepareTestInstance(TestContext testContext) {
    register(testContext.getApplicationContext());
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    register(testContext.getApplicationContext());
  }

  private static void register(ApplicationContext context) {
    context.getBeanProvider(ProcessEngine.class).ifAvailable(own -> {
      for (ProcessEngine other : java.util.List.copyOf(ProcessEngines.getProcessEngines().values())) {
        if (other != own) {
          ProcessEngines.unregister(other);
        }
      }
      ProcessEngines.registerProcessEngine(own);
    });
  }
}
