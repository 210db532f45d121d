package cn.baoxue.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * REST cost: the happy path through /engine-rest with HTTP Basic and authorization on, by 1, 4
 * and 16 clients at once, each walking its share of the cases: cases and calls per second, and the
 * latency of each call.
 *
 * <pre>mvn -B -Pbench test -Dtest=RestBenchmark [-Dbench.db=postgres] [-Dbench.cases=64]</pre>
 */
class RestBenchmark {

  @Test
  void happyPathThroughTheRestApi() throws Exception {
    int cases = BenchApplication.intProperty("bench.cases", 64);
    try (BenchApplication app = BenchApplication.start("rest")) {
      // Warm-up: JIT, Tomcat's threads, the connection pool.
      run(app, 4, Math.max(16, cases / 4));
      BenchReport report = new BenchReport("REST: report → 销号 through /engine-rest, HTTP Basic, authorization on, "
          + cases + " cases per level",
          "clients", "cases/s", "calls/s", "p50 per call", "p99 per call", "complete p50 / p99", "task query p50 / p99");
      for (int clients : List.of(1, 4, 16)) {
        Map<String, Latencies> latencies = RestWalk.newLatencies();
        long start = System.nanoTime();
        runWith(app, clients, cases, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        Latencies all = new Latencies();
        latencies.values().forEach(all::addAll);
        Latencies complete = latencies.get("complete");
        Latencies query = latencies.get("task query");
        report.row(clients, fmt(cases / seconds), fmt(all.count() / seconds), BenchReport.ms(all.percentile(50)),
            BenchReport.ms(all.percentile(99)),
            BenchReport.ms(complete.percentile(50)) + " / " + BenchReport.ms(complete.percentile(99)),
            BenchReport.ms(query.percentile(50)) + " / " + BenchReport.ms(query.percentile(99)));
      }
      report.note("A case is 24 calls: start, 10 × (task query + complete), timer job query + execute (as admin).").print();
    }
  }

  private static void run(BenchApplication app, int clients, int cases) throws Exception {
    runWith(app, clients, cases, RestWalk.newLatencies());
  }

  private static void runWith(BenchApplication app, int clients, int cases, Map<String, Latencies> latencies) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        int share = cases / clients + (client < cases % clients ? 1 : 0);
        running.add(pool.submit(() -> {
          RestWalk walk = new RestWalk(app.baseUrl(), latencies);
          for (int i = 0; i < share; i++) {
            walk.walk();
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String fmt(double value) {
    return String.format("%.1f", value);
  }
}
