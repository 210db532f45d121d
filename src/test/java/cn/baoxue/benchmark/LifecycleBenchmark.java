package cn.baoxue.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.org.StaffDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle ratio: cases per second walked from report to 销号 through Baoxue (its model,
 * listeners, forms and tables) against the bare engine (BareEngine: Camunda's defaults, no Baoxue
 * plugin or listener) walking a twin of the same shape, on the same database in the same run. The two alternate in rounds, so both see the same machine load.
 *
 * <pre>mvn -B -Pbench test -Dtest=LifecycleBenchmark [-Dbench.db=postgres] [-Dbench.cases=200] [-Dbench.rounds=5] [-Dbench.warmup=200] [-Dbench.dump=true]</pre>
 *
 * <p>{@code bench.dump} prints, on H2, every statement of the counted cases with its count (lines "STMT").
 */
class LifecycleBenchmark {

  @Test
  void baoxueAgainstTheBareEngine() throws Exception {
    int perRound = BenchApplication.intProperty("bench.cases", 100);
    int rounds = BenchApplication.intProperty("bench.rounds", 5);
    int warmUp = BenchApplication.intProperty("bench.warmup", 200);
    try (BenchApplication app = BenchApplication.start("lifecycle");
        BareEngine bareEngine = BareEngine.on(app.bean(DataSource.class))) {
      EngineWalk walk = new EngineWalk(app);
      EngineWalk bareWalk = new EngineWalk(bareEngine.engine(), app.bean(StaffDirectory.class));
      Supplier<String> bareCase = () -> bareWalk.walkTwin(BareDropoutCase.KEY);
      Supplier<String> bareCaseWithTimers = () -> bareWalk.walkTwin(BareDropoutCase.KEY_WITH_TIMERS);
      // Warm-up: JIT, caches of both engines and of Hibernate. Baoxue's walk runs far more code
      // (listeners, JPA, the PDF) and was still speeding up after 20 cases: its rounds climbed
      // from 4.0 to 6.0 cases/s. 200 of each reach the steady state.
      for (int i = 0; i < warmUp; i++) {
        walk.walkBaoxue();
        bareCase.get();
        bareCaseWithTimers.get();
      }
      List<Long> baoxueNanos = new ArrayList<>();
      List<Long> bareNanos = new ArrayList<>();
      List<Long> timersNanos = new ArrayList<>();
      List<String> lastCases = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        lastCases.add(timeRound(perRound, walk::walkBaoxue, baoxueNanos));
        lastCases.add(timeRound(perRound, bareCase, bareNanos));
        lastCases.add(timeRound(perRound, bareCaseWithTimers, timersNanos));
      }
      assertThat(lastCases).allSatisfy(pi -> assertThat(walk.isEnded(pi)).isTrue());

      int walked = warmUp + rounds * perRound;
      JdbcTemplate jdbc = new JdbcTemplate(app.bean(DataSource.class));
      String baoxueStatements = statementsPerCase(jdbc, walk::walkBaoxue);
      String bareStatements = statementsPerCase(jdbc, bareCase);
      String timersStatements = statementsPerCase(jdbc, bareCaseWithTimers);
      double baoxue = casesPerSecond(perRound, baoxueNanos);
      double bare = casesPerSecond(perRound, bareNanos);
      double timers = casesPerSecond(perRound, timersNanos);
      new BenchReport("Lifecycle: report → 销号, in process, " + rounds + " rounds × " + perRound + " cases each",
          "walk", "cases/s (median round)", "ms per case", "rounds (cases/s)", "history rows per case",
          "SQL statements per case")
          .row("Baoxue (dropout-case.bpmn)", fmt(baoxue), fmt(1000 / baoxue), perRoundFigures(perRound, baoxueNanos),
              historyRowsPerCase(jdbc, "dropout-case", walked), baoxueStatements)
          .row("bare engine (Camunda's defaults, same shape)", fmt(bare), fmt(1000 / bare), perRoundFigures(perRound, bareNanos),
              historyRowsPerCase(jdbc, BareDropoutCase.KEY, walked), bareStatements)
          .row("**ratio bare/Baoxue**", "**" + String.format("%.2f×", bare / baoxue) + "**", "", "", "", "")
          .row("bare engine + a timer per task (no-op timeout listener)", fmt(timers), fmt(1000 / timers),
              perRoundFigures(perRound, timersNanos), historyRowsPerCase(jdbc, BareDropoutCase.KEY_WITH_TIMERS, walked),
              timersStatements)
          .row("ratio (bare + timers)/Baoxue", String.format("%.2f×", timers / baoxue), "", "", "", "")
          .note("Each case: 1 start + 9 task completions + 1 timer, each step as its user with authorization checks on. "
              + "The third walk is the plain twin with a timer on every user task, as Baoxue's escalation puts one there: "
              + "the engine's own cost of that feature.")
          .print();
    }
  }

  /** One round of one walk, timed; returns the last case walked. */
  private static String timeRound(int perRound, Supplier<String> walk, List<Long> roundNanos) {
    String last = null;
    long start = System.nanoTime();
    for (int i = 0; i < perRound; i++) {
      last = walk.get();
    }
    roundNanos.add(System.nanoTime() - start);
    return last;
  }

  /**
   * Statements the database executed per case, commits included, over 10 more cases: the one figure
   * of the walk that does not move with the machine's load. H2 counts them (QUERY_STATISTICS);
   * on PostgreSQL the column stays empty.
   */
  private static String statementsPerCase(JdbcTemplate jdbc, Supplier<String> walk) {
    if (BenchApplication.onPostgres()) {
      return "";
    }
    jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    jdbc.execute("SET QUERY_STATISTICS TRUE");
    for (int i = 0; i < 10; i++) {
      walk.get();
    }
    long statements = jdbc.queryForObject("select sum(EXECUTION_COUNT) from INFORMATION_SCHEMA.QUERY_STATISTICS", Long.class);
    if (Boolean.getBoolean("bench.dump")) {
      jdbc.queryForList("select EXECUTION_COUNT, SQL_STATEMENT from INFORMATION_SCHEMA.QUERY_STATISTICS order by EXECUTION_COUNT desc")
          .forEach(row -> System.out.println("STMT " + row.get("EXECUTION_COUNT") + "\t" + String.valueOf(row.get("SQL_STATEMENT")).replaceAll("\\s+", " ")));
    }
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    return fmt(statements / 10.0);
  }

  /** What the engine's history keeps of one case (full history level), summed over its tables. */
  private static String historyRowsPerCase(JdbcTemplate jdbc, String processKey, int cases) {
    long rows = 0;
    for (String table : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail",
        "act_hi_identitylink", "act_hi_op_log")) {
      rows += jdbc.queryForObject("select count(*) from " + table + " where proc_def_key_ = ?", Long.class, processKey);
    }
    rows += jdbc.queryForObject("select count(*) from act_hi_job_log where process_def_key_ = ?", Long.class, processKey);
    return fmt((double) rows / cases);
  }

  private static double casesPerSecond(int perRound, List<Long> roundNanos) {
    List<Long> sorted = roundNanos.stream().sorted().toList();
    return perRound / (sorted.get(sorted.size() / 2) / 1e9);
  }

  private static String perRoundFigures(int perRound, List<Long> roundNanos) {
    return String.join(", ", roundNanos.stream().map(nanos -> fmt(perRound / (nanos / 1e9))).toList());
  }

  static String fmt(double value) {
    return String.format("%.1f", value);
  }
}
