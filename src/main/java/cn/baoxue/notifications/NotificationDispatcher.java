package cn.baoxue.notifications;

import cn.baoxue.kernel.time.BeijingTime;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Hibernate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox through the configured channels, one delivery at a time. Each delivery is
 * claimed in its own transaction, sent outside any transaction (a slow provider holds no lock), and
 * its outcome written in a third: delivered, nobody to reach, or failed — retried after the
 * backoff, or given up (失败) after the last attempt. A notification is stamped sent only when every
 * channel's delivery is done; what one channel delivered is never sent again through it.
 */
@Component
class NotificationDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final NotificationDeliveryRepository deliveries;
  private final Map<String, NotificationChannel> channels = new LinkedHashMap<>();
  private final DeliveryPolicy policy;
  private final TransactionTemplate transaction;

  NotificationDispatcher(NotificationDeliveryRepository deliveries, List<NotificationChannel> channels, DeliveryPolicy policy,
      PlatformTransactionManager transactionManager) {
    this.deliveries = deliveries;
    channels.forEach(channel -> this.channels.put(channel.name(), channel));
    this.policy = policy;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  @Scheduled(fixedDelayString = "${baoxue.notifications.dispatch-every:PT30S}")
  public void dispatch() {
    LocalDateTime now = BeijingTime.now();
    List<Long> due = transaction.execute(status -> deliveries.findDue(channels.keySet(), now, PageRequest.of(0, policy.batchSize())));
    for (Long id : due) {
      attempt(id);
    }
  }

  private void attempt(long deliveryId) {
    LocalDateTime now = BeijingTime.now();
    NotificationDelivery delivery = transaction.execute(status -> {
      if (deliveries.claim(deliveryId, now, now.plus(policy.claimFor())) == 0) {
        return null; // another node took it
      }
      NotificationDelivery claimed = deliveries.findById(deliveryId).orElseThrow();
      Hibernate.initialize(claimed.getNotification());
      return claimed;
    });
    if (delivery == null) {
      return;
    }
    NotificationChannel channel = channels.get(delivery.getChannel());
    Notification notification = delivery.getNotification();
    String error = null;
    String nobody = null;
    try {
      channel.send(notification);
    } catch (NobodyToReach e) {
      nobody = e.getMessage();
    } catch (RuntimeException e) {
      error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      log.warn("Channel {} could not send notification {} (attempt {}): {}", channel.name(), notification.getId(),
          delivery.getAttempts() + 1, error);
    }
    record(deliveryId, error, nobody);
  }

  private void record(long deliveryId, String error, String nobody) {
    transaction.executeWithoutResult(status -> {
      NotificationDelivery delivery = deliveries.findById(deliveryId).orElseThrow();
      if (error != null) {
        delivery.failed(error, policy.maxAttempts(), policy.backoffAfter(delivery.getAttempts() + 1));
        if (delivery.getStatus() == DeliveryStatus.DEAD) {
          log.error("Notification {} given up on channel {} after {} attempts: {}", delivery.getNotification().getId(),
              delivery.getChannel(), delivery.getAttempts(), error);
        }
      } else if (nobody != null) {
        delivery.nobodyToReach(nobody);
      } else {
        delivery.delivered();
      }
      stampIfDone(delivery.getNotification());
    });
  }

  /** The notification is sent once every channel's delivery of it is done. */
  private void stampIfDone(Notification notification) {
    List<NotificationDelivery> all = deliveries.findByNotificationIdOrderByIdAsc(notification.getId());
    if (all.stream().allMatch(d -> d.getStatus().isFinished())) {
      notification.allDelivered(all.stream().filter(d -> d.getStatus() == DeliveryStatus.SENT)
          .map(NotificationDelivery::getChannel).collect(Collectors.joining(",")));
    }
  }
}
