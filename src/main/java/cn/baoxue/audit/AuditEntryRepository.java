package cn.baoxue.audit;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Read and append only: the repository offers no update and no delete. */
public interface AuditEntryRepository extends Repository<AuditEntry, Long> {

  AuditEntry save(AuditEntry entry);

  List<AuditEntry> findAllByOrderByIdAsc();

  List<AuditEntry> findByKindAndRefIdOrderByIdAsc(AuditEntry.Kind kind, Long refId);

  List<AuditEntry> findByKindAndActorOrderByIdAsc(AuditEntry.Kind kind, String actor);

  List<AuditEntry> findByActorOrderByIdAsc(String actor);

  List<AuditEntry> findByCaseIdAndKindInOrderByIdAsc(Long caseId, java.util.Collection<AuditEntry.Kind> kinds);
}
