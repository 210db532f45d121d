package cn.baoxue.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The task list at scale: loads a province (ScaleData) of {@code bench.open} open and
 * {@code bench.closed} closed cases, checks that the engine reads the copies back (a task query
 * by candidate group finds them, a copied task can be completed), then times, as each user
 * through HTTP, what they open every morning: their Tasklist filters (list and count, as Tasklist
 * asks for them), the dropout ledger and the county's summary report.
 *
 * <pre>
 * mvn -B -Pbench test -Dtest=TaskListBenchmark                       # H2, 2,000 open + 5,000 closed
 * mvn -B -Pbench test -Dtest=TaskListBenchmark -Dbench.db=postgres \
 *     -Dbench.open=100000 -Dbench.closed=1000000 [-Dbench.keep=true]  # the province
 * </pre>
 */
class TaskListBenchmark {

  static final String TEACHER = "teacher-changan";
  static final String OFFICIAL = "official-jianshan";
  static final String BUREAU = "bureau-zhenxiong";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String TASKLIST_BODY = "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],"
      + "\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[]}";

  @Test
  void tasklistLedgerAndSummaryAtScale() throws Exception {
    int open = BenchApplication.intProperty("bench.open", 2_000);
    int closed = BenchApplication.intProperty("bench.closed", 5_000);
    int samples = BenchApplication.intProperty("bench.samples", 40);
    try (BenchApplication app = BenchApplication.start("scale")) {
      DataSource dataSource = app.bean(DataSource.class);
      ScaleData data = new ScaleData(dataSource, BenchApplication.onPostgres());
      EngineWalk walk = new EngineWalk(app);
      if (BenchApplication.reusedDatabase() == null) {
        generate(app, data, walk, open, closed);
      }
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      readBack(app, walk, jdbc, data);
      int openCases = jdbc.queryForObject("select count(*) from dropout_case where closed_at is null", Integer.class);
      int closedCases = jdbc.queryForObject("select count(*) from dropout_case where closed_at is not null", Integer.class);
      // Before and after AuthorizedGroupsPlugin, on the same data in the same run.
      var sessionFactories = ((ProcessEngineImpl) app.bean(ProcessEngine.class)).getProcessEngineConfiguration().getSessionFactories();
      SessionFactory baoxueManagers = sessionFactories.get(AuthorizationManager.class);
      sessionFactories.put(AuthorizationManager.class, new GenericManagerFactory(AuthorizationManager.class));
      Map<String, Latencies[]> before = measure(app, samples, jdbc);
      sessionFactories.put(AuthorizationManager.class, baoxueManagers);
      Map<String, Latencies[]> after = measure(app, samples, jdbc);
      report(openCases, closedCases, samples, before, after);
    }
  }

  /** Loads the province: the org tree, one real case per state, then the copies. */
  private static void generate(BenchApplication app, ScaleData data, EngineWalk walk, int open, int closed) throws Exception {
    BenchReport load = new BenchReport("Data generator: " + open + " open + " + closed + " closed cases",
        "step", "cases", "rows", "time", "rows/s");
    data.orgTree(BenchApplication.intProperty("bench.counties", 10), 12, 10);

    List<ScaleData.Template> openTemplates = new ArrayList<>();
    List<ScaleData.Template> closedTemplates = new ArrayList<>();
    for (ScaleData.State state : ScaleData.TEMPLATES) {
      String pi = walk.baoxueCaseAt(state.walkUntil(), state.name().equals("notDropout"));
      ScaleData.Template template = data.capture(state, pi);
      (state.open() ? openTemplates : closedTemplates).add(template);
      load.row("template " + state.name(), 1, template.rowCount() + " " + template.tableCounts(), "", "");
    }

    Random shifts = new Random(7);
    boolean fullHistory = "full".equals(System.getProperty("bench.history"));
    String history = fullHistory ? "full history" : "process instance and task history";
    long start = System.nanoTime();
    long rows = data.load(openTemplates, open, i -> (long) shifts.nextInt(45 * 24 * 3600) * 1000,
        fullHistory ? java.util.Set.of() : ScaleData.LIGHT_OPEN_HISTORY_SKIPS);
    load.row("open cases (runtime, " + history + ")", open, rows, seconds(start), perSecond(rows, start));
    start = System.nanoTime();
    rows = data.load(closedTemplates, closed, i -> (60L + shifts.nextInt(1400)) * 24 * 3600 * 1000,
        fullHistory ? java.util.Set.of() : ScaleData.LIGHT_HISTORY_SKIPS);
    load.row("closed cases (" + history + ")", closed, rows,
        seconds(start), perSecond(rows, start));
    start = System.nanoTime();
    data.finish();
    load.row("sequences, counters, vacuum analyze", "", "", seconds(start), "");
    load.note(String.format("Generating the copies took %.1f s, writing them %.1f s.", data.copyNanos / 1e9, data.writeNanos / 1e9));
    load.print();

  }

  /** The engine reads the copies as its own: a candidate-group query counts them, a copy's task completes. */
  private static void readBack(BenchApplication app, EngineWalk walk, JdbcTemplate jdbc, ScaleData data) {
    TaskService tasks = app.bean(TaskService.class);
    String group = jdbc.queryForObject("select group_id_ from act_ru_identitylink where type_ = 'candidate'"
        + " and group_id_ like 'school_%' and group_id_ <> 'school_5306270001' group by group_id_ order by count(*) desc limit 1",
        String.class);
    long copied = jdbc.queryForObject("select count(distinct task_id_) from act_ru_identitylink where group_id_ = ?"
        + " and type_ = 'candidate'", Long.class, group);
    assertThat(copied).isPositive();
    assertThat(tasks.createTaskQuery().taskCandidateGroup(group).count()).isEqualTo(copied);

    Task verify = walk.as(TEACHER, () -> tasks.createTaskQuery().taskCandidateGroup("school_5306270001")
        .taskDefinitionKey("verify").processInstanceBusinessKeyLike("530627-%").orderByTaskCreateTime().asc().listPage(0, 1))
        .get(0);
    String caseNumber = (String) tasks.getVariable(verify.getId(), "caseNumber");
    // Tasklist's line of the copied task names the copy's case and child, not the template's.
    assertThat((String) tasks.getVariableLocal(verify.getId(), "caseSummary"))
        .isEqualTo(tasks.getVariable(verify.getId(), "studentName") + " · 长安村小学 · 长安村 · " + caseNumber);
    walk.as(TEACHER, () -> {
      tasks.complete(verify.getId(), Map.of("verifyResult", "CONFIRMED", "verifyNotes", "核实"));
      return null;
    });
    assertThat(jdbc.queryForObject("select verify_result from dropout_case where case_number = ?", String.class, caseNumber))
        .isEqualTo("CONFIRMED");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("assignHelpers").count())
        .isEqualTo(1);
  }

  private static Map<String, Latencies[]> measure(BenchApplication app, int samples, JdbcTemplate jdbc) throws Exception {
    Map<String, Latencies[]> rows = new LinkedHashMap<>();
    for (String user : List.of(TEACHER, OFFICIAL, BUREAU)) {
      Map<String, String> filters = filters(app, user);
      for (String filter : List.of("我的待办", "本单位待办", "全部待办", "已逾期/督办")) {
        String id = filters.get(filter);
        String list = "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15";
        String count = "/engine-rest/filter/" + id + "/count";
        int total = ((Number) JSON.readValue(post(app, user, count, TASKLIST_BODY, "application/json"),
            new TypeReference<Map<String, Object>>() {}).get("count")).intValue();
        Latencies listed = time(samples, () -> post(app, user, list, TASKLIST_BODY, "application/hal+json"));
        Latencies counted = time(samples, () -> post(app, user, count, TASKLIST_BODY, "application/json"));
        rows.put("Tasklist 「" + filter + "」 first 15 + variables|" + user + "|" + total, new Latencies[] {listed});
        rows.put("Tasklist 「" + filter + "」 count|" + user + "|" + total, new Latencies[] {counted});
      }
    }
    // Any task of the school: at the default scale the read-back may have completed its only copied verification.
    String verify = JSON.<List<Map<String, Object>>>readValue(get(app, TEACHER,
        "/engine-rest/task?candidateGroup=school_5306270001&unassigned=true&maxResults=1"), new TypeReference<>() {})
        .get(0).get("id").toString();
    TaskService tasks = app.bean(TaskService.class);
    Latencies claims = new Latencies();
    for (int i = 0; i < samples + 5; i++) {
      long start = System.nanoTime();
      post(app, TEACHER, "/engine-rest/task/" + verify + "/claim", "{\"userId\":\"" + TEACHER + "\"}", "application/json");
      if (i >= 5) {
        claims.add(System.nanoTime() - start);
      }
      tasks.setAssignee(verify, null);
    }
    rows.put("claim a task (POST /task/{id}/claim)|" + TEACHER + "|", new Latencies[] {claims});
    long dropouts = jdbc.queryForObject("select count(*) from dropout_case where county_code = '530627' and verify_result = 'CONFIRMED'", Long.class);
    rows.put("辍学台账 first page (50 rows), county|" + BUREAU + "|" + dropouts,
        new Latencies[] {time(samples, () -> get(app, BUREAU, "/ledgers/dropouts"))});
    rows.put("辍学台账 first page, school|" + TEACHER + "|",
        new Latencies[] {time(samples, () -> get(app, TEACHER, "/ledgers/dropouts"))});
    long countyCases = jdbc.queryForObject("select count(*) from dropout_case where county_code = '530627'", Long.class);
    long allCases = jdbc.queryForObject("select count(*) from dropout_case", Long.class);
    rows.put("summary report, county 530627|" + BUREAU + "|" + countyCases + " of " + allCases,
        new Latencies[] {time(samples, () -> get(app, BUREAU, "/api/reports/summary?scope=530627"))});
    return rows;
  }

  private static void report(int open, int closed, int samples, Map<String, Latencies[]> before, Map<String, Latencies[]> after) {
    BenchReport report = new BenchReport("Task list, ledger and summary at " + open + " open + " + closed + " closed cases, "
        + samples + " samples each after 5 warm-ups; after the fixes, and p95 before them (same data, same run)",
        "what", "as", "rows", "p50", "p95", "p99", "p50 / p95 before");
    after.forEach((key, latencies) -> {
      String[] parts = key.split("\\|", -1);
      Latencies now = latencies[0];
      Latencies then = before.get(key)[0];
      report.row(parts[0], parts[1], parts[2], p(now, 50), p(now, 95), p(now, 99), p(then, 50) + " / " + p(then, 95));
    });
    report.note("Filters as Tasklist asks for them: POST /engine-rest/filter/{id}/list (first 15, by due date, "
        + "Accept: application/hal+json, the filter's variables embedded) and /count, HTTP Basic, authorization on.").print();
  }

  private static Map<String, String> filters(BenchApplication app, String user) throws Exception {
    List<Map<String, Object>> filters = JSON.readValue(get(app, user, "/engine-rest/filter?resourceType=Task"), new TypeReference<>() {});
    Map<String, String> byName = new java.util.HashMap<>();
    filters.forEach(filter -> byName.put((String) filter.get("name"), (String) filter.get("id")));
    return byName;
  }

  interface Call {
    String run() throws Exception;
  }

  private static Latencies time(int samples, Call call) throws Exception {
    for (int i = 0; i < 5; i++) {
      call.run();
    }
    Latencies latencies = new Latencies();
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      call.run();
      latencies.add(System.nanoTime() - start);
    }
    return latencies;
  }

  private static String get(BenchApplication app, String user, String path) throws Exception {
    return send(app, user, HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET().header("Accept", "*/*"));
  }

  private static String post(BenchApplication app, String user, String path, String body, String accept) throws Exception {
    return send(app, user, HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
        .header("Content-Type", "application/json").header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String send(BenchApplication app, String user, HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(120))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(request.build().uri() + " as " + user + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private static String p(Latencies latencies, double percentile) {
    return BenchReport.ms(latencies.percentile(percentile));
  }

  private static String seconds(long startNanos) {
    return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }

  private static String perSecond(long rows, long startNanos) {
    return String.format("%,.0f", rows / ((System.nanoTime() - startNanos) / 1e9));
  }
}
