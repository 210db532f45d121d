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
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import cn.baoxue.org.StaffGroups;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
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
      measure(app, samples, jdbc.queryForObject("select count(*) from dropout_case where closed_at is null", Integer.class),
          jdbc.queryForObject("select count(*) from dropout_case where closed_at is not null", Integer.class), jdbc);
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
    load.row("sequences, counters, analyze", "", "", seconds(start), "");
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
    walk.as(TEACHER, () -> {
      tasks.complete(verify.getId(), Map.of("verifyResult", "CONFIRMED", "verifyNotes", "核实"));
      return null;
    });
    assertThat(jdbc.queryForObject("select verify_result from dropout_case where case_number = ?", String.class, caseNumber))
        .isEqualTo("CONFIRMED");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("assignHelpers").count())
        .isEqualTo(1);
  }

  /** The filters as they were before the benchmark (narrowed by the authorization check alone), to compare in one run. */
  static final String BEFORE_ALL = "基准：全部待办（仅授权检查）";
  static final String BEFORE_OVERDUE = "基准：已逾期/督办（仅授权检查）";

  private static void saveBeforeFilters(BenchApplication app) {
    FilterService filters = app.bean(FilterService.class);
    TaskService tasks = app.bean(TaskService.class);
    Map<String, TaskQuery> before = Map.of(
        BEFORE_ALL, tasks.createTaskQuery().orderByDueDate().asc(),
        BEFORE_OVERDUE, tasks.createTaskQuery().or().dueBeforeExpression("${now()}").taskMinPriority(51)
            .processDefinitionKey("supervision").endOr().orderByDueDate().asc());
    before.forEach((name, query) -> {
      Filter filter = filters.createFilterQuery().filterName(name).singleResult();
      if (filter == null) {
        filter = filters.newTaskFilter(name);
      }
      filter.setQuery(query);
      filter.setProperties(Map.of("variables", List.of(Map.of("name", "caseNumber", "label", "案件编号"),
          Map.of("name", "studentName", "label", "学生"), Map.of("name", "schoolName", "label", "学校"),
          Map.of("name", "villageName", "label", "村"))));
      filters.saveFilter(filter);
      app.bean(StaffGroups.class).grantFilterToEveryone(filter.getId());
    });
  }

  private static void measure(BenchApplication app, int samples, int open, int closed, JdbcTemplate jdbc) throws Exception {
    saveBeforeFilters(app);
    BenchReport report = new BenchReport("Task list, ledger and summary at " + open + " open + " + closed + " closed cases, "
        + samples + " samples each after 5 warm-ups", "what", "as", "rows", "p50", "p95", "p99");
    for (String user : List.of(TEACHER, OFFICIAL, BUREAU)) {
      Map<String, String> filters = filters(app, user);
      for (String filter : List.of("本单位待办", "全部待办", BEFORE_ALL, "已逾期/督办", BEFORE_OVERDUE)) {
        String id = filters.get(filter);
        String list = "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15";
        String count = "/engine-rest/filter/" + id + "/count";
        int total = ((Number) JSON.readValue(post(app, user, count, TASKLIST_BODY, "application/json"),
            new TypeReference<Map<String, Object>>() {}).get("count")).intValue();
        Latencies listed = time(samples, () -> post(app, user, list, TASKLIST_BODY, "application/hal+json"));
        Latencies counted = time(samples, () -> post(app, user, count, TASKLIST_BODY, "application/json"));
        report.row("Tasklist 「" + filter + "」 first page (hal+json)", user, total, p(listed, 50), p(listed, 95), p(listed, 99));
        report.row("Tasklist 「" + filter + "」 count", user, total, p(counted, 50), p(counted, 95), p(counted, 99));
      }
    }
    long dropouts = jdbc.queryForObject("select count(*) from dropout_case where county_code = '530627' and verify_result = 'CONFIRMED'", Long.class);
    Latencies ledger = time(samples, () -> get(app, BUREAU, "/ledgers/dropouts"));
    report.row("辍学台账 first page (50 rows), county", BUREAU, dropouts, p(ledger, 50), p(ledger, 95), p(ledger, 99));
    Latencies schoolLedger = time(samples, () -> get(app, TEACHER, "/ledgers/dropouts"));
    report.row("辍学台账 first page, school", TEACHER, "", p(schoolLedger, 50), p(schoolLedger, 95), p(schoolLedger, 99));
    long countyCases = jdbc.queryForObject("select count(*) from dropout_case where county_code = '530627'", Long.class);
    long allCases = jdbc.queryForObject("select count(*) from dropout_case", Long.class);
    Latencies summary = time(samples, () -> get(app, BUREAU, "/api/reports/summary?scope=530627"));
    report.row("summary report, county 530627", BUREAU, countyCases + " of " + allCases, p(summary, 50), p(summary, 95),
        p(summary, 99));
    report.note("Filters as Tasklist asks for them: POST /engine-rest/filter/{id}/list (first 15, by due date, "
        + "Accept: application/hal+json, variables embedded) and /count, HTTP Basic, authorization on.").print();
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
    if (response.statusCode() != 200) {
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
