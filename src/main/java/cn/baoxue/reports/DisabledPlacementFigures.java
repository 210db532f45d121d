package cn.baoxue.reports;

import cn.baoxue.placement.HomeDeliveryPlan;
import java.time.LocalDateTime;
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
  private final HomeDeliveryPlan plan;

  DisabledPlacementFigures(JdbcClient jdbc, HomeDeliveryPlan plan) {
    this.jdbc = jdbc;
    this.plan = plan;
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
    long delivered = jdbc.sql("select count(*) from home_delivery_visit v join disabled_child c on c.id = v.child_id where "
            + scope.caseCondition() + " and v.visit_date >= :fromDay and v.visit_date < :toDay")
        .param("unit", scope.unit().getCode())
        .param("fromDay", scope.fromTime().toLocalDate()).param("toDay", scope.toTimeExclusive().toLocalDate())
        .query(Long.class).single();
    long planned = jdbc.sql("select c.assessed_at from disabled_child c where " + scope.caseCondition()
            + " and c.placement = 'HOME_DELIVERED' and c.assessed_at < :to")
        .param("unit", scope.unit().getCode()).param("to", scope.toTimeExclusive())
        .query((rs, n) -> rs.getObject(1, LocalDateTime.class)).list().stream()
        .mapToLong(placedAt -> plan.planned(placedAt.toLocalDate(), scope.from(), scope.to()))
        .sum();
    return new DisabledPlacementBlock(by.getOrDefault("INCLUSIVE_CLASS", 0L), by.getOrDefault("SPECIAL_SCHOOL", 0L),
        by.getOrDefault("HOME_DELIVERED", 0L), by.getOrDefault("DEFERRED", 0L), by.getOrDefault("NOT_ASSESSED", 0L), children,
        delivered, planned);
  }
}
