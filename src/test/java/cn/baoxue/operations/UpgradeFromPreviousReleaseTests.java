package cn.baoxue.operations;

import static cn.baoxue.testing.CountyCases.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.ApplicationNode;
import cn.baoxue.testing.CountyCases;
import cn.baoxue.testing.CountyCases.Case;
import cn.baoxue.testing.CountyCases.Step;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.PostgresDatabase;
import cn.baoxue.testing.Releases;
import cn.baoxue.testing.Releases.Release;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A county's upgrade, from the previous release (the last line of releases.tsv, built from git
 * history) to the current build, on PostgreSQL and on the embedded H2 file: the previous release's
 * jar runs as its own process and takes cases through its REST API to every state — each rung with
 * its open task, both waits on a timer, a missed deadline under 督办, the written order and the
 * referral letter issued, one closed (销号, with its evidence), one found not to be a dropout. It is
 * stopped; the current build starts on the same database (Flyway migrates it) and every case, process
 * instance, task (with who may work it), variable, timer, history row, document (same SHA-256) and
 * audit entry is still there; every open case then goes on by one step under the model version it
 * started with, and the audit chain verifies before and after.
 *
 * <p>Expensive (two builds' worth of start-ups per database): tagged {@code upgrade}, so a quick tier
 * skips it with {@code -DexcludedGroups=upgrade}; {@code mvn -B test} (CI) runs it. docs/operations.md,
 * "Upgrades".
 */
@Tag("upgrade")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradeFromPreviousReleaseTests {

  /**
   * Both releases as BaoxueWebTest runs the application: no job executor (timers fire only when the
   * test runs them, as an administrator can) and a follow-up period of zero, so a case reaches 销号.
   */
  private static final List<String> NODE_ARGUMENTS = List.of(
      "--camunda.bpm.job-execution.enabled=false",
      "--baoxue.follow-up.interval=PT1S",
      "--baoxue.follow-up.period=P0D");

  private final Release previous = Releases.previous();
  private final List<String> timings = new ArrayList<>();

  @Test
  void casesOfThePreviousReleaseOnPostgresqlAreAllThereAndGoOn() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create("upgrade")) {
      upgrade("postgresql",
          node -> node.env("SPRING_DATASOURCE_URL", database.url(PostgresDatabase.HOST, PostgresDatabase.PORT))
              .env("SPRING_DATASOURCE_USERNAME", "postgres")
              .env("SPRING_DATASOURCE_PASSWORD", ""),
          database::connect);
    }
  }

  @Test
  void casesOfThePreviousReleaseOnTheEmbeddedH2FileAreAllThereAndGoOn() throws Exception {
    Path dataDir = Path.of("target", "upgrade", "h2-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    try {
      upgrade("h2",
          node -> node.arg("--baoxue.data-dir=" + dataDir),
          () -> DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("baoxue"), "sa", ""));
    } finally {
      deleteRecursively(dataDir);
    }
  }

  @AfterAll
  void printTimings() {
    timings.forEach(System.out::println);
  }

  interface Connector {
    Connection connect() throws SQLException;
  }

  private void upgrade(String database, UnaryOperator<ApplicationNode.Builder> onDatabase, Connector jdbc)
      throws Exception {
    long began = System.nanoTime();
    Path jar = Releases.jar(previous);
    lap(database, "previous release's jar ready (" + previous + ")", began);

    // 1. The previous release creates the county's cases.
    long lap = System.nanoTime();
    CountyCases county;
    Snapshot before;
    try (ApplicationNode old = node(onDatabase, "upgrade-" + database + "-" + previous.version()).jar(jar).build().start()) {
      lap(database, "previous release started on an empty database", lap);
      lap = System.nanoTime();
      county = CountyCases.walk(old);
      before = Snapshot.of(old);
      lap(database, (county.cases.size() + 2) + " cases walked and read", lap);
    }
    assertThat(before.audit.get("intact")).as("the previous release's own audit chain").isEqualTo(true);
    Tables tablesBefore;
    try (Connection connection = jdbc.connect()) {
      tablesBefore = Tables.of(connection);
    }

    // 2. The current build starts on the same database: Flyway migrates it, the new models deploy.
    lap = System.nanoTime();
    try (ApplicationNode current = node(onDatabase, "upgrade-" + database + "-current").build().start()) {
      lap(database, "current build started, schema migrated", lap);
      lap = System.nanoTime();
      Snapshot after = Snapshot.of(current);
      after.assertKeeps(before);
      assertDocumentsReadAsIssued(current, tablesBefore.documents);

      // 3. Every open case goes on by one step, under the model version it started with.
      goOn(county, current, before);
      Map<String, Object> verified = EngineRest.as(current.client(), "auditor").get("/api/audit/verify").getBody();
      assertThat(verified).as("GET /api/audit/verify after the upgrade and a step of every case")
          .containsEntry("intact", true);
      assertThat(((Number) verified.get("entries")).intValue()).isGreaterThan(((Number) before.audit.get("entries")).intValue());
      lap(database, "everything compared, every open case one step on", lap);
    }
    try (Connection connection = jdbc.connect()) {
      Tables.of(connection).assertKeeps(tablesBefore);
    }
    lap(database, "whole upgrade test", began);
  }

  private static ApplicationNode.Builder node(UnaryOperator<ApplicationNode.Builder> onDatabase, String name) {
    // Ready, not only healthy: the walk logs in as the demo users right away.
    ApplicationNode.Builder builder = onDatabase.apply(ApplicationNode.named(name)).untilReady();
    NODE_ARGUMENTS.forEach(builder::arg);
    return builder;
  }

  /** Each document the previous release issued downloads with the SHA-256 it was issued with. */
  private static void assertDocumentsReadAsIssued(ApplicationNode current, List<Map<String, Object>> documents) {
    assertThat(documents).as("documents the previous release issued").isNotEmpty();
    for (Map<String, Object> document : documents) {
      ResponseEntity<byte[]> pdf = current.client().withBasicAuth("official-jianshan", EngineRest.DEMO_PASSWORD)
          .getForEntity("/cases/" + document.get("case_number") + "/documents/" + document.get("id"), byte[].class);
      assertThat(pdf.getStatusCode()).as("document " + document).isEqualTo(HttpStatus.OK);
      assertThat(sha256(pdf.getBody())).as("document " + document).isEqualTo(document.get("sha256"));
    }
  }

  private void lap(String database, String what, long since) {
    timings.add("upgrade test [" + database + "] " + what + ": "
        + Duration.ofNanos(System.nanoTime() - since).toSeconds() + " s");
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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

  /** What the previous release wrote, read through the REST API as the people who read it. */
  static final class Snapshot {
    final Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> processes = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> tasks = new LinkedHashMap<>();
    final Map<String, Object> variables = new LinkedHashMap<>();
    final Map<String, Object> taskVariables = new LinkedHashMap<>();
    final Map<String, Object> candidates = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
    final Map<String, Object> historyCounts = new LinkedHashMap<>();
    Map<String, Object> audit;

    static Snapshot of(ApplicationNode node) {
      Snapshot snapshot = new Snapshot();
      EngineRest admin = node.as("admin", EngineRest.DEMO_PASSWORD);
      EngineRest bureau = node.as("bureau-zhenxiong", EngineRest.DEMO_PASSWORD);
      for (Map<String, Object> row : ok(bureau.getList("/api/cases"))) {
        snapshot.cases.put((String) row.get("caseNumber"), row);
      }
      for (Map<String, Object> row : ok(admin.getList("/engine-rest/process-instance"))) {
        String id = (String) row.get("id");
        snapshot.processes.put(id, pick(row, "definitionId", "businessKey", "ended", "suspended"));
        snapshot.variables.put(id, ok(admin.get("/engine-rest/process-instance/" + id + "/variables?deserializeValues=false")));
      }
      for (Map<String, Object> row : ok(admin.getList("/engine-rest/task"))) {
        String id = (String) row.get("id");
        snapshot.tasks.put(id, pick(row, "name", "taskDefinitionKey", "processInstanceId", "processDefinitionId",
            "assignee", "due", "formKey", "camundaFormRef"));
        snapshot.taskVariables.put(id, ok(admin.get("/engine-rest/task/" + id + "/variables?deserializeValues=false")));
        snapshot.candidates.put(id, ok(admin.getList("/engine-rest/task/" + id + "/identity-links")));
      }
      for (Map<String, Object> row : ok(admin.getList("/engine-rest/job"))) {
        snapshot.jobs.put((String) row.get("id"), pick(row, "processInstanceId", "dueDate", "retries", "suspended"));
      }
      for (String history : List.of("process-instance", "task", "activity-instance", "variable-instance", "detail")) {
        snapshot.historyCounts.put(history, ok(admin.get("/engine-rest/history/" + history + "/count")).get("count"));
      }
      snapshot.audit = ok(node.as("auditor", EngineRest.DEMO_PASSWORD).get("/api/audit/verify"));
      return snapshot;
    }

    /** Everything read before is read the same now; what a newer release adds beside it is not compared. */
    void assertKeeps(Snapshot before) {
      before.cases.forEach((number, summary) -> {
        assertThat(cases).as("cases").containsKey(number);
        assertThat(cases.get(number)).as("case " + number).containsAllEntriesOf(summary);
      });
      // Compared as "contains": what the current build may start by itself beside them is not compared.
      assertThat(processes).as("running process instances, each on its model version").containsAllEntriesOf(before.processes);
      assertThat(tasks).as("open tasks").containsAllEntriesOf(before.tasks);
      before.variables.forEach((id, values) -> assertThat(asMap(variables.get(id)))
          .as("variables of process instance " + id + " (" + before.processes.get(id).get("businessKey") + ")")
          .containsAllEntriesOf(asMap(values)));
      before.taskVariables.forEach((id, values) -> assertThat(asMap(taskVariables.get(id)))
          .as("variables of task " + before.tasks.get(id).get("taskDefinitionKey") + " " + id)
          .containsAllEntriesOf(asMap(values)));
      assertThat(candidates).as("who may work each open task").containsAllEntriesOf(before.candidates);
      assertThat(jobs).as("timers and jobs").containsAllEntriesOf(before.jobs);
      before.historyCounts.forEach((history, count) -> assertThat(((Number) historyCounts.get(history)).longValue())
          .as("history rows: " + history).isGreaterThanOrEqualTo(((Number) count).longValue()));
      assertThat(audit).as("GET /api/audit/verify right after the upgrade").containsEntry("intact", true);
      assertThat(((Number) audit.get("entries")).intValue()).as("audit entries")
          .isGreaterThanOrEqualTo(((Number) before.audit.get("entries")).intValue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
      return (Map<String, Object>) value;
    }

    private static Map<String, Object> pick(Map<String, Object> row, String... keys) {
      Map<String, Object> picked = new LinkedHashMap<>();
      for (String key : keys) {
        picked.put(key, row.get(key));
      }
      return picked;
    }
  }


  /** Every open case one step on, on the current build; each stays on its model version. */
  private static void goOn(CountyCases county, ApplicationNode node, Snapshot before) {
    EngineRest admin = node.as("admin", EngineRest.DEMO_PASSWORD);
    for (Case walked : county.cases) {
      Step step = walked.next();
      if (step == null) {
        assertThat(admin.tasks(walked.processInstanceId)).as(walked + " stays closed").isEmpty();
        continue;
      }
      if (!step.isTimer()) {
        assertThat(admin.tasks(walked.processInstanceId)).as(walked.toString())
            .extracting(task -> task.get("taskDefinitionKey")).containsExactly(step.awaits);
      }
      walked.take(node);
      Step following = walked.next();
      List<Map<String, Object>> tasks = admin.tasks(walked.processInstanceId);
      if (following == null) {
        assertThat(tasks).as(walked + " closed on the current build").isEmpty();
        assertThat(ok(node.as("bureau-zhenxiong", EngineRest.DEMO_PASSWORD).get("/api/cases/" + walked.caseNumber)))
            .containsEntry("status", "CLOSED");
      } else if (following.isTimer()) {
        assertThat(tasks).as(walked + " waits at " + following.awaits).isEmpty();
        assertThat(ok(admin.getList("/engine-rest/job?processInstanceId=" + walked.processInstanceId
            + "&activityId=" + following.awaits + "&timers=true"))).as(walked + " waits at " + following.awaits).hasSize(1);
      } else {
        assertThat(tasks).as(walked + " goes on to " + following.awaits).extracting(task -> task.get("taskDefinitionKey"))
            .containsExactly(following.awaits);
        assertThat(tasks.get(0).get("processDefinitionId")).as(walked + " stays on the model version it started with")
            .isEqualTo(before.processes.get(walked.processInstanceId).get("definitionId"));
      }
    }

    assertThat(admin.tasks(county.notADropout.processInstanceId)).isEmpty();
    assertThat(ok(node.as("bureau-zhenxiong", EngineRest.DEMO_PASSWORD).get("/api/cases/" + county.notADropout.caseNumber)))
        .as(county.notADropout.toString()).containsEntry("status", before.cases.get(county.notADropout.caseNumber).get("status"));

    // The township's 督办 (started by the previous release) is done on the current build: it
    // hands the overdue verification to the principal.
    List<Map<String, Object>> supervision = county.supervisionTasks(node);
    assertThat(supervision).as("督办 of " + county.supervised).hasSize(1);
    assertThat(node.as("official-jianshan", EngineRest.DEMO_PASSWORD).complete((String) supervision.get(0).get("id"),
        Map.of("supervisionAction", "REASSIGN", "newAssignee", "principal-changan", "supervisionNotes", "请校长亲自核实"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(county.supervisionTasks(node)).isEmpty();
    assertThat(admin.tasks(county.supervised.processInstanceId)).extracting(task -> task.get("assignee"))
        .containsExactly("principal-changan");

    // A case reported now starts on the newest model.
    Case fresh = Case.report(node, "reported after the upgrade");
    List<Map<String, Object>> latest = ok(admin.getList("/engine-rest/process-definition?key=dropout-case&latestVersion=true"));
    assertThat(ok(admin.get("/engine-rest/process-instance/" + fresh.processInstanceId)).get("definitionId"))
        .isEqualTo(latest.get(0).get("id"));
  }

  /**
   * The tables as JDBC reads them while no node runs: Baoxue's own tables, the engine's history,
   * its deployments and its users never lose a row in normal work (only the retention purge, ten
   * years after a case closed, deletes), so every row of before is found again after by its primary
   * key; the audit trail is compared column by column, since no one may change an entry.
   */
  static final class Tables {
    final Map<String, List<String>> keys = new LinkedHashMap<>();
    final Map<String, List<String>> rows = new LinkedHashMap<>();
    final List<Map<String, Object>> documents = new ArrayList<>();
    final List<Map<String, String>> auditTrail = new ArrayList<>();
    final List<String> schemaVersions = new ArrayList<>();

    static Tables of(Connection connection) throws SQLException {
      Tables tables = new Tables();
      var metadata = connection.getMetaData();
      String schema = connection.getSchema();
      List<String> names = new ArrayList<>();
      try (var found = metadata.getTables(null, schema, "%", new String[] {"TABLE"})) {
        while (found.next()) {
          names.add(found.getString("TABLE_NAME"));
        }
      }
      for (String table : names) {
        String lower = table.toLowerCase();
        boolean kept = !lower.startsWith("act_") || lower.startsWith("act_hi_procinst") || lower.startsWith("act_hi_taskinst")
            || lower.startsWith("act_re_") || lower.startsWith("act_id_");
        if (!kept) {
          continue;
        }
        List<String> primaryKey = new ArrayList<>();
        try (var columns = metadata.getPrimaryKeys(null, schema, table)) {
          while (columns.next()) {
            primaryKey.add(columns.getString("COLUMN_NAME"));
          }
        }
        List<String> values = new ArrayList<>();
        String select = primaryKey.isEmpty() ? "select count(*) from " + quoted(table, connection)
            : "select " + String.join(", ", primaryKey.stream().map(column -> quoted(column, connection)).toList())
                + " from " + quoted(table, connection);
        try (var statement = connection.createStatement(); var result = statement.executeQuery(select)) {
          while (result.next()) {
            if (primaryKey.isEmpty()) {
              values.add("rows: " + result.getLong(1));
            } else {
              StringBuilder key = new StringBuilder();
              for (int i = 1; i <= primaryKey.size(); i++) {
                key.append(result.getString(i)).append('|');
              }
              values.add(key.toString());
            }
          }
        }
        tables.keys.put(lower, primaryKey);
        tables.rows.put(lower, values);
      }
      try (var statement = connection.createStatement();
          var result = statement.executeQuery("select d.id, c.case_number, d.sha256 from case_document d"
              + " join dropout_case c on c.id = d.case_id order by d.id")) {
        while (result.next()) {
          tables.documents.add(Map.of("id", result.getLong(1), "case_number", result.getString(2), "sha256", result.getString(3)));
        }
      }
      try (var statement = connection.createStatement();
          var result = statement.executeQuery("select * from audit_trail order by id")) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          Map<String, String> row = new LinkedHashMap<>();
          for (int i = 1; i <= columns; i++) {
            Object value = result.getObject(i);
            row.put(result.getMetaData().getColumnName(i).toLowerCase(),
                value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value));
          }
          tables.auditTrail.add(row);
        }
      }
      String history = names.stream().filter(name -> name.equalsIgnoreCase("flyway_schema_history")).findFirst().orElseThrow();
      try (var statement = connection.createStatement();
          var result = statement.executeQuery("select \"version\", \"success\" from " + quoted(history, connection)
              + " where \"version\" is not null")) {
        while (result.next()) {
          tables.schemaVersions.add(result.getString(1) + (result.getBoolean(2) ? "" : " FAILED"));
        }
      }
      return tables;
    }

    /** As the database spells it (H2 upper case, PostgreSQL lower case, Flyway's table quoted lower case). */
    private static String quoted(String name, Connection connection) {
      return "\"" + name + "\"";
    }

    void assertKeeps(Tables before) {
      before.rows.forEach((table, values) -> {
        assertThat(rows).as("tables").containsKey(table);
        if (before.keys.get(table).isEmpty()) {
          long was = Long.parseLong(values.isEmpty() ? "0" : values.get(0).substring("rows: ".length()));
          long now = Long.parseLong(rows.get(table).get(0).substring("rows: ".length()));
          assertThat(now).as("rows of " + table).isGreaterThanOrEqualTo(was);
        } else {
          assertThat(rows.get(table)).as("rows of " + table + " by " + before.keys.get(table)).containsAll(values);
        }
      });
      assertThat(auditTrail).as("audit entries").hasSizeGreaterThanOrEqualTo(before.auditTrail.size());
      for (int i = 0; i < before.auditTrail.size(); i++) {
        // Column by column; a column a later release adds to the trail is not compared.
        assertThat(auditTrail.get(i)).as("audit entry of the previous release").containsAllEntriesOf(before.auditTrail.get(i));
      }
      assertThat(schemaVersions).as("schema versions").containsAll(before.schemaVersions).noneMatch(v -> v.endsWith("FAILED"));
    }
  }
}
