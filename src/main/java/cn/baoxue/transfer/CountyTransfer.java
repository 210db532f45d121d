package cn.baoxue.transfer;

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
 * One 跨县移交 of a case to another county of the deployment, or one 协查函 to a county outside it
 * (外地协查), as requested and as decided.
 */
@Entity
@Table(name = "county_transfer")
public class CountyTransfer {

  /** To a county of the deployment (it decides), or a 协查函 to one outside (nobody here decides). */
  public enum Kind {
    TRANSFER,
    ASSISTANCE
  }

  public enum Status {
    PENDING("待接收"),
    ACCEPTED("已接收"),
    REJECTED("已退回"),
    ISSUED("已发协查函");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false, updatable = false)
  private Long caseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "from_county", nullable = false, updatable = false)
  private String fromCounty;

  @Column(name = "to_county", updatable = false)
  private String toCounty;

  @Column(name = "to_authority", updatable = false)
  private String toAuthority;

  @Column(name = "to_place", updatable = false)
  private String toPlace;

  @Column(nullable = false, updatable = false)
  private String reason;

  @Column(name = "requested_by", nullable = false, updatable = false)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private LocalDateTime requestedAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private LocalDateTime decidedAt;

  @Column(name = "decision_reason")
  private String decisionReason;

  /** school,village,township codes before the move (the school empty for a child with no 学籍). */
  @Column(name = "from_units")
  private String fromUnits;

  @Column(name = "to_units")
  private String toUnits;

  @Column(name = "document_id")
  private Long documentId;

  protected CountyTransfer() {}

  static CountyTransfer transfer(Long caseId, String fromCounty, String toCounty, String reason, String requestedBy) {
    CountyTransfer t = new CountyTransfer(caseId, Kind.TRANSFER, fromCounty, reason, requestedBy);
    t.toCounty = toCounty;
    t.status = Status.PENDING;
    return t;
  }

  static CountyTransfer assistance(Long caseId, String fromCounty, String toAuthority, String toPlace, String reason,
      String requestedBy) {
    CountyTransfer t = new CountyTransfer(caseId, Kind.ASSISTANCE, fromCounty, reason, requestedBy);
    t.toAuthority = toAuthority;
    t.toPlace = toPlace;
    t.status = Status.ISSUED;
    return t;
  }

  private CountyTransfer(Long caseId, Kind kind, String fromCounty, String reason, String requestedBy) {
    this.caseId = caseId;
    this.kind = kind;
    this.fromCounty = fromCounty;
    this.reason = reason;
    this.requestedBy = requestedBy;
    this.requestedAt = BeijingTime.now();
  }

  void runBy(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void accept(String by, String reason, String fromUnits, String toUnits) {
    decide(Status.ACCEPTED, by, reason);
    this.fromUnits = fromUnits;
    this.toUnits = toUnits;
  }

  void reject(String by, String reason) {
    decide(Status.REJECTED, by, reason);
  }

  private void decide(Status outcome, String by, String reason) {
    this.status = outcome;
    this.decidedBy = by;
    this.decidedAt = BeijingTime.now();
    this.decisionReason = reason;
  }

  void letter(Long documentId) {
    this.documentId = documentId;
  }

  public boolean isPending() {
    return status == Status.PENDING;
  }

  public Long getId() {
    return id;
  }

  public Long getCaseId() {
    return caseId;
  }

  public Kind getKind() {
    return kind;
  }

  public Status getStatus() {
    return status;
  }

  public String getFromCounty() {
    return fromCounty;
  }

  public String getToCounty() {
    return toCounty;
  }

  public String getToAuthority() {
    return toAuthority;
  }

  public String getToPlace() {
    return toPlace;
  }

  public String getReason() {
    return reason;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public LocalDateTime getRequestedAt() {
    return requestedAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public LocalDateTime getDecidedAt() {
    return decidedAt;
  }

  public String getDecisionReason() {
    return decisionReason;
  }

  public String getFromUnits() {
    return fromUnits;
  }

  public String getToUnits() {
    return toUnits;
  }

  public Long getDocumentId() {
    return documentId;
  }
}
