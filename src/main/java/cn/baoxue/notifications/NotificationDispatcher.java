package cn.baoxue.notifications;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Empties the outbox through every configured channel. */
@Component
class NotificationDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final NotificationRepository outbox;
  private final List<NotificationChannel> channels;

  NotificationDispatcher(NotificationRepository outbox, List<NotificationChannel> channels) {
    this.outbox = outbox;
    this.channels = channels;
  }

  @Scheduled(fixedDelayString = "${baoxue.notifications.dispatch-every:PT30S}")
  @Transactional
  public void dispatch() {
    for (Notification notification : outbox.findTop100BySentAtIsNullOrderByIdAsc()) {
      for (NotificationChannel channel : channels) {
        try {
          channel.send(notification);
          notification.sent(channel.name());
        } catch (RuntimeException e) {
          log.warn("Channel {} could not send notification {}: {}", channel.name(), notification.getId(), e.getMessage());
        }
      }
    }
  }
}
