package cn.baoxue.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.baoxue.BaoxueApplication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * The prod profile refuses to start behind a password everyone knows, and starts with a real one.
 * (An in-memory H2 stands in for PostgreSQL: the refusal does not depend on the database.)
 */
class ProductionStartupTests {

  private static final String STRONG = "Quite-Strong-2026!";

  @Test
  void refusesToStartWithoutTheAdministratorsPasswordFromTheEnvironment() {
    assertRefused(prod(memoryDatabase()), "BAOXUE_ADMIN_PASSWORD is not set");
  }

  @Test
  void refusesToStartWithADefaultOrWeakAdministratorsPassword() {
    assertRefused(prod(memoryDatabase(), "baoxue.admin.password=demo"), "BAOXUE_ADMIN_PASSWORD is a default password");
    assertRefused(prod(memoryDatabase(), "baoxue.admin.password=short"), "fails the password policy");
    assertRefused(prod(memoryDatabase(), "baoxue.admin.password=My-Admin-Pass-2026"), "fails the password policy");
  }

  @Test
  void refusesToStartWithDemoDataOrWithoutThePasswordPolicy() {
    assertRefused(
        prod(memoryDatabase(), "baoxue.admin.password=" + STRONG, "baoxue.demo.enabled=true"),
        "demo data is enabled");
    assertRefused(
        prod(memoryDatabase(), "baoxue.admin.password=" + STRONG, "baoxue.security.password-policy=false"),
        "password policy is off");
  }

  @Test
  void refusesADatabaseWhoseAccountsStillOpenWithTheDemoPassword() {
    String database = memoryDatabase();
    // The database was first used for the demo (default profile: demo accounts, password "demo")…
    try (ConfigurableApplicationContext demo = start(List.of(), database, "baoxue.demo.enabled=true")) {
      assertThat(demo.getBean(IdentityService.class).checkPassword("teacher-changan", "demo")).isTrue();
      // …and is then put into production as it is.
      assertRefused(prod(database, "baoxue.admin.password=" + STRONG), "account 'teacher-changan' still has a default password");
    }
  }

  @Test
  void startsWithARealPasswordAndCreatesTheAdministrator() {
    try (ConfigurableApplicationContext running = prod(memoryDatabase(), "baoxue.admin.password=" + STRONG).get()) {
      IdentityService identity = running.getBean(IdentityService.class);
      assertThat(identity.checkPassword("admin", STRONG)).isTrue();
      assertThat(identity.createGroupQuery().groupMember("admin").list())
          .extracting(group -> group.getId()).contains("camunda-admin");
      assertThat(identity.createUserQuery().userId("teacher-changan").count()).isZero();
    }
  }

  private static void assertRefused(Supplier<ConfigurableApplicationContext> app, String reason) {
    Throwable refused = catchThrowable(() -> app.get().close());
    assertThat(refused).as("the start is refused").isNotNull();
    assertThat(NestedExceptionUtils.getMostSpecificCause(refused))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Refusing to start in the prod profile")
        .hasMessageContaining(reason);
  }

  private static String memoryDatabase() {
    return "jdbc:h2:mem:startup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  /** A prod start, as the command line of an operator would give it (over every config file). */
  private static Supplier<ConfigurableApplicationContext> prod(String database, String... properties) {
    return () -> start(List.of("prod"), database, properties);
  }

  private static ConfigurableApplicationContext start(List<String> profiles, String database, String... properties) {
    Map<String, String> arguments = new LinkedHashMap<>();
    arguments.put("spring.datasource.url", database);
    arguments.put("spring.datasource.username", "sa");
    arguments.put("spring.datasource.password", "");
    arguments.put("baoxue.demo.enabled", "false");
    arguments.put("server.port", "0");
    arguments.put("camunda.bpm.generate-unique-process-engine-name", "true");
    arguments.put("camunda.bpm.job-execution.enabled", "false");
    // Closing these contexts' webapps would unhook the web tests' Cockpit and Tasklist (JVM-wide).
    arguments.put("camunda.bpm.webapp.enabled", "false");
    for (String property : properties) {
      String[] nameAndValue = property.split("=", 2);
      arguments.put(nameAndValue[0], nameAndValue[1]);
    }
    return new SpringApplicationBuilder(BaoxueApplication.class)
        .profiles(profiles.toArray(String[]::new))
        .run(arguments.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new));
  }
}
