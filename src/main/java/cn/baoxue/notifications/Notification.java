package cn.baoxue.notifications;

import cn.baoxue.kernel.time.BeijingTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A message in the outbox (通知): shown in Baoxue's own notification list to the person or the
 * members of the group it is for, and delivered by every channel configured when it was queued
 * (log, SMS, 企业微信), each channel's delivery tracked on its own ({@link NotificationDelivery}).
 * Its text comes from a fixed wording with the case number and the step: never a guardian's or a
 * child's personal data.
 */
@Entity
@Table(name = "notification")
public class Notification {

  /** Why someone is told. */
  public enum Kind {
    ASSIGNED("新的待办"),
    ESCALATED("逾期督办"),
    DEADLINE_APPROACHING("即将到期");

    private final String title;

    Kind(String title) {
      this.title = title;
    }

    /** The notification's title as people read it. */
    public String title() {
      return title;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  /** A user id or a group id. */
  @Column(nullable = false)
  private String recipient;

  @Column(name = "case_number")
  private String caseNumber;

  @Column(name = "task_id")
  private String taskId;

  @Column(nullable = false)
  private String message;

  /** Keeps a reminder from being queued twice. */
  @Column(name = "dedup_key", unique = true)
  private String dedupKey;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "sent_at")
  private LocalDateTime sentAt;

  @Column
  private String channel;

  protected Notification() {}

  Notification(Kind kind, String recipient, String caseNumber, String taskId, String message, String dedupKey) {
    this.kind = kind;
    this.recipient = recipient;
    this.caseNumber = caseNumber;
    this.taskId = taskId;
    this.message = message;
    this.dedupKey = dedupKey;
    this.createdAt = BeijingTime.now();
  }

  /** Every channel has delivered it (or had nobody to reach): stamped sent, with the channels that took part. */
  void allDelivered(String channelNames) {
    this.sentAt = BeijingTime.now();
    this.channel = channelNames;
  }

  public String title() {
    return kind.title();
  }

  /**
   * Where the notification leads in Baoxue: its case's page, if it has a case; for a county
   * department (联控联保), which sees no case page, its referrals.
   */
  public String link() {
    if (recipient != null && cn.baoxue.kernel.identity.GroupIds.kindOf(recipient) == cn.baoxue.kernel.identity.GroupIds.Kind.DEPARTMENT) {
      return "/referrals";
    }
    return caseNumber == null ? null : "/cases/" + caseNumber;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public Long getId() {
    return id;
  }

  public Kind getKind() {
    return kind;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getTaskId() {
    return taskId;
  }

  public String getMessage() {
    return message;
  }

  public LocalDateTime getSentAt() {
    return sentAt;
  }

  public String getChannel() {
    return channel;
  }
}
