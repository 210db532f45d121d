package cn.baoxue.org;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffContactRepository extends JpaRepository<StaffContact, String> {

  List<StaffContact> findByUserIdIn(Collection<String> userIds);
}
