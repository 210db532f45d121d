package cn.baoxue.operations;

import static cn.baoxue.testing.CountyCases.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.ApplicationNode;
import cn.baoxue.testing.CountyCases;
import cn.baoxue.testing.CountyCases.Case;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.PostgresDatabase;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The nightly backup and its restore, as an operator runs them (docs/operations.md, "Backup",
 * "Restore"): a node on PostgreSQL holds a county's cases in every state (CountyCases), with the
 * evidence in an S3-compatible object store (s3rver) when s3rver and the aws command are there;
 * {@code ops/backup.sh} backs it up while the node serves; {@code ops/restore.sh} restores the backup
 * into a fresh database (and a fresh bucket); a node starts on it. The restored database has the
 * original's rows in every table; the node reports the same audit chain (intact, same entries, the
 * evidence re-hashed from the restored bucket), the same summary figures, the same three ledgers
 * and the same cases as the original, and takes the next step of a case.
 *
 * <p>Tagged {@code drill} (a quick tier leaves it out); skipped with a message without PostgreSQL
 * unless BAOXUE_REQUIRE_POSTGRES=true.
 */
@Tag("drill")
class BackupRestoreDrillTests {

  private static final Path S3RVER = Path.of("node_modules", "s3rver", "bin", "s3rver.js");
  private static final List<String> NODE_ARGUMENTS = List.of(
      "--camunda.bpm.job-execution.enabled=false",
      "--baoxue.follow-up.interval=PT1S",
      "--baoxue.follow-up.period=P0D",
      // Nothing may write between the dump and the counts taken after it: the dispatcher and the
      // reminders run once at start-up and not again during the test.
      "--baoxue.notifications.dispatch-every=PT24H",
      "--baoxue.notifications.remind-every=PT24H");
  /** Camunda's metrics reporter may add a row at any time; everything else must be equal. */
  private static final List<String> NOT_COMPARED = List.of("act_ru_meter_log");

  @Test
  void aBackupRestoredIntoAFreshDatabaseServesTheSameCountyAsTheOriginal() throws Exception {
    try (PostgresDatabase original = PostgresDatabase.create("drill_original");
        ObjectStore originalBucket = ObjectStore.startIfAvailable("original");
        PostgresDatabase restored = PostgresDatabase.create("drill_restored");
        ObjectStore restoredBucket = ObjectStore.startIfAvailable("restored")) {
      List<String> figures = new ArrayList<>();
      Path backups = Path.of("target", "drill", "backups-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();

      try (ApplicationNode node = node("drill-original", original, originalBucket).start()) {
        CountyCases county = CountyCases.walk(node);
        long began = System.nanoTime();
        String backup = script(backupEnvironment(original, originalBucket, backups), "ops/backup.sh").trim();
        figures.add("backup (ops/backup.sh, node serving): " + seconds(began) + " s, dump "
            + Files.size(Path.of(backup, "baoxue.dump")) / 1024 + " KiB");
        Map<String, Long> originalRows = rowsPerTable(original);
        Map<String, Object> originalAudit = ok(node.as("auditor", EngineRest.DEMO_PASSWORD).get("/api/audit/verify"));
        assertThat(originalAudit).containsEntry("intact", true);
        if (originalBucket != null) {
          assertThat(Path.of(backup, "evidence")).as("the bucket is in the backup").isDirectory();
        }

        began = System.nanoTime();
        String restoredBy = script(restoreEnvironment(restored, restoredBucket), "ops/restore.sh", backup);
        figures.add("restore (ops/restore.sh into an empty database): " + seconds(began) + " s");
        assertThat(restoredBy).contains("restored");
        assertThat(rowsPerTable(restored)).as("rows per table, restored against original").isEqualTo(originalRows);
        figures.add(originalRows.size() + " tables, " + originalRows.values().stream().mapToLong(Long::longValue).sum()
            + " rows compared");

        // The restore refuses a database that is not empty: a second run cannot mix two backups.
        assertThat(scriptFails(restoreEnvironment(restored, restoredBucket), "ops/restore.sh", backup))
            .contains("already has");

        began = System.nanoTime();
        try (ApplicationNode back = node("drill-restored", restored, restoredBucket).start()) {
          figures.add("node start on the restored database: " + seconds(began) + " s");
          Map<String, Object> restoredAudit = ok(back.as("auditor", EngineRest.DEMO_PASSWORD).get("/api/audit/verify"));
          assertThat(restoredAudit).as("audit chain of the restored database (evidence re-hashed from "
              + (restoredBucket == null ? "the database" : "the restored bucket") + ")").isEqualTo(originalAudit);

          EngineRest bureauThen = node.as("bureau-zhenxiong", EngineRest.DEMO_PASSWORD);
          EngineRest bureauNow = back.as("bureau-zhenxiong", EngineRest.DEMO_PASSWORD);
          assertThat(ok(bureauNow.get("/api/reports/summary?scope=530627")))
              .as("the county's summary figures").isEqualTo(ok(bureauThen.get("/api/reports/summary?scope=530627")));
          for (String ledger : List.of("children", "suspected", "dropouts")) {
            assertThat(ledgerRows(back, ledger)).as("ledger " + ledger).isEqualTo(ledgerRows(node, ledger)).isNotEmpty();
          }
          assertThat(ok(bureauNow.getList("/api/cases"))).as("cases").isEqualTo(ok(bureauThen.getList("/api/cases")));

          // Service is back: the case waiting for its verification is verified on the restored node.
          Case waiting = county.cases.get(0);
          waiting.take(back);
          assertThat(back.as("admin", EngineRest.DEMO_PASSWORD).tasks(waiting.processInstanceId))
              .extracting(task -> task.get("taskDefinitionKey")).containsExactly("assignHelpers");
        }
      } finally {
        deleteRecursively(backups);
      }
      figures.add("evidence in " + (originalBucket == null ? "the database (s3rver or aws missing)" : "an object store (s3rver)"));
      figures.forEach(figure -> System.out.println("restore drill: " + figure));
    }
  }

  private static ApplicationNode node(String name, PostgresDatabase database, ObjectStore bucket) {
    // Ready, not only healthy: the walk logs in as the demo users right away.
    ApplicationNode.Builder builder = ApplicationNode.named(name).untilReady()
        .env("SPRING_DATASOURCE_URL", database.url(PostgresDatabase.HOST, PostgresDatabase.PORT))
        .env("SPRING_DATASOURCE_USERNAME", "postgres")
        .env("SPRING_DATASOURCE_PASSWORD", "");
    NODE_ARGUMENTS.forEach(builder::arg);
    if (bucket != null) {
      builder.arg("--baoxue.evidence.object-store.endpoint=" + bucket.endpoint())
          .arg("--baoxue.evidence.object-store.bucket=" + ObjectStore.BUCKET)
          .arg("--baoxue.evidence.object-store.access-key=S3RVER")
          .arg("--baoxue.evidence.object-store.secret-key=S3RVER");
    }
    return builder.build();
  }

  private static Map<String, String> backupEnvironment(PostgresDatabase database, ObjectStore bucket, Path backups) {
    Map<String, String> environment = restoreEnvironment(database, bucket);
    environment.put("BAOXUE_BACKUP_DIR", backups.toString());
    return environment;
  }

  private static Map<String, String> restoreEnvironment(PostgresDatabase database, ObjectStore bucket) {
    Map<String, String> environment = new TreeMap<>();
    environment.put("PGHOST", PostgresDatabase.HOST);
    environment.put("PGPORT", String.valueOf(PostgresDatabase.PORT));
    environment.put("PGUSER", "postgres");
    environment.put("PGDATABASE", database.name());
    if (bucket != null) {
      environment.put("BAOXUE_EVIDENCE_OBJECT_STORE_BUCKET", ObjectStore.BUCKET);
      environment.put("BAOXUE_EVIDENCE_OBJECT_STORE_ENDPOINT", bucket.endpoint());
      environment.put("BAOXUE_EVIDENCE_OBJECT_STORE_ACCESS_KEY", "S3RVER");
      environment.put("BAOXUE_EVIDENCE_OBJECT_STORE_SECRET_KEY", "S3RVER");
    }
    return environment;
  }

  /** Runs one of the ops/ scripts as an operator would; its standard output, or a failure with its output. */
  private static String script(Map<String, String> environment, String... command) throws Exception {
    Result result = run(environment, command);
    assertThat(result.exit).as(String.join(" ", command) + ":\n" + result.output).isZero();
    return result.stdout;
  }

  private static String scriptFails(Map<String, String> environment, String... command) throws Exception {
    Result result = run(environment, command);
    assertThat(result.exit).as(String.join(" ", command) + " must fail:\n" + result.output).isNotZero();
    return result.output;
  }

  private record Result(int exit, String stdout, String output) {}

  private static Result run(Map<String, String> environment, String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of("bash"));
    line.addAll(List.of(command));
    Path errors = Files.createTempFile("ops-script", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(line).redirectError(errors.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " took longer than 10 minutes");
      }
      String stderr = Files.readString(errors);
      return new Result(process.exitValue(), stdout, stdout + stderr);
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  /** Rows of every table of the database, by lower-case name. */
  private static Map<String, Long> rowsPerTable(PostgresDatabase database) throws SQLException {
    Map<String, Long> rows = new TreeMap<>();
    try (Connection connection = database.connect()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet found = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
        while (found.next()) {
          tables.add(found.getString("TABLE_NAME"));
        }
      }
      for (String table : tables) {
        if (NOT_COMPARED.contains(table.toLowerCase())) {
          continue;
        }
        try (Statement statement = connection.createStatement();
            ResultSet count = statement.executeQuery("select count(*) from \"" + table + "\"")) {
          count.next();
          rows.put(table.toLowerCase(), count.getLong(1));
        }
      }
    }
    return rows;
  }

  /** The ledger's .xlsx as the county's education bureau downloads it, cell by cell. */
  private static List<List<String>> ledgerRows(ApplicationNode node, String ledger) throws IOException {
    var download = node.client().withBasicAuth("bureau-zhenxiong", EngineRest.DEMO_PASSWORD)
        .getForEntity("/ledgers/" + ledger + ".xlsx", byte[].class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<List<String>> rows = new ArrayList<>();
    try (InputStream in = new ByteArrayInputStream(download.getBody()); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
      for (Row row : workbook.getFirstSheet().read()) {
        rows.add(row.stream().map(cell -> cell == null ? "" : cell.getText()).toList());
      }
    }
    return rows;
  }

  private static long seconds(long since) {
    return Duration.ofNanos(System.nanoTime() - since).toSeconds();
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path each : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(each);
      }
    }
  }

  /** An S3-compatible object store of its own (s3rver from node_modules) with one bucket; null where s3rver or aws is missing. */
  private record ObjectStore(Process server, int port, Path data) implements AutoCloseable {
    static final String BUCKET = "baoxue-evidence";

    static ObjectStore startIfAvailable(String name) throws Exception {
      if (!Files.exists(S3RVER) || !onPath("aws")) {
        System.out.println("restore drill: evidence stays in the database here (needs node_modules/s3rver from npm ci "
            + "and the aws command for the object-store half)");
        return null;
      }
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      Path data = Files.createTempDirectory("s3rver-" + name);
      Process server = new ProcessBuilder("node", S3RVER.toString(), "-d", data.toString(), "-a", "127.0.0.1", "-p",
          String.valueOf(port), "--silent", "--configure-bucket", BUCKET)
          .redirectErrorStream(true).redirectOutput(new File(data.toFile(), "s3rver.log")).start();
      for (int attempt = 0; ; attempt++) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
          break;
        } catch (IOException notYet) {
          if (attempt > 200) {
            server.destroyForcibly();
            throw new IOException("s3rver did not open port " + port);
          }
          Thread.sleep(100);
        }
      }
      return new ObjectStore(server, port, data);
    }

    String endpoint() {
      return "http://127.0.0.1:" + port;
    }

    private static boolean onPath(String command) {
      for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        if (Files.isExecutable(Path.of(directory, command))) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void close() throws IOException {
      server.destroy();
      try {
        server.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      deleteRecursively(data);
    }
  }
}
