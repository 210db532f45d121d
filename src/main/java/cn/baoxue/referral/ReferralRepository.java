package cn.baoxue.referral;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReferralRepository extends JpaRepository<Referral, Long> {

  List<Referral> findByCaseIdOrderBySentAtAscIdAsc(Long caseId);

  List<Referral> findByDepartmentUnitInOrderBySentAtDescIdDesc(Collection<String> departmentUnits);

  Optional<Referral> findByProcessInstanceId(String processInstanceId);
}
