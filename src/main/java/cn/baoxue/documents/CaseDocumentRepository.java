package cn.baoxue.documents;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseDocumentRepository extends JpaRepository<CaseDocument, Long> {

  List<CaseDocument> findByCaseIdOrderByRecordedAtAscIdAsc(Long caseId);

  boolean existsByCaseIdAndKind(Long caseId, DocumentKind kind);
}
