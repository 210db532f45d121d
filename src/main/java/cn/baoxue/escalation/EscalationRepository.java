package cn.baoxue.escalation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Append-only: escalations are audit records (see the audit trail); there is no delete. */
public interface EscalationRepository extends Repository<Escalation, Long> {

  Escalation save(Escalation escalation);

  Optional<Escalation> findById(Long id);

  long countByTaskId(String taskId);

  List<Escalation> findByTaskIdAndSupervisionProcessIdNotNull(String taskId);

  /** The escalation a 督办 process was started for: the link it is found by, never a variable. */
  Optional<Escalation> findBySupervisionProcessId(String supervisionProcessId);

  List<Escalation> findByCaseIdOrderByEscalatedAtAscIdAsc(Long caseId);
}
