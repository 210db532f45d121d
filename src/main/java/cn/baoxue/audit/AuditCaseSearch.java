package cn.baoxue.audit;

import cn.baoxue.cases.CaseStatus;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.kernel.identity.Jurisdiction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The auditor's case search: by case number, student name or 身份证号, unit, status, report date
 * and whether the case ever missed a deadline — within the reader's jurisdiction.
 */
@Service
class AuditCaseSearch {

  static final int LIMIT = 200;

  private final JdbcClient jdbc;

  AuditCaseSearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The search form, as typed; bound from the request's parameters. */
  record Criteria(String q, String unit, String status,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Boolean overdueOnly) {}

  /** A found case; the ID number is masked in the list. */
  record Found(String caseNumber, String studentName, String idNumber, String schoolCode, String status,
      String statusLabel, LocalDateTime reportedAt, int escalations) {}

  List<Found> search(Criteria criteria, Jurisdiction jurisdiction) {
    StringBuilder sql = new StringBuilder("""
        select c.case_number, s.name, s.id_number, c.school_code, c.status, c.reported_at,
               (select count(*) from escalation e where e.case_id = c.id) as escalations
        from dropout_case c join student s on s.id = c.student_id where 1 = 1""");
    Map<String, Object> params = new HashMap<>();
    Jurisdiction.SqlScope scope = jurisdiction.sqlScope("c.school_code", "c.village_code", "c.township_code", "c.county_code");
    sql.append(" and ").append(scope.condition());
    params.putAll(scope.params());
    if (criteria.q() != null && !criteria.q().isBlank()) {
      sql.append(" and (c.case_number = :q or s.name like :qLike or s.id_number = :qUpper)");
      params.put("q", criteria.q().trim());
      params.put("qLike", "%" + criteria.q().trim() + "%");
      params.put("qUpper", criteria.q().trim().toUpperCase());
    }
    if (criteria.unit() != null && !criteria.unit().isBlank()) {
      sql.append(" and (c.school_code = :unit or c.village_code = :unit or c.township_code = :unit or c.county_code = :unit)");
      params.put("unit", criteria.unit().trim());
    }
    if (criteria.status() != null && !criteria.status().isBlank()) {
      sql.append(" and c.status = :status");
      params.put("status", criteria.status());
    }
    if (criteria.from() != null) {
      sql.append(" and c.reported_at >= :from");
      params.put("from", criteria.from().atStartOfDay());
    }
    if (criteria.to() != null) {
      sql.append(" and c.reported_at < :to");
      params.put("to", criteria.to().plusDays(1).atStartOfDay());
    }
    if (Boolean.TRUE.equals(criteria.overdueOnly())) {
      sql.append(" and exists (select 1 from escalation e where e.case_id = c.id)");
    }
    sql.append(" order by c.reported_at desc");
    return jdbc.sql(sql.toString()).params(params)
        .query((rs, row) -> new Found(rs.getString(1), rs.getString(2), IdNumber.mask(rs.getString(3)), rs.getString(4),
            rs.getString(5), CaseStatus.valueOf(rs.getString(5)).label(), rs.getTimestamp(6).toLocalDateTime(), rs.getInt(7)))
        .list().stream().limit(LIMIT).toList();
  }
}
