package cn.baoxue.reports;

import cn.baoxue.cases.PersuasionRung;
import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.org.OrgUnit;
import cn.baoxue.org.OrgUnitRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures side by side: a scope's summary and how its work stands, and the same for each unit
 * directly below it, counted from the records like the summary (the engine's open tasks, the
 * escalations, the helper assignments), never stored.
 */
@Service
@Transactional(readOnly = true)
class WorkQueries {

  private final JdbcClient jdbc;
  private final ReportQueries summaries;
  private final OrgUnitRepository units;

  WorkQueries(JdbcClient jdbc, ReportQueries summaries, OrgUnitRepository units) {
    this.jdbc = jdbc;
    this.summaries = summaries;
    this.units = units;
  }

  SummaryByUnit byUnit(ReportScope scope) {
    List<UnitFigures> below = new ArrayList<>();
    for (OrgUnit unit : units.findByParentCodeOrderByCode(scope.unit().getCode())) {
      if (unit.getType() == OrgUnitType.DEPARTMENT) {
        continue; // a county's departments (联控联保) hold no cases of their own
      }
      ReportScope child = new ReportScope(unit, scope.from(), scope.to());
      below.add(new UnitFigures(unit.getCode(), unit.getName(), summaries.summary(child), work(child)));
    }
    return new SummaryByUnit(summaries.summary(scope), work(scope), below);
  }

  WorkFigures work(ReportScope scope) {
    String cases = " from dropout_case c where " + scope.caseCondition()
        + " and c.reported_at >= :from and c.reported_at < :to";

    Map<String, Long> openByRung = new LinkedHashMap<>();
    Arrays.stream(PersuasionRung.values()).forEach(rung -> openByRung.put(rung.name(), 0L));
    params(jdbc.sql("select t.TASK_DEF_KEY_, count(distinct c.id) from ACT_RU_TASK t join dropout_case c"
            + " on t.PROC_INST_ID_ = c.process_instance_id where " + scope.caseCondition()
            + " and c.reported_at >= :from and c.reported_at < :to and c.closed_at is null group by t.TASK_DEF_KEY_"), scope)
        .query(rs -> {
          long open = rs.getLong(2);
          PersuasionRung.ofTask(rs.getString(1)).ifPresent(rung -> openByRung.merge(rung.name(), open, Long::sum));
        });

    long overdue = params(jdbc.sql("select count(*) from ACT_RU_TASK t join dropout_case c"
            + " on t.PROC_INST_ID_ = c.process_instance_id where " + scope.caseCondition()
            + " and c.reported_at >= :from and c.reported_at < :to and t.DUE_DATE_ < :now"), scope)
        .param("now", BeijingTime.toDate(BeijingTime.now()))
        .query(Long.class).single();

    long supervisions = params(jdbc.sql("select count(*) from escalation e where e.case_id in (select c.id" + cases + ")"), scope)
        .query(Long.class).single();

    // Days from report to 销号, grouped by the two dates so a county's many closures come back as
    // few rows; the percentiles are taken over the counted days.
    TreeMap<Long, Long> closedByDays = new TreeMap<>();
    params(jdbc.sql("select cast(c.reported_at as date), cast(c.closed_at as date), count(*)" + cases
            + " and c.status = 'CLOSED' and c.closed_at is not null group by cast(c.reported_at as date), cast(c.closed_at as date)"), scope)
        .query(rs -> {
          long days = ChronoUnit.DAYS.between(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class));
          closedByDays.merge(days, rs.getLong(3), Long::sum);
        });
    long closed = closedByDays.values().stream().mapToLong(Long::longValue).sum();

    // Each open case's helpers are those of its latest assignment (a handover or a new 包保 adds one).
    Map<String, Long> casesOfHelper = new HashMap<>();
    params(jdbc.sql("select h.teacher_helper, h.cadre_helper, h.womenfed_helper from helper_assignment h"
            + " where h.id in (select max(h2.id) from helper_assignment h2 where h2.case_id in (select c.id" + cases
            + " and c.closed_at is null) group by h2.case_id)"), scope)
        .query(rs -> {
          for (int column = 1; column <= 3; column++) {
            String helper = rs.getString(column);
            if (helper != null && !helper.isBlank()) {
              casesOfHelper.merge(helper, 1L, Long::sum);
            }
          }
        });
    long helpers = casesOfHelper.size();
    long assignments = casesOfHelper.values().stream().mapToLong(Long::longValue).sum();

    return new WorkFigures(openByRung, overdue, supervisions, closed,
        percentile(closedByDays, closed, 50), percentile(closedByDays, closed, 90), helpers,
        casesOfHelper.values().stream().mapToLong(Long::longValue).max().orElse(0),
        helpers == 0 ? BigDecimal.ZERO.setScale(2)
            : BigDecimal.valueOf(assignments).divide(BigDecimal.valueOf(helpers), 2, RoundingMode.HALF_UP));
  }

  /** The nearest-rank percentile of counted values: the smallest value at or below which p % of them lie. */
  static Integer percentile(TreeMap<Long, Long> counts, long total, int p) {
    if (total == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
    long seen = 0;
    for (Map.Entry<Long, Long> entry : counts.entrySet()) {
      seen += entry.getValue();
      if (seen >= rank) {
        return Math.toIntExact(entry.getKey());
      }
    }
    return Math.toIntExact(Objects.requireNonNull(counts.lastKey()));
  }

  private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, ReportScope scope) {
    return sql.param("unit", scope.unit().getCode()).param("from", scope.fromTime()).param("to", scope.toTimeExclusive());
  }
}
