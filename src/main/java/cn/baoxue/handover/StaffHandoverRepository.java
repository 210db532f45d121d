package cn.baoxue.handover;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffHandoverRepository extends JpaRepository<StaffHandover, Long> {

  List<StaffHandover> findTop50ByOrderByHandedAtDescIdDesc();
}
