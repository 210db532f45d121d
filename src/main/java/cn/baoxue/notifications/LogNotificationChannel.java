package cn.baoxue.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The default channel: writes each notification to the application log. */
@Component
class LogNotificationChannel implements NotificationChannel {

  private static final Logger log = LoggerFactory.getLogger(LogNotificationChannel.class);

  @Override
  public String name() {
    return "log";
  }

  @Override
  public String label() {
    return "日志";
  }

  @Override
  public void send(Notification notification) {
    log.info("Notification {} to {} (case {}): {}", notification.getKind(), notification.getRecipient(),
        notification.getCaseNumber(), notification.getMessage());
  }
}
