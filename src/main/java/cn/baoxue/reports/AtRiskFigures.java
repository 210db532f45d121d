package cn.baoxue.reports;

import cn.baoxue.atrisk.RiskCategory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code atRisk} block of the summary: the flags of the scope raised in the range, the points
 * that made them by reason, where the principals' decisions stand, and the prevention plans. A flag
 * is placed like a case, by school, village, township and county, so the scope's condition over a
 * case serves it unchanged.
 */
@Component
class AtRiskFigures {

  private final JdbcClient jdbc;

  AtRiskFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  AtRiskBlock of(ReportScope scope) {
    String where = " where " + scope.caseCondition() + " and c.assessed_at >= :from and c.assessed_at < :to";
    Map<String, Long> status = new LinkedHashMap<>();
    params(jdbc.sql("select c.status, count(*) from risk_flag c" + where + " group by c.status"), scope)
        .query(rs -> {
          status.merge(rs.getString(1), rs.getLong(2), Long::sum);
        });
    Map<String, AtRiskBlock.ReasonFigures> byReason = new LinkedHashMap<>();
    params(jdbc.sql("select p.reason, count(distinct c.id), sum(p.points) from risk_point p join risk_flag c on c.id = p.flag_id"
            + where + " group by p.reason order by p.reason"), scope)
        .query(rs -> {
          byReason.put(rs.getString(1), new AtRiskBlock.ReasonFigures(rs.getLong(2), rs.getLong(3)));
        });
    Map<String, Long> byCategory = new LinkedHashMap<>();
    EnumSet.allOf(RiskCategory.class).forEach(category -> byCategory.put(category.name(), 0L));
    params(jdbc.sql("select p.category, count(distinct c.id) from risk_point p join risk_flag c on c.id = p.flag_id"
            + where + " group by p.category"), scope)
        .query(rs -> {
          byCategory.merge(rs.getString(1), rs.getLong(2), Long::sum);
        });
    long pending = status.getOrDefault("PENDING", 0L);
    long dismissed = status.getOrDefault("DISMISSED", 0L);
    long lifted = status.getOrDefault("LIFTED", 0L);
    long left = status.getOrDefault("LEFT_SCHOOL", 0L);
    long confirmed = status.getOrDefault("CONFIRMED", 0L) + lifted + left;
    long flagged = status.values().stream().mapToLong(Long::longValue).sum();
    BigDecimal rate = confirmed + dismissed == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(dismissed).divide(BigDecimal.valueOf(confirmed + dismissed), 4, RoundingMode.HALF_UP);
    return new AtRiskBlock(flagged, byReason, byCategory, pending, confirmed, dismissed, rate, confirmed, lifted, left);
  }

  private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, ReportScope scope) {
    return spec.param("unit", scope.unit().getCode()).param("from", scope.fromTime()).param("to", scope.toTimeExclusive());
  }
}
