package cn.baoxue.handover;

import cn.baoxue.kernel.time.BeijingTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One 工作交接 as done: who handed whose open work to whom, and what moved. */
@Entity
@Table(name = "staff_handover")
public class StaffHandover {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private String leaver;

  @Column(nullable = false, updatable = false)
  private String successor;

  @Column(name = "handed_by", nullable = false, updatable = false)
  private String handedBy;

  @Column(name = "handed_at", nullable = false, updatable = false)
  private LocalDateTime handedAt;

  @Column(name = "tasks_moved", nullable = false, updatable = false)
  private int tasksMoved;

  @Column(name = "cases_moved", nullable = false, updatable = false)
  private int casesMoved;

  /** The moved items as JSON: task ids with their cases, helper roles by case. */
  @Column(nullable = false, updatable = false)
  private String moved;

  protected StaffHandover() {}

  StaffHandover(String leaver, String successor, String handedBy, int tasksMoved, int casesMoved, String moved) {
    this.leaver = leaver;
    this.successor = successor;
    this.handedBy = handedBy;
    this.handedAt = BeijingTime.now();
    this.tasksMoved = tasksMoved;
    this.casesMoved = casesMoved;
    this.moved = moved;
  }

  public Long getId() {
    return id;
  }

  public String getLeaver() {
    return leaver;
  }

  public String getSuccessor() {
    return successor;
  }

  public String getHandedBy() {
    return handedBy;
  }

  public LocalDateTime getHandedAt() {
    return handedAt;
  }

  public int getTasksMoved() {
    return tasksMoved;
  }

  public int getCasesMoved() {
    return casesMoved;
  }

  public String getMoved() {
    return moved;
  }
}
