package cn.baoxue.documents;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Append-only: a document is kept as issued; there is no update and no delete. */
public interface CaseDocumentRepository extends Repository<CaseDocument, Long> {

  CaseDocument save(CaseDocument document);

  Optional<CaseDocument> findById(Long id);

  List<CaseDocument> findByCaseIdOrderByRecordedAtAscIdAsc(Long caseId);

  boolean existsByCaseIdAndKind(Long caseId, DocumentKind kind);
}
