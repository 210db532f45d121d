package cn.baoxue.reports;

import cn.baoxue.cases.CaseStatus;
import cn.baoxue.org.OrgUnit;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of one unit for one report period, as the summary counts them ({@link ReportQueries},
 * the same numbers as {@code GET /api/reports/summary}), and the unit's open cases now: what a report
 * task (reporting.UnitReports) is pre-filled with. Public so that the report tasks reuse the summary
 * rather than count a second time.
 */
@Service
@Transactional(readOnly = true)
public class PeriodFigures {

  /** The statuses of a case still on the open ledger (not 销号, not 非辍学). */
  private static final List<String> OPEN = List.of(CaseStatus.REPORTED.name(), CaseStatus.PERSUADING.name(),
      CaseStatus.RETURNED.name(), CaseStatus.FOLLOWING_UP.name());

  private final ReportQueries queries;
  private final JdbcClient jdbc;

  PeriodFigures(ReportQueries queries, JdbcClient jdbc) {
    this.queries = queries;
    this.jdbc = jdbc;
  }

  /** The summary of the cases opened in the unit between the two days (both included). */
  public Summary of(OrgUnit unit, LocalDate from, LocalDate to) {
    return queries.summary(new ReportScope(unit, from, to));
  }

  /** One open case as the report lists it. */
  public record OpenCase(String caseNumber, String studentName, String status) {}

  /** The unit's open cases now, oldest first (at most {@code limit}). */
  public List<OpenCase> openCases(OrgUnit unit, int limit) {
    ReportScope scope = new ReportScope(unit, null, null);
    return jdbc.sql("select c.case_number, s.name, c.status from dropout_case c join student s on s.id = c.student_id where "
            + scope.caseCondition() + " and c.status in (:open) order by c.reported_at, c.id")
        .param("unit", unit.getCode())
        .param("open", OPEN)
        .query((rs, n) -> new OpenCase(rs.getString(1), rs.getString(2), CaseStatus.valueOf(rs.getString(3)).label()))
        .list().stream().limit(limit).toList();
  }

  /** How many cases of the unit are open now. */
  public long openCaseCount(OrgUnit unit) {
    ReportScope scope = new ReportScope(unit, null, null);
    return jdbc.sql("select count(*) from dropout_case c where " + scope.caseCondition() + " and c.status in (:open)")
        .param("unit", unit.getCode())
        .param("open", OPEN)
        .query(Long.class).single();
  }
}
