package cn.baoxue.escalation;

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

/** What a superior did about an overdue task in the 督办 task. */
@Entity
@Table(name = "supervision_action")
public class SupervisionAction {

  /** The superior's choices, with the Chinese labels of the 督办 form. */
  public enum Kind {
    REASSIGN("改派他人办理"),
    EXTEND("延长办理期限"),
    TAKE_OVER("本人接手办理");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "escalation_id", nullable = false)
  private Long escalationId;

  @Column(name = "case_id", nullable = false)
  private Long caseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind action;

  @Column(name = "new_assignee")
  private String newAssignee;

  @Column(name = "new_due_at")
  private LocalDateTime newDueAt;

  @Column
  private String reason;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private LocalDateTime recordedAt;

  protected SupervisionAction() {}

  SupervisionAction(Escalation escalation, Kind action, String newAssignee, LocalDateTime newDueAt, String reason, String recordedBy) {
    this.escalationId = escalation.getId();
    this.caseId = escalation.getCaseId();
    this.action = action;
    this.newAssignee = newAssignee;
    this.newDueAt = newDueAt;
    this.reason = reason;
    this.recordedBy = recordedBy;
    this.recordedAt = BeijingTime.now();
  }

  public Kind getAction() {
    return action;
  }

  public String getNewAssignee() {
    return newAssignee;
  }

  public LocalDateTime getNewDueAt() {
    return newDueAt;
  }

  public String getReason() {
    return reason;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public LocalDateTime getRecordedAt() {
    return recordedAt;
  }
}
