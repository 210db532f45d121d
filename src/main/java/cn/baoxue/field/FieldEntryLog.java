package cn.baoxue.field;

import cn.baoxue.kernel.time.BeijingTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The first outcome of each field entry, by the id the phone gave it (table field_entry, V15). */
@Repository
class FieldEntryLog {

  /** The first answer to an entry: its outcome and the JSON body sent back. */
  record Recorded(String userId, String outcome, String answer) {}

  private final JdbcClient jdbc;

  FieldEntryLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Recorded> find(String clientId) {
    return jdbc.sql("select user_id, outcome, answer from field_entry where client_id = :id")
        .param("id", clientId)
        .query((rs, row) -> new Recorded(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  /**
   * Claims the id before anything is applied: a second request with the same id waits on this row
   * until the first commits, then fails on the key and is answered from the row.
   */
  void claim(String clientId, String userId, EntryKind kind, String taskId, String caseNumber) {
    jdbc.sql("insert into field_entry (client_id, user_id, kind, task_id, case_number, outcome, answer, recorded_at) "
            + "values (:id, :user, :kind, :task, :case, 'PENDING', '{}', :at)")
        .param("id", clientId).param("user", userId).param("kind", kind.name()).param("task", taskId)
        .param("case", caseNumber).param("at", BeijingTime.now())
        .update();
  }

  void settle(String clientId, String outcome, String answer) {
    jdbc.sql("update field_entry set outcome = :outcome, answer = :answer where client_id = :id")
        .param("outcome", outcome).param("answer", answer).param("id", clientId)
        .update();
  }

  long countFor(String caseNumber) {
    return jdbc.sql("select count(*) from field_entry where case_number = :case").param("case", caseNumber)
        .query(Long.class).single();
  }
}
