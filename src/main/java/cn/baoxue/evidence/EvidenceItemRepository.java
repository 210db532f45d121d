package cn.baoxue.evidence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceItemRepository extends JpaRepository<EvidenceItem, Long> {

  List<EvidenceItem> findByCaseIdOrderByUploadedAtAscIdAsc(Long caseId);

  Optional<EvidenceItem> findByUploadedByAndClientId(String uploadedBy, String clientId);
}
