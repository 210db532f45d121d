package cn.baoxue.benchmark;

import cn.baoxue.BaoxueApplication;
import cn.baoxue.testing.PostgresDatabase;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Baoxue started in the benchmark's own JVM, on the embedded H2 (default) or, with
 * {@code -Dbench.db=postgres}, on a PostgreSQL database of its own at 127.0.0.1:5432 that is
 * dropped afterwards ({@code -Dbench.keep=true} keeps it, e.g. to try the generated data in the
 * webapps; {@code -Dbench.reuse=<name>} runs on such a kept database again). The job executor is off: the benchmarks run due timers themselves.
 */
public final class BenchApplication implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final PostgresDatabase postgres;
  private final long startupMillis;

  private BenchApplication(ConfigurableApplicationContext context, PostgresDatabase postgres, long startupMillis) {
    this.context = context;
    this.postgres = postgres;
    this.startupMillis = startupMillis;
  }

  public static boolean onPostgres() {
    return "postgres".equalsIgnoreCase(System.getProperty("bench.db", "h2"));
  }

  /** {@code -Dbench.reuse=<database>}: a database kept by an earlier run (bench.keep), neither created nor dropped. */
  static String reusedDatabase() {
    String name = System.getProperty("bench.reuse", "");
    return name.isBlank() || !onPostgres() ? null : name;
  }

  public static String databaseLabel() {
    return onPostgres() ? "PostgreSQL" : "H2 (in memory)";
  }

  public static int intProperty(String name, int defaultValue) {
    return Integer.parseInt(System.getProperty(name, String.valueOf(defaultValue)).replace("_", ""));
  }

  public static BenchApplication start(String purpose, String... properties) {
    Map<String, String> arguments = new LinkedHashMap<>();
    arguments.put("server.port", "0");
    arguments.put("camunda.bpm.job-execution.enabled", "false");
    // A case can be walked to 销号 at once: the follow-up timer is run by hand, the period is zero.
    arguments.put("baoxue.follow-up.interval", "PT1S");
    arguments.put("baoxue.follow-up.period", "P0D");
    arguments.put("baoxue.demo.enabled", "true");
    // The walk measures the engine and the steps' records; uploading 佐证材料 before 销号 is no part of it.
    arguments.put("baoxue.evidence.required-for-closure.homeVisit", "0");
    arguments.put("baoxue.evidence.required-for-closure.followUp", "0");
    arguments.put("spring.datasource.hikari.maximum-pool-size", "20");
    arguments.put("logging.level.root", "WARN");
    arguments.put("spring.main.banner-mode", "off");
    PostgresDatabase postgres = null;
    if (reusedDatabase() != null) {
      arguments.put("spring.datasource.url", "jdbc:postgresql://" + PostgresDatabase.HOST + ":" + PostgresDatabase.PORT + "/" + reusedDatabase());
      arguments.put("spring.datasource.username", "postgres");
      arguments.put("spring.datasource.password", "");
    } else if (onPostgres()) {
      postgres = PostgresDatabase.create("bench_" + purpose);
      arguments.put("spring.datasource.url", postgres.url(PostgresDatabase.HOST, PostgresDatabase.PORT));
      arguments.put("spring.datasource.username", "postgres");
      arguments.put("spring.datasource.password", "");
    }
    for (String property : properties) {
      String[] nameAndValue = property.split("=", 2);
      arguments.put(nameAndValue[0], nameAndValue[1]);
    }
    long start = System.nanoTime();
    ConfigurableApplicationContext context = new SpringApplicationBuilder(BaoxueApplication.class)
        .run(arguments.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new));
    return new BenchApplication(context, postgres, (System.nanoTime() - start) / 1_000_000);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  long startupMillis() {
    return startupMillis;
  }

  String databaseName() {
    return postgres == null ? "h2" : postgres.name();
  }

  @Override
  public void close() throws SQLException {
    context.close();
    if (postgres != null) {
      if (Boolean.getBoolean("bench.keep")) {
        System.out.println("BENCHMARK kept database " + postgres.url(PostgresDatabase.HOST, PostgresDatabase.PORT));
      } else {
        postgres.close();
      }
    }
  }
}
