package cn.baoxue.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A missed deadline that went up the chain (逾期督办): which task, who was responsible, how late,
 * and to whom it went. Written once, never changed.
 */
@Entity
@Table(name = "escalation")
public class Escalation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private Long caseId;

  @Column(name = "task_id", nullable = false)
  private String taskId;

  @Column(name = "task_key", nullable = false)
  private String taskKey;

  @Column(name = "task_name", nullable = false)
  private String taskName;

  @Column(name = "escalation_level", nullable = false)
  private int level;

  @Column(nullable = false)
  private String responsible;

  @Column(name = "to_group")
  private String toGroup;

  @Column(name = "due_at", nullable = false)
  private LocalDateTime dueAt;

  @Column(name = "escalated_at", nullable = false)
  private LocalDateTime escalatedAt;

  @Column(name = "days_late", nullable = false)
  private int daysLate;

  @Column(name = "supervision_process_id")
  private String supervisionProcessId;

  protected Escalation() {}

  Escalation(OverdueTask task, int level, String toGroup, LocalDateTime escalatedAt, int daysLate) {
    this.caseId = task.caseId();
    this.taskId = task.taskId();
    this.taskKey = task.taskKey();
    this.taskName = task.taskName();
    this.level = level;
    this.responsible = task.responsible();
    this.toGroup = toGroup;
    this.dueAt = task.dueAt();
    this.escalatedAt = escalatedAt;
    this.daysLate = daysLate;
  }

  /** The 督办 process started for this escalation; set once, in the transaction that writes the row. */
  void supervisedBy(String processInstanceId) {
    this.supervisionProcessId = processInstanceId;
  }

  public Long getId() {
    return id;
  }

  public Long getCaseId() {
    return caseId;
  }

  public String getTaskId() {
    return taskId;
  }

  public String getTaskKey() {
    return taskKey;
  }

  public String getTaskName() {
    return taskName;
  }

  public int getLevel() {
    return level;
  }

  public String getResponsible() {
    return responsible;
  }

  public String getToGroup() {
    return toGroup;
  }

  public LocalDateTime getDueAt() {
    return dueAt;
  }

  public LocalDateTime getEscalatedAt() {
    return escalatedAt;
  }

  public int getDaysLate() {
    return daysLate;
  }

  public String getSupervisionProcessId() {
    return supervisionProcessId;
  }
}
