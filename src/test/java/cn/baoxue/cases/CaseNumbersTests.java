package cn.baoxue.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first reports of a county in a year, at the same moment (RestBenchmark's four clients found
 * the second one failing with a duplicate key): each gets a number, none twice.
 */
// The shared web context: a context of its own would register a second engine in the JVM-wide
// registry, and the webapps of the browser tests would then show an engine chooser.
@BaoxueWebTest
class CaseNumbersTests {

  @Autowired CaseNumbers numbers;
  @Autowired TransactionTemplate transactions;

  @Test
  void concurrentFirstReportsOfACountyEachGetANumber() throws Exception {
    int reports = 6;
    ExecutorService pool = Executors.newFixedThreadPool(reports);
    try {
      for (int round = 0; round < 5; round++) {
        String county = "99000" + round;
        CyclicBarrier together = new CyclicBarrier(reports);
        List<Future<String>> taken = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
          taken.add(pool.submit(() -> {
            together.await();
            return transactions.execute(status -> numbers.next(county));
          }));
        }
        List<String> got = new ArrayList<>();
        for (Future<String> number : taken) {
          got.add(number.get());
        }
        assertThat(got).doesNotHaveDuplicates().hasSize(reports).allMatch(number -> number.startsWith(county + "-"));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
