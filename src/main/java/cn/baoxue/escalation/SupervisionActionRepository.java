package cn.baoxue.escalation;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Append-only, like the escalations it answers. */
public interface SupervisionActionRepository extends Repository<SupervisionAction, Long> {

  SupervisionAction save(SupervisionAction action);

  List<SupervisionAction> findByCaseIdOrderByRecordedAtAscIdAsc(Long caseId);
}
