package cn.baoxue.audit;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.audit.AuditEntry.Kind;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the audit trail. The head row is locked for the append, so entries join the chain
 * one at a time, in the transaction of the event they record.
 */
@Service
public class AuditTrail {

  private final AuditEntryRepository entries;
  private final JdbcClient jdbc;

  AuditTrail(AuditEntryRepository entries, JdbcClient jdbc) {
    this.entries = entries;
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public AuditEntry append(Kind kind, Long refId, Long caseId, String actor, String payload) {
    String previous = jdbc.sql("select last_hash from audit_trail_head where id = 1 for update").query(String.class).single();
    // Stored with second precision on every database, so the hash recomputes the same.
    LocalDateTime now = BeijingTime.now().truncatedTo(ChronoUnit.SECONDS);
    AuditEntry entry = entries.save(new AuditEntry(kind, refId, caseId, actor, now, payload, previous));
    jdbc.sql("update audit_trail_head set last_hash = ? where id = 1").param(entry.getHash()).update();
    return entry;
  }
}
