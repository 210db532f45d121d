package cn.baoxue.notifications;

import cn.baoxue.kernel.time.BeijingTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One channel's delivery of one notification (投递记录): how often it was tried, when it is tried
 * next, what went wrong last. Each channel keeps its own, so a message the SMS provider refused
 * is retried by SMS alone and never sent twice through 企业微信.
 */
@Entity
@Table(name = "notification_delivery")
public class NotificationDelivery {

  private static final int MAX_ERROR_LENGTH = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "notification_id")
  private Notification notification;

  @Column(nullable = false)
  private String channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeliveryStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private LocalDateTime nextAttemptAt;

  @Column(name = "last_attempt_at")
  private LocalDateTime lastAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "sent_at")
  private LocalDateTime sentAt;

  @Column(name = "claimed_until")
  private LocalDateTime claimedUntil;

  protected NotificationDelivery() {}

  NotificationDelivery(Notification notification, String channel) {
    this.notification = notification;
    this.channel = channel;
    this.status = DeliveryStatus.PENDING;
    this.nextAttemptAt = notification.getCreatedAt();
  }

  void delivered() {
    attempted();
    status = DeliveryStatus.SENT;
    sentAt = lastAttemptAt;
    nextAttemptAt = null;
    lastError = null;
  }

  void nobodyToReach(String why) {
    attempted();
    status = DeliveryStatus.SKIPPED;
    nextAttemptAt = null;
    lastError = truncate(why);
  }

  /** A failed attempt: tried again after the backoff, or given up (dead letter) after the last one. */
  void failed(String error, int maxAttempts, Duration backoff) {
    attempted();
    lastError = truncate(error);
    if (attempts >= maxAttempts) {
      status = DeliveryStatus.DEAD;
      nextAttemptAt = null;
    } else {
      status = DeliveryStatus.RETRYING;
      nextAttemptAt = lastAttemptAt.plus(backoff);
    }
  }

  /** The administrator's 重新发送: a fresh round of attempts, starting now. */
  void resend() {
    status = DeliveryStatus.PENDING;
    attempts = 0;
    nextAttemptAt = BeijingTime.now();
    claimedUntil = null;
  }

  private void attempted() {
    attempts++;
    lastAttemptAt = BeijingTime.now();
    claimedUntil = null;
  }

  private static String truncate(String text) {
    if (text == null) {
      return null;
    }
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }

  public Long getId() {
    return id;
  }

  public Notification getNotification() {
    return notification;
  }

  public String getChannel() {
    return channel;
  }

  public DeliveryStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public LocalDateTime getNextAttemptAt() {
    return nextAttemptAt;
  }

  public LocalDateTime getLastAttemptAt() {
    return lastAttemptAt;
  }

  public String getLastError() {
    return lastError;
  }

  public LocalDateTime getSentAt() {
    return sentAt;
  }
}
