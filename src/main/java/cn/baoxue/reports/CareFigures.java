package cn.baoxue.reports;

import cn.baoxue.care.CareKind;
import cn.baoxue.cases.ContactType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code care} block of the summary (结对关爱, 庆阳市's figures): the pairings of the scope that
 * existed at the end of the range, by kind; their contacts dated in the range, by type; the yuan
 * given. A pairing is placed like a case, by its person's school, village, township and county, so
 * the scope's condition over a case serves it unchanged.
 */
@Component
class CareFigures {

  private final JdbcClient jdbc;

  CareFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  CareBlock of(ReportScope scope) {
    Map<String, Long> pairings = new LinkedHashMap<>();
    EnumSet.allOf(CareKind.class).forEach(kind -> pairings.put(kind.name(), 0L));
    jdbc.sql("select c.kind, count(*) from care_pairing c where " + scope.caseCondition() + " and c.created_at < :to group by c.kind")
        .param("unit", scope.unit().getCode()).param("to", scope.toTimeExclusive())
        .query(rs -> {
          pairings.merge(rs.getString(1), rs.getLong(2), Long::sum);
        });
    Map<String, Long> contacts = new LinkedHashMap<>();
    EnumSet.allOf(ContactType.class).forEach(type -> contacts.put(type.name(), 0L));
    BigDecimal[] funds = {BigDecimal.ZERO};
    jdbc.sql("select k.contact_type, count(*), sum(k.amount_yuan) from care_contact k join care_pairing c on c.id = k.pairing_id"
            + " where " + scope.caseCondition() + " and k.contact_date >= :fromDay and k.contact_date < :toDay group by k.contact_type")
        .param("unit", scope.unit().getCode())
        .param("fromDay", scope.fromTime().toLocalDate()).param("toDay", scope.toTimeExclusive().toLocalDate())
        .query(rs -> {
          contacts.merge(rs.getString(1), rs.getLong(2), Long::sum);
          if (ContactType.FUNDS.name().equals(rs.getString(1)) && rs.getBigDecimal(3) != null) {
            funds[0] = funds[0].add(rs.getBigDecimal(3));
          }
        });
    return new CareBlock(pairings, contacts, funds[0].setScale(2, RoundingMode.HALF_UP));
  }
}
