package cn.baoxue.escalation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EscalationRepository extends JpaRepository<Escalation, Long> {

  long countByTaskId(String taskId);

  List<Escalation> findByCaseIdOrderByEscalatedAtAscIdAsc(Long caseId);
}
