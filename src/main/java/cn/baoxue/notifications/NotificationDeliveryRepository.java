package cn.baoxue.notifications;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationDeliveryRepository extends JpaRepository<NotificationDelivery, Long> {

  /** Deliveries of these channels waiting for an attempt that is due, oldest first, not claimed by another node. */
  @Query("""
      select d.id from NotificationDelivery d
      where d.channel in :channels and d.status in ('PENDING', 'RETRYING') and d.nextAttemptAt <= :now
        and (d.claimedUntil is null or d.claimedUntil < :now)
      order by d.id""")
  List<Long> findDue(@Param("channels") Collection<String> channels, @Param("now") LocalDateTime now, Pageable page);

  /** Takes a delivery for one attempt; 0 when another node took it first. */
  @Modifying
  @Query("""
      update NotificationDelivery d set d.claimedUntil = :until
      where d.id = :id and d.status in ('PENDING', 'RETRYING') and (d.claimedUntil is null or d.claimedUntil < :now)""")
  int claim(@Param("id") long id, @Param("now") LocalDateTime now, @Param("until") LocalDateTime until);

  List<NotificationDelivery> findByNotificationIdOrderByIdAsc(Long notificationId);

  /** What the administrator looks at: failures first, then retries, newest first. */
  @Query("""
      select d from NotificationDelivery d join fetch d.notification
      where d.status in :statuses order by d.id desc""")
  List<NotificationDelivery> findByStatuses(@Param("statuses") Collection<DeliveryStatus> statuses, Pageable page);

  long countByStatus(DeliveryStatus status);
}
