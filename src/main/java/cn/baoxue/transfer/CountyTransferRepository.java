package cn.baoxue.transfer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CountyTransferRepository extends JpaRepository<CountyTransfer, Long> {

  Optional<CountyTransfer> findByProcessInstanceId(String processInstanceId);

  List<CountyTransfer> findByCaseIdOrderByRequestedAtAscIdAsc(Long caseId);

  boolean existsByCaseIdAndStatus(Long caseId, CountyTransfer.Status status);
}
