package cn.baoxue.cases;

import java.time.Year;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out case numbers per county and year (530627-2026-00001). The counter row is updated
 * before it is read, so concurrent reports in one county queue on its row lock.
 *
 * <p>The first report of a county in a year creates the row in a transaction of its own: two
 * first reports at once (a roster import beside a teacher's report) would otherwise both insert
 * it, and the loser's whole case would fail with a duplicate key (found by RestBenchmark).
 */
@Component
class CaseNumbers {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  CaseNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  String next(String countyCode) {
    int year = Year.now().getValue();
    if (increment(countyCode, year) == 0) {
      createCounter(countyCode, year);
      increment(countyCode, year);
    }
    int value =
        jdbc.sql("select last_value from case_number_counter where county_code = ? and case_year = ?")
            .params(countyCode, year)
            .query(Integer.class)
            .single();
    return "%s-%d-%05d".formatted(countyCode, year, value);
  }

  private int increment(String countyCode, int year) {
    return jdbc.sql("update case_number_counter set last_value = last_value + 1 where county_code = ? and case_year = ?")
        .params(countyCode, year)
        .update();
  }

  private void createCounter(String countyCode, int year) {
    try {
      ownTransaction.executeWithoutResult(status ->
          jdbc.sql("insert into case_number_counter (county_code, case_year, last_value) values (?, ?, 0)")
              .params(countyCode, year)
              .update());
    } catch (DuplicateKeyException e) {
      // Another report of this county created the counter first; counting on from it is all we need.
    }
  }
}
