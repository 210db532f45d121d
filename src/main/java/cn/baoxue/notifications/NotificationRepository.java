package cn.baoxue.notifications;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

  List<Notification> findTop100BySentAtIsNullOrderByIdAsc();

  boolean existsByDedupKey(String dedupKey);

  List<Notification> findByCaseNumberOrderByIdAsc(String caseNumber);
}
