package cn.baoxue.escalation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SupervisionActionRepository extends JpaRepository<SupervisionAction, Long> {

  List<SupervisionAction> findByCaseIdOrderByRecordedAtAscIdAsc(Long caseId);
}
