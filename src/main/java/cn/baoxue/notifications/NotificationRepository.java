package cn.baoxue.notifications;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

  boolean existsByDedupKey(String dedupKey);

  List<Notification> findByCaseNumberOrderByIdAsc(String caseNumber);

  /** The notifications for these recipients (a person and her groups), newest first. */
  @Query("select n from Notification n where n.recipient in :recipients order by n.id desc")
  List<Notification> findForRecipients(@Param("recipients") Collection<String> recipients, Pageable page);
}
