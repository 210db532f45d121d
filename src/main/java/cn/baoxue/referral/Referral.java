package cn.baoxue.referral;

import cn.baoxue.kernel.time.BeijingTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** 联控联保转介: one request from a case to a department of its county, and the department's answer. */
@Entity
@Table(name = "referral")
public class Referral {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false, updatable = false)
  private Long caseId;

  @Column(name = "county_code", nullable = false, updatable = false)
  private String countyCode;

  @Column(name = "department_unit", nullable = false, updatable = false)
  private String departmentUnit;

  @Column(name = "department_code", nullable = false, updatable = false)
  private String departmentCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "referral_type", nullable = false, updatable = false)
  private ReferralType type;

  @Column(name = "request_text", nullable = false, updatable = false)
  private String requestText;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReferralStatus status;

  @Column(name = "sent_by", nullable = false, updatable = false)
  private String sentBy;

  @Column(name = "sent_at", nullable = false, updatable = false)
  private LocalDateTime sentAt;

  @Column(name = "due_on", nullable = false, updatable = false)
  private LocalDate dueOn;

  @Column(name = "answered_by")
  private String answeredBy;

  @Column(name = "answered_at")
  private LocalDateTime answeredAt;

  @Column(name = "reject_reason")
  private String rejectReason;

  @Column(name = "action_taken")
  private String actionTaken;

  @Column(name = "closed_by")
  private String closedBy;

  @Column(name = "closed_at")
  private LocalDateTime closedAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  protected Referral() {}

  Referral(Long caseId, String countyCode, String departmentUnit, String departmentCode, ReferralType type,
      String requestText, String sentBy, LocalDate dueOn) {
    this.caseId = caseId;
    this.countyCode = countyCode;
    this.departmentUnit = departmentUnit;
    this.departmentCode = departmentCode;
    this.type = type;
    this.requestText = requestText;
    this.sentBy = sentBy;
    this.sentAt = BeijingTime.now();
    this.dueOn = dueOn;
    this.status = ReferralStatus.SENT;
  }

  void runsIn(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void accept(String by) {
    requireStatus(ReferralStatus.SENT);
    this.status = ReferralStatus.ACCEPTED;
    this.answeredBy = by;
    this.answeredAt = BeijingTime.now();
  }

  void reject(String by, String reason) {
    requireStatus(ReferralStatus.SENT);
    this.status = ReferralStatus.REJECTED;
    this.answeredBy = by;
    this.answeredAt = BeijingTime.now();
    this.rejectReason = reason;
    this.closedAt = this.answeredAt;
    this.closedBy = by;
  }

  void close(String by, String actionTaken) {
    requireStatus(ReferralStatus.ACCEPTED);
    this.status = ReferralStatus.CLOSED;
    this.actionTaken = actionTaken;
    this.closedBy = by;
    this.closedAt = BeijingTime.now();
  }

  private void requireStatus(ReferralStatus expected) {
    if (status != expected) {
      throw new IllegalStateException("Referral " + id + " is " + status + ", not " + expected);
    }
  }

  public Long getId() {
    return id;
  }

  public Long getCaseId() {
    return caseId;
  }

  public String getCountyCode() {
    return countyCode;
  }

  public String getDepartmentUnit() {
    return departmentUnit;
  }

  public String getDepartmentCode() {
    return departmentCode;
  }

  public ReferralType getType() {
    return type;
  }

  public String getRequestText() {
    return requestText;
  }

  public ReferralStatus getStatus() {
    return status;
  }

  public String getSentBy() {
    return sentBy;
  }

  public LocalDateTime getSentAt() {
    return sentAt;
  }

  public LocalDate getDueOn() {
    return dueOn;
  }

  public String getAnsweredBy() {
    return answeredBy;
  }

  public LocalDateTime getAnsweredAt() {
    return answeredAt;
  }

  public String getRejectReason() {
    return rejectReason;
  }

  public String getActionTaken() {
    return actionTaken;
  }

  public String getClosedBy() {
    return closedBy;
  }

  public LocalDateTime getClosedAt() {
    return closedAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
