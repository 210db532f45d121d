package cn.baoxue.placement;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DisabledChildRepository extends JpaRepository<DisabledChild, Long> {

  boolean existsByIdNumber(String idNumber);

  Optional<DisabledChild> findByProcessInstanceId(String processInstanceId);
}
