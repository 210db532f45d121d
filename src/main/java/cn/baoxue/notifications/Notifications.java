package cn.baoxue.notifications;

import cn.baoxue.notifications.Notification.Kind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts notifications in the outbox, in the transaction of the event that causes them, with one
 * delivery to send for every channel configured now.
 */
@Service
public class Notifications {

  private final NotificationRepository outbox;
  private final NotificationDeliveryRepository deliveries;
  /** Looked up when a notification is queued: the engine's listeners need this service before the channels exist. */
  private final ObjectProvider<NotificationChannel> channels;

  Notifications(NotificationRepository outbox, NotificationDeliveryRepository deliveries, ObjectProvider<NotificationChannel> channels) {
    this.outbox = outbox;
    this.deliveries = deliveries;
    this.channels = channels;
  }

  @Transactional
  public void assigned(String recipient, String caseNumber, String taskId, String message) {
    queue(new Notification(Kind.ASSIGNED, recipient, caseNumber, taskId, message, null));
  }

  @Transactional
  public void escalated(String recipient, String caseNumber, String taskId, String message) {
    queue(new Notification(Kind.ESCALATED, recipient, caseNumber, taskId, message, null));
  }

  /** Once per task and recipient, however often the reminder scan runs. */
  @Transactional
  public void deadlineApproaching(String recipient, String caseNumber, String taskId, String message) {
    String dedupKey = "due:" + taskId + ":" + recipient;
    if (!outbox.existsByDedupKey(dedupKey)) {
      queue(new Notification(Kind.DEADLINE_APPROACHING, recipient, caseNumber, taskId, message, dedupKey));
    }
  }

  private void queue(Notification notification) {
    outbox.save(notification);
    for (NotificationChannel channel : channels.orderedStream().toList()) {
      deliveries.save(new NotificationDelivery(notification, channel.name()));
    }
  }
}
