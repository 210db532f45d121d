package cn.baoxue.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Times the county summary over 100,000 cases (with 100,000 students, 50,000 placement plans and
 * 100,000 contacts) on the embedded H2. Not part of the test suite: {@code mvn -B -Pbench test
 * -Dtest=SummaryBenchmark}; figures in docs/benchmarks.md.
 */
@SpringBootTest(
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=true",
      "camunda.bpm.job-execution.enabled=false",
      "baoxue.demo.enabled=true"
    })
class SummaryBenchmark {

  static final int CASES = 100_000;
  static final String[] REASONS = {"WORK", "WEARY", "POVERTY", "ILLNESS", "EARLY_MARRIAGE", "OTHER"};
  static final String[] STATUSES = {"REPORTED", "NOT_DROPOUT", "PERSUADING", "RETURNED", "FOLLOWING_UP", "CLOSED"};

  @Autowired JdbcTemplate jdbc;
  @Autowired ReportQueries queries;
  @Autowired ReportScope.Resolver scopes;

  @Test
  void summaryOver100000Cases() {
    populate();
    ReportScope county = scopes.resolve("530627", null, null, new cn.baoxue.kernel.identity.Staff("auditor", List.of("auditors")));
    long first = time(() -> queries.summary(county));
    long best = Long.MAX_VALUE;
    long total = 0;
    Summary summary = null;
    for (int run = 0; run < 5; run++) {
      long start = System.nanoTime();
      summary = queries.summary(county);
      long ms = (System.nanoTime() - start) / 1_000_000;
      best = Math.min(best, ms);
      total += ms;
    }
    assertThat(summary.cases()).isGreaterThanOrEqualTo(CASES);
    ReportScope township = scopes.resolve("530627205", LocalDate.now().minusDays(30), LocalDate.now(),
        new cn.baoxue.kernel.identity.Staff("auditor", List.of("auditors")));
    long ranged = time(() -> queries.summary(township));
    System.out.printf(
        "%nBENCHMARK summary over %d cases (county 530627): first %d ms, then best %d ms, mean %d ms of 5; "
            + "township 530627205 over the last 30 days: %d ms%n%n",
        CASES, first, best, total / 5, ranged);
  }

  private static long time(Runnable run) {
    long start = System.nanoTime();
    run.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  private void populate() {
    LocalDateTime now = LocalDateTime.now();
    List<Object[]> students = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      boolean nantai = i % 3 == 0;
      students.add(new Object[] {
        "B%017d".formatted(i), "学生" + i, i % 2 == 0 ? "M" : "F", java.sql.Date.valueOf(LocalDate.of(2014, 1, 1)),
        nantai ? "5306270002" : "5306270001", 1 + i % 9, nantai ? "530627104201" : "530627205201",
        i % 5 == 0 ? "LEFT_BEHIND,POOR_REGISTERED" : null, Timestamp.valueOf(now), Timestamp.valueOf(now)
      });
    }
    jdbc.batchUpdate(
        "insert into student (id_number, name, gender, birth_date, school_code, grade, village_code, special_groups, created_at,"
            + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        students);
    List<Long> ids = jdbc.queryForList("select id from student where id_number like 'B%' order by id", Long.class);
    List<Object[]> cases = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      boolean nantai = i % 3 == 0;
      String status = STATUSES[i % STATUSES.length];
      cases.add(new Object[] {
        "B-" + i, ids.get(i), nantai ? "5306270002" : "5306270001", nantai ? "530627104201" : "530627205201",
        nantai ? "530627104" : "530627205", "530627", i % 2 == 0 ? "M" : "F", 1 + i % 9, "IMPORT",
        REASONS[i % REASONS.length],
        i % 5 == 0 ? "LEFT_BEHIND,POOR_REGISTERED" : null, status,
        "REPORTED".equals(status) || "NOT_DROPOUT".equals(status) ? null : "CONFIRMED",
        Timestamp.valueOf(now.minusDays(i % 400)), i % 2 == 0 ? "ORIGINAL_CLASS" : null
      });
    }
    jdbc.batchUpdate(
        "insert into dropout_case (case_number, student_id, school_code, village_code, township_code, county_code, gender,"
            + " grade, source, reason, special_groups, status, verify_result, reported_at, placement)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        cases);
    List<Long> caseIds = jdbc.queryForList("select id from dropout_case where case_number like 'B-%' order by id", Long.class);
    List<Object[]> plans = new ArrayList<>();
    List<Object[]> contacts = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      if (i % 2 == 0) {
        plans.add(new Object[] {caseIds.get(i), "ORIGINAL_CLASS", "回原班", Timestamp.valueOf(now)});
      }
      contacts.add(new Object[] {caseIds.get(i), i % 4 == 0 ? "FUNDS" : "PHONE", java.sql.Date.valueOf(LocalDate.now()),
          i % 4 == 0 ? new java.math.BigDecimal("100.50") : null, Timestamp.valueOf(now)});
    }
    jdbc.batchUpdate("insert into placement_plan (case_id, placement, plan, recorded_at) values (?, ?, ?, ?)", plans);
    jdbc.batchUpdate(
        "insert into contact_log (case_id, contact_type, contact_date, amount_yuan, recorded_at) values (?, ?, ?, ?, ?)", contacts);
  }
}
