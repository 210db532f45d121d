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

/** A message waiting in the outbox for a channel (log today; SMS or WeChat later). */
@Entity
@Table(name = "notification")
public class Notification {

  /** Why someone is told. */
  public enum Kind {
    ASSIGNED,
    ESCALATED,
    DEADLINE_APPROACHING
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

  void sent(String channelName) {
    this.sentAt = BeijingTime.now();
    this.channel = channelName;
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
