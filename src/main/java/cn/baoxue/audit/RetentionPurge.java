package cn.baoxue.audit;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.audit.AuditEntry.Kind;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention of Baoxue's own records, by the rule the engine's history follows: a case's records go
 * {@code baoxue.retention.days} after the case was closed; an open case loses nothing. The audit
 * trail keeps its entries (they hold ids and hashes, no personal data) and records the purge, so
 * the verification accepts the purged rows as gone by rule, not by tampering. This is the only
 * path that deletes escalations and documents.
 */
@Service
class RetentionPurge {

  private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

  /** Children first: the order of the foreign keys. */
  private static final List<String> CASE_TABLES = List.of(
      "contact_log", "helper_assignment", "home_visit", "persuasion_attempt", "return_order", "placement_plan",
      "follow_up", "closure_review", "supervision_action", "escalation", "case_document", "evidence_item",
      "county_transfer", "case_process_link");

  private final JdbcClient jdbc;
  private final AuditTrail trail;
  private final int retentionDays;

  RetentionPurge(JdbcClient jdbc, AuditTrail trail, @Value("${baoxue.retention.days}") int retentionDays) {
    this.jdbc = jdbc;
    this.trail = trail;
    this.retentionDays = retentionDays;
  }

  /** In the engine's history-cleanup window. */
  @Scheduled(cron = "${baoxue.retention.cron:0 30 1 * * *}")
  @Transactional
  public void nightly() {
    int purged = purgeClosedBefore(BeijingTime.now().minusDays(retentionDays));
    if (purged > 0) {
      log.info("Retention: purged the records of {} cases closed more than {} days ago", purged, retentionDays);
    }
  }

  @Transactional
  public int purgeClosedBefore(LocalDateTime cutoff) {
    List<Map<String, Object>> expired = jdbc.sql(
            "select id, case_number, closed_at from dropout_case where closed_at is not null and closed_at < ?")
        .param(cutoff).query().listOfRows();
    for (Map<String, Object> row : expired) {
      Long caseId = ((Number) value(row, "id")).longValue();
      // A case's referrals (联控联保) go with it, their steps first.
      jdbc.sql("delete from referral_step where referral_id in (select id from referral where case_id = ?)").param(caseId).update();
      jdbc.sql("delete from referral where case_id = ?").param(caseId).update();
      for (String table : CASE_TABLES) {
        jdbc.sql("delete from " + table + " where case_id = ?").param(caseId).update();
      }
      jdbc.sql("delete from dropout_case where id = ?").param(caseId).update();
      trail.append(Kind.RETENTION_PURGE, caseId, caseId, null,
          "caseNumber=" + value(row, "case_number") + ";closedAt=" + value(row, "closed_at") + ";retentionDays=" + retentionDays);
    }
    return expired.size();
  }

  /** Column labels come upper-case from H2 and lower-case from PostgreSQL. */
  private static Object value(Map<String, Object> row, String column) {
    return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
  }
}
