package cn.baoxue.cases;

import java.time.Year;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out case numbers per county and year (530627-2026-00001). The counter row is updated
 * before it is read, so concurrent reports in one county queue on its row lock.
 */
@Component
class CaseNumbers {

  private final JdbcClient jdbc;

  CaseNumbers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String next(String countyCode) {
    int year = Year.now().getValue();
    int updated =
        jdbc.sql("update case_number_counter set last_value = last_value + 1 where county_code = ? and case_year = ?")
            .params(countyCode, year)
            .update();
    if (updated == 0) {
      jdbc.sql("insert into case_number_counter (county_code, case_year, last_value) values (?, ?, 1)")
          .params(countyCode, year)
          .update();
    }
    int value =
        jdbc.sql("select last_value from case_number_counter where county_code = ? and case_year = ?")
            .params(countyCode, year)
            .query(Integer.class)
            .single();
    return "%s-%d-%05d".formatted(countyCode, year, value);
  }
}
