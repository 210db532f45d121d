package cn.baoxue.benchmark;

import cn.baoxue.testing.ApplicationNode;
import cn.baoxue.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Footprint: how long Baoxue takes from {@code java …} to a healthy /actuator/health, and how much
 * memory the process holds once started (VmRSS), as operators run it: the embedded H2 with demo
 * data, and the prod profile on PostgreSQL; each on a new database (migrations, demo data) and
 * started again on the same one. JVM options as the Docker image's (no -Xmx: MaxRAMPercentage=75).
 *
 * <pre>mvn -B -Pbench test -Dtest=FootprintBenchmark</pre>
 */
class FootprintBenchmark {

  private static final String ADMIN_PASSWORD = "Bench-Root-2026!x";
  private static final Pattern STARTED = Pattern.compile("Started BaoxueApplication in ([0-9.]+) seconds");

  @Test
  void startUpTimeAndResidentMemory() throws Exception {
    BenchReport report = new BenchReport("Footprint: start-up to healthy and resident memory after start-up",
        "run", "database", "to healthy (wall, ±0.5 s)", "Spring's \"Started … in\"", "VmRSS after start-up");
    Path dataDir = Files.createTempDirectory("baoxue-footprint");
    for (String run : new String[] {"first start (new database)", "second start"}) {
      measure(report, run, "embedded H2", ApplicationNode.named("footprint-h2")
          .arg("--baoxue.data-dir=" + dataDir).arg("--camunda.bpm.job-execution.enabled=false"));
    }
    try (PostgresDatabase database = PostgresDatabase.create("footprint")) {
      for (String run : new String[] {"first start (new database)", "second start"}) {
        measure(report, run, "prod profile, PostgreSQL", ApplicationNode.named("footprint-prod")
            .env("SPRING_PROFILES_ACTIVE", "prod")
            .env("SPRING_DATASOURCE_URL", database.url(PostgresDatabase.HOST, PostgresDatabase.PORT))
            .env("SPRING_DATASOURCE_USERNAME", "postgres")
            .env("SPRING_DATASOURCE_PASSWORD", "")
            .env("BAOXUE_ADMIN_PASSWORD", ADMIN_PASSWORD));
      }
    }
    report.note("JVM: " + System.getProperty("java.version") + ", -XX:MaxRAMPercentage=75 -Duser.timezone=Asia/Shanghai "
        + "(the Docker image's); machine memory " + totalMemoryGb() + " GB.").print();
  }

  private static void measure(BenchReport report, String run, String database, ApplicationNode.Builder builder) throws Exception {
    Path log = Path.of("target", "nodes", nodeName(builder) + ".log");
    Files.deleteIfExists(log);
    try (ApplicationNode node = builder.jvmOptions("-XX:MaxRAMPercentage=75", "-Duser.timezone=Asia/Shanghai").build()) {
      long start = System.nanoTime();
      node.start();
      double wall = (System.nanoTime() - start) / 1e9;
      ApplicationNode.sleep(Duration.ofSeconds(5));
      long rssKb = vmRssKb(node.pid());
      Matcher started = STARTED.matcher(Files.readString(log));
      report.row(run, database, String.format("%.1f s", wall), started.find() ? started.group(1) + " s" : "?",
          String.format("%d MB", rssKb / 1024));
    }
  }

  private static String nodeName(ApplicationNode.Builder builder) {
    return builder.build().name();
  }

  private static long vmRssKb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static long totalMemoryGb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024;
      }
    }
    return -1;
  }
}
