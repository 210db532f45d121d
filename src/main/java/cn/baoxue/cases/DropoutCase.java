package cn.baoxue.cases;

import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.process.CaseSource;
import cn.baoxue.org.CaseJurisdiction;
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
import java.time.LocalDateTime;

/**
 * One child's dropout case (辍学个案), from the report to 销号, run by one {@code dropout-case}
 * process instance whose business key is the case number.
 */
@Entity
@Table(name = "dropout_case")
public class DropoutCase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number", nullable = false, unique = true)
  private String caseNumber;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "student_id")
  private Student student;

  @Column(name = "open_student_id", unique = true)
  private Long openStudentId;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  /** Null for a child with no 学籍: the township of her home village does the school's part. */
  @Column(name = "school_code")
  private String schoolCode;

  @Column(name = "village_code", nullable = false)
  private String villageCode;

  @Column(name = "township_code", nullable = false)
  private String townshipCode;

  @Column(name = "county_code", nullable = false)
  private String countyCode;

  /** The child's sex as reported (M/F), kept with the case like the grade, for the summary. */
  @Column(nullable = false)
  private String gender;

  /** Null with the school: a child with no 学籍 has no grade. */
  @Column
  private Integer grade;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CaseSource source;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DropoutReason reason;

  @Column(name = "special_groups")
  private String specialGroups;

  @Column(name = "report_notes")
  private String reportNotes;

  /** Where the latest placement plan puts the child; null until a plan is made. */
  @Enumerated(EnumType.STRING)
  @Column(name = "placement")
  private Placement placement;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CaseStatus status;

  @Enumerated(EnumType.STRING)
  private PersuasionRung rung;

  @Column(nullable = false)
  private boolean escalated;

  @Enumerated(EnumType.STRING)
  @Column(name = "verify_result")
  private VerifyResult verifyResult;

  @Enumerated(EnumType.STRING)
  @Column(name = "not_dropout_reason")
  private NotDropoutReason notDropoutReason;

  @Column(name = "verify_notes")
  private String verifyNotes;

  @Column(name = "verified_by")
  private String verifiedBy;

  @Column(name = "verified_at")
  private LocalDateTime verifiedAt;

  @Column(name = "reported_by")
  private String reportedBy;

  @Column(name = "reported_at", nullable = false)
  private LocalDateTime reportedAt;

  @Column(name = "closed_at")
  private LocalDateTime closedAt;

  /** The counties that handed the case over to another (跨县移交), comma-separated: they keep read-only sight. */
  @Column(name = "handed_over_from")
  private String handedOverFrom;

  /** 外地协查: the authority and place outside the deployment a 协查函 went to; null if none. */
  @Column(name = "outside_assistance")
  private String outsideAssistance;

  protected DropoutCase() {}

  DropoutCase(String caseNumber, Student student, ValidReport report, CaseJurisdiction jurisdiction, String reportedBy) {
    this.caseNumber = caseNumber;
    this.student = student;
    this.openStudentId = student.getId();
    this.schoolCode = jurisdiction.hasSchool() ? jurisdiction.school().getCode() : null;
    this.villageCode = jurisdiction.village().getCode();
    this.townshipCode = jurisdiction.township().getCode();
    this.countyCode = jurisdiction.county().getCode();
    this.gender = report.gender();
    this.grade = report.grade();
    this.source = report.source();
    this.reason = report.reason();
    this.specialGroups = report.specialGroupCodes();
    this.reportNotes = report.reportNotes();
    this.status = CaseStatus.REPORTED;
    this.reportedBy = reportedBy;
    this.reportedAt = BeijingTime.now();
  }

  void linkProcessInstance(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void verify(VerifyResult result, NotDropoutReason notDropoutReason, String notes, String actor) {
    this.verifyResult = result;
    this.notDropoutReason = notDropoutReason;
    this.verifyNotes = notes;
    this.verifiedBy = actor;
    this.verifiedAt = BeijingTime.now();
    if (result == VerifyResult.NOT_DROPOUT) {
      close(CaseStatus.NOT_DROPOUT);
    } else {
      this.status = CaseStatus.PERSUADING;
    }
  }

  /**
   * 跨县移交 accepted: the case continues in the receiving county's units with its whole history;
   * the county it leaves keeps read-only sight of it.
   */
  void moveTo(CaseJurisdiction to) {
    String from = countyCode;
    if (!from.equals(to.county().getCode())) {
      java.util.Set<String> former = new java.util.LinkedHashSet<>(formerCounties());
      former.add(from);
      former.remove(to.county().getCode());
      this.handedOverFrom = former.isEmpty() ? null : String.join(",", former);
    }
    this.schoolCode = to.hasSchool() ? to.school().getCode() : null;
    this.villageCode = to.village().getCode();
    this.townshipCode = to.township().getCode();
    this.countyCode = to.county().getCode();
    if (!to.hasSchool()) {
      this.grade = null;
    }
  }

  void markOutsideAssistance(String addressee) {
    this.outsideAssistance = addressee;
  }

  void updateReason(DropoutReason reason) {
    this.reason = reason;
  }

  void reachRung(PersuasionRung rung, PersuasionResult result) {
    this.rung = rung;
    this.status = result == PersuasionResult.RETURNED ? CaseStatus.RETURNED : CaseStatus.PERSUADING;
    // Still out of school after the county's legal measures: the case stays open on the ledger
    // and is flagged for the county's supervision, never closed by default.
    this.escalated = rung == PersuasionRung.LEGAL && result == PersuasionResult.NOT_RETURNED;
  }

  void startFollowUp(Placement placement) {
    this.placement = placement;
    this.status = CaseStatus.FOLLOWING_UP;
  }

  void dropAgain() {
    this.status = CaseStatus.PERSUADING;
  }

  void closeApproved() {
    close(CaseStatus.CLOSED);
  }

  private void close(CaseStatus finalStatus) {
    this.status = finalStatus;
    this.openStudentId = null;
    this.closedAt = BeijingTime.now();
  }

  public boolean isOpen() {
    return closedAt == null;
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public Student getStudent() {
    return student;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getSchoolCode() {
    return schoolCode;
  }

  /** Whether the child has a school (学籍); without one the township works the school's steps. */
  public boolean hasSchool() {
    return schoolCode != null;
  }

  /**
   * The group that does the school's part of the case: the school's staff, or, for a child with no
   * 学籍, the township of her home village until she is placed.
   */
  public String schoolGroup() {
    return hasSchool() ? GroupIds.school(schoolCode) : GroupIds.township(townshipCode);
  }

  public String getVillageCode() {
    return villageCode;
  }

  public String getTownshipCode() {
    return townshipCode;
  }

  public String getCountyCode() {
    return countyCode;
  }

  public String getGender() {
    return gender;
  }

  public Integer getGrade() {
    return grade;
  }

  public CaseSource getSource() {
    return source;
  }

  public DropoutReason getReason() {
    return reason;
  }

  public String getSpecialGroups() {
    return specialGroups;
  }

  public String getReportNotes() {
    return reportNotes;
  }

  public Placement getPlacement() {
    return placement;
  }

  public CaseStatus getStatus() {
    return status;
  }

  public PersuasionRung getRung() {
    return rung;
  }

  public boolean isEscalated() {
    return escalated;
  }

  public VerifyResult getVerifyResult() {
    return verifyResult;
  }

  public NotDropoutReason getNotDropoutReason() {
    return notDropoutReason;
  }

  public String getVerifyNotes() {
    return verifyNotes;
  }

  public String getVerifiedBy() {
    return verifiedBy;
  }

  public LocalDateTime getVerifiedAt() {
    return verifiedAt;
  }

  public String getReportedBy() {
    return reportedBy;
  }

  public LocalDateTime getReportedAt() {
    return reportedAt;
  }

  public LocalDateTime getClosedAt() {
    return closedAt;
  }

  /** The counties that handed this case over, which still read it (and work none of it). */
  public java.util.List<String> formerCounties() {
    return handedOverFrom == null || handedOverFrom.isBlank() ? java.util.List.of() : java.util.List.of(handedOverFrom.split(","));
  }

  public String getOutsideAssistance() {
    return outsideAssistance;
  }

  /** 外地协查: a 协查函 went to a county outside the deployment; the case stays on the ledgers. */
  public boolean isOutsideAssistance() {
    return outsideAssistance != null;
  }
}
