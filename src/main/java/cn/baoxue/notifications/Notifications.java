package cn.baoxue.notifications;

import cn.baoxue.notifications.Notification.Kind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts notifications in the outbox, in the transaction of the event that causes them. */
@Service
public class Notifications {

  private final NotificationRepository outbox;

  Notifications(NotificationRepository outbox) {
    this.outbox = outbox;
  }

  @Transactional
  public void assigned(String recipient, String caseNumber, String taskId, String message) {
    outbox.save(new Notification(Kind.ASSIGNED, recipient, caseNumber, taskId, message, null));
  }

  @Transactional
  public void escalated(String recipient, String caseNumber, String taskId, String message) {
    outbox.save(new Notification(Kind.ESCALATED, recipient, caseNumber, taskId, message, null));
  }

  /** Once per task and recipient, however often the reminder scan runs. */
  @Transactional
  public void deadlineApproaching(String recipient, String caseNumber, String taskId, String message) {
    String dedupKey = "due:" + taskId + ":" + recipient;
    if (!outbox.existsByDedupKey(dedupKey)) {
      outbox.save(new Notification(Kind.DEADLINE_APPROACHING, recipient, caseNumber, taskId, message, dedupKey));
    }
  }
}
