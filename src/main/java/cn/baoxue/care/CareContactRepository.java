package cn.baoxue.care;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CareContactRepository extends JpaRepository<CareContact, Long> {

  List<CareContact> findByPairingIdOrderByDateAscIdAsc(Long pairingId);
}
