package cn.baoxue.care;

import org.springframework.data.jpa.repository.JpaRepository;

interface CarePairingRepository extends JpaRepository<CarePairing, Long> {

  boolean existsByIdNumberAndKind(String idNumber, CareKind kind);
}
