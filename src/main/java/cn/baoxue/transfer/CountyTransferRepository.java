package cn.baoxue.transfer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CountyTransferRepository extends JpaRepository<CountyTransfer, Long> {

  Optional<CountyTransfer> findByProcessInstanceId(String processInstanceId);

  List<CountyTransfer> findByCaseIdOrderByRequestedAtAscIdAsc(Long caseId);

  boolean existsByCaseIdAndStatus(Long caseId, CountyTransfer.Status status);

  /** Two requests for one case queue here, so only one of them finds no transfer pending. */
  @Query(value = "select id from dropout_case where id = ?1 for update", nativeQuery = true)
  Long lockCase(Long caseId);
}
