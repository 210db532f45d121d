package cn.baoxue.reports;

import cn.baoxue.calendar.WorkingDayCalendar;
import cn.baoxue.cases.CaseStatus;
import cn.baoxue.org.CountyDepartments;
import cn.baoxue.kernel.validation.Coded;
import cn.baoxue.cases.ContactType;
import cn.baoxue.cases.DropoutReason;
import cn.baoxue.cases.Placement;
import cn.baoxue.cases.SpecialGroup;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the summary straight from the case tables with a handful of grouped queries: no figure
 * is stored, so the numbers always agree with the records. One pass over the cases groups them
 * by every attribute a breakdown needs; the breakdowns are summed from those groups.
 */
@Service
@Transactional(readOnly = true)
class ReportQueries {

  static final Set<CaseStatus> BACK_AT_SCHOOL = EnumSet.of(CaseStatus.RETURNED, CaseStatus.FOLLOWING_UP, CaseStatus.CLOSED);

  /** Where a referral stands (referral.ReferralStatus), in the order the report lists them. */
  static final List<String> REFERRAL_OUTCOMES = List.of("SENT", "ACCEPTED", "REJECTED", "CLOSED");

  private final JdbcClient jdbc;
  private final CareFigures care;
  private final AtRiskFigures atRisk;
  private final DisabledPlacementFigures disabledPlacement;
  private final WorkingDayCalendar calendar;
  private final CountyDepartments departments;

  ReportQueries(JdbcClient jdbc, CareFigures care, AtRiskFigures atRisk, DisabledPlacementFigures disabledPlacement,
      WorkingDayCalendar calendar, CountyDepartments departments) {
    this.disabledPlacement = disabledPlacement;
    this.jdbc = jdbc;
    this.care = care;
    this.atRisk = atRisk;
    this.calendar = calendar;
    this.departments = departments;
  }

  Summary summary(ReportScope scope) {
    String where = " where " + scope.caseCondition() + " and c.reported_at >= :from and c.reported_at < :to";
    Map<String, Long> gender = zeros(List.of("M", "F"));
    Map<String, Long> reason = zeros(DropoutReason.class);
    Map<String, Long> level = zeros(List.of("PRIMARY", "JUNIOR"));
    Map<String, Long> special = zeros(SpecialGroup.class);
    Map<String, Long> status = zeros(CaseStatus.class);
    Map<String, Long> placement = zeros(Placement.class);
    long[] totals = new long[4]; // cases, suspected, confirmed, returned
    // One pass over the county's cases and nothing else: the child's sex and the latest placement
    // are kept on the case (V8), so a million students and their plans are not joined in.
    params(jdbc.sql(
            "select c.gender, c.reason, c.grade, c.status, c.verify_result, c.special_groups, c.placement, count(*)"
                + " from dropout_case c" + where
                + " group by c.gender, c.reason, c.grade, c.status, c.verify_result, c.special_groups, c.placement"), scope)
        .query(
            rs -> {
              long n = rs.getLong(8);
              String caseStatus = rs.getString(4);
              boolean confirmed = "CONFIRMED".equals(rs.getString(5));
              totals[0] += n;
              if (CaseStatus.REPORTED.name().equals(caseStatus)) {
                totals[1] += n;
              }
              if (confirmed) {
                totals[2] += n;
                if (BACK_AT_SCHOOL.contains(CaseStatus.valueOf(caseStatus))) {
                  totals[3] += n;
                }
              }
              gender.merge(rs.getString(1), n, Long::sum);
              reason.merge(rs.getString(2), n, Long::sum);
              level.merge(rs.getInt(3) <= 6 ? "PRIMARY" : "JUNIOR", n, Long::sum);
              status.merge(caseStatus, n, Long::sum);
              String groups = rs.getString(6);
              if (groups != null) {
                for (String group : groups.split(",")) {
                  if (!group.isBlank()) {
                    special.merge(group.trim(), n, Long::sum);
                  }
                }
              }
              if (rs.getString(7) != null) {
                placement.merge(rs.getString(7), n, Long::sum);
              }
            });

    Map<String, Long> contacts = zeros(ContactType.class);
    BigDecimal[] funds = {BigDecimal.ZERO};
    params(jdbc.sql(
            "select l.contact_type, count(*), sum(l.amount_yuan) from contact_log l join dropout_case c on c.id = l.case_id"
                + where + " group by l.contact_type"), scope)
        .query(rs -> {
          contacts.merge(rs.getString(1), rs.getLong(2), Long::sum);
          if (ContactType.FUNDS.name().equals(rs.getString(1)) && rs.getBigDecimal(3) != null) {
            funds[0] = funds[0].add(rs.getBigDecimal(3));
          }
        });
    long visits =
        params(jdbc.sql("select count(*) from home_visit h join dropout_case c on c.id = h.case_id" + where), scope)
            .query(Long.class)
            .single();
    contacts.merge(ContactType.HOME_VISIT.name(), visits, Long::sum);

    long students =
        jdbc.sql("select count(*) from student s where " + scope.studentCondition()
                + " and (s.enrolment_status is null or s.enrolment_status <> 'TRANSFERRED_OUT') and s.merged_into_id is null")
            .param("unit", scope.unit().getCode())
            .query(Long.class)
            .single();

    BigDecimal rate =
        totals[2] == 0
            ? BigDecimal.ZERO
            : BigDecimal.valueOf(totals[3]).divide(BigDecimal.valueOf(totals[2]), 4, RoundingMode.HALF_UP);
    return new Summary(
        scope.unit().getCode(), scope.unit().getName(), scope.unit().getType().name(), scope.from(), scope.to(),
        students, totals[0], totals[1], totals[2], gender, reason, level, special, status, placement, totals[3], rate,
        contacts, funds[0].setScale(2, RoundingMode.HALF_UP), care.of(scope), referrals(scope), atRisk.of(scope),
        disabledPlacement.of(scope));
  }

  /** The referrals sent in the range from the scope's cases, by department and outcome, with the days to answer. */
  private Summary.Referrals referrals(ReportScope scope) {
    Map<String, Long> outcome = zeros(REFERRAL_OUTCOMES);
    Map<String, Map<String, Long>> byDepartment = new LinkedHashMap<>();
    departments.departments().forEach(department -> byDepartment.put(department.code(), zeros(REFERRAL_OUTCOMES)));
    long[] totals = new long[4]; // sent, answered, sum of days, max of days
    long[] overdue = {0};
    java.time.LocalDate today = calendar.today();
    params(jdbc.sql("select r.department_code, r.status, r.sent_at, r.answered_at, r.due_on from referral r"
            + " join dropout_case c on c.id = r.case_id where " + scope.caseCondition()
            + " and r.sent_at >= :from and r.sent_at < :to"), scope)
        .query(rs -> {
          String status = rs.getString(2);
          totals[0]++;
          outcome.merge(status, 1L, Long::sum);
          byDepartment.computeIfAbsent(rs.getString(1), code -> zeros(REFERRAL_OUTCOMES)).merge(status, 1L, Long::sum);
          java.sql.Timestamp answeredAt = rs.getTimestamp(4);
          if (answeredAt != null) {
            int days = calendar.workingDaysBetween(rs.getTimestamp(3).toLocalDateTime().toLocalDate(),
                answeredAt.toLocalDateTime().toLocalDate());
            totals[1]++;
            totals[2] += days;
            totals[3] = Math.max(totals[3], days);
          }
          if (("SENT".equals(status) || "ACCEPTED".equals(status)) && today.isAfter(rs.getDate(5).toLocalDate())) {
            overdue[0]++;
          }
        });
    BigDecimal average = totals[1] == 0 ? BigDecimal.ZERO.setScale(1)
        : BigDecimal.valueOf(totals[2]).divide(BigDecimal.valueOf(totals[1]), 1, RoundingMode.HALF_UP);
    return new Summary.Referrals(totals[0], outcome, byDepartment, totals[1], average, totals[3], overdue[0]);
  }

  private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, ReportScope scope) {
    return sql.param("unit", scope.unit().getCode()).param("from", scope.fromTime()).param("to", scope.toTimeExclusive());
  }

  private static <E extends Enum<E> & Coded> Map<String, Long> zeros(Class<E> type) {
    return zeros(EnumSet.allOf(type).stream().map(Enum::name).toList());
  }

  private static Map<String, Long> zeros(List<String> codes) {
    Map<String, Long> map = new LinkedHashMap<>();
    codes.forEach(code -> map.put(code, 0L));
    return map;
  }
}
