package cn.baoxue.evidence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The bytes in the item's own row ({@code evidence_item.content}), in the transaction that records it. */
@Component
class DatabaseEvidenceStore implements EvidenceStore {

  static final String KIND = "DATABASE";

  private final JdbcClient jdbc;

  DatabaseEvidenceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public String put(EvidenceItem item, byte[] content) {
    jdbc.sql("update evidence_item set content = ? where id = ?").param(content).param(item.getId()).update();
    return null;
  }

  @Override
  public byte[] get(EvidenceItem item) {
    return jdbc.sql("select content from evidence_item where id = ?").param(item.getId()).query(byte[].class).single();
  }
}
