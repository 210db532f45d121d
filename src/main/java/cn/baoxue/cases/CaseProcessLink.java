package cn.baoxue.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A process the system started for a case beside its own {@code dropout-case} instance (the
 * 跨县移交 process): its steps find their case through this row, written by the service that
 * starts it, as the case's own steps find it through the intake's link.
 */
@Entity
@Table(name = "case_process_link")
class CaseProcessLink {

  @Id
  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "case_id", nullable = false, updatable = false)
  private Long caseId;

  protected CaseProcessLink() {}

  CaseProcessLink(String processInstanceId, Long caseId) {
    this.processInstanceId = processInstanceId;
    this.caseId = caseId;
  }

  Long getCaseId() {
    return caseId;
  }
}
