package cn.baoxue.reports;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code disabledPlacement} block of the summary: the disabled children of the scope on the
 * register at the end of the range, by the placement the expert committee had decided by then. A
 * child is placed like a case, by her school, village, township and county, so the scope's
 * condition over a case serves unchanged.
 */
@Component
class DisabledPlacementFigures {

  private final JdbcClient jdbc;

  DisabledPlacementFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  DisabledPlacementBlock of(ReportScope scope) {
    Map<String, Long> by = new HashMap<>();
    jdbc.sql("select x.outcome, count(*) from (select case when c.assessed_at < :to then c.placement else 'NOT_ASSESSED' end as outcome"
            + " from disabled_child c where " + scope.caseCondition() + " and c.registered_at < :to) x group by x.outcome")
        .param("unit", scope.unit().getCode()).param("to", scope.toTimeExclusive())
        .query(rs -> {
          by.merge(rs.getString(1), rs.getLong(2), Long::sum);
        });
    long children = by.values().stream().mapToLong(Long::longValue).sum();
    return new DisabledPlacementBlock(by.getOrDefault("INCLUSIVE_CLASS", 0L), by.getOrDefault("SPECIAL_SCHOOL", 0L),
        by.getOrDefault("HOME_DELIVERED", 0L), by.getOrDefault("DEFERRED", 0L), by.getOrDefault("NOT_ASSESSED", 0L), children);
  }
}
