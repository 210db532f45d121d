package cn.baoxue.placement;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.org.CaseJurisdiction;
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

/**
 * A disabled child of compulsory age on the county's register (残疾儿童安置台账), registered by the
 * county bureau or a township, placed like a case by her school (if any), village, township and
 * county; once the expert committee has assessed her, her placement.
 */
@Entity
@Table(name = "disabled_child")
public class DisabledChild {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "id_number", nullable = false, updatable = false)
  private String idNumber;

  @Column(name = "child_name", nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "disability_category", nullable = false)
  private DisabilityCategory category;

  @Enumerated(EnumType.STRING)
  @Column(name = "disability_level", nullable = false)
  private DisabilityLevel level;

  @Column(name = "school_code")
  private String schoolCode;

  @Column(name = "village_code", nullable = false)
  private String villageCode;

  @Column(name = "township_code", nullable = false)
  private String townshipCode;

  @Column(name = "county_code", nullable = false)
  private String countyCode;

  @Column(name = "registered_by", nullable = false, updatable = false)
  private String registeredBy;

  @Column(name = "registered_by_group", nullable = false, updatable = false)
  private String registeredByGroup;

  @Column(name = "registered_at", nullable = false, updatable = false)
  private LocalDateTime registeredAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Enumerated(EnumType.STRING)
  private Placement placement;

  @Column(name = "assessment_note")
  private String assessmentNote;

  @Column(name = "deferral_reason")
  private String deferralReason;

  @Column(name = "deferral_applied_on")
  private LocalDate deferralAppliedOn;

  @Column(name = "assessed_by")
  private String assessedBy;

  @Column(name = "assessed_at")
  private LocalDateTime assessedAt;

  protected DisabledChild() {}

  DisabledChild(String idNumber, String name, DisabilityCategory category, DisabilityLevel level, CaseJurisdiction place,
      String registeredBy, String registeredByGroup) {
    this.idNumber = idNumber;
    this.name = name;
    this.category = category;
    this.level = level;
    this.schoolCode = place.hasSchool() ? place.school().getCode() : null;
    this.villageCode = place.village().getCode();
    this.townshipCode = place.township().getCode();
    this.countyCode = place.county().getCode();
    this.registeredBy = registeredBy;
    this.registeredByGroup = registeredByGroup;
    this.registeredAt = BeijingTime.now();
  }

  void startedAs(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void place(Placement placement, String note, String deferralReason, LocalDate deferralAppliedOn, String assessedBy) {
    this.placement = placement;
    this.assessmentNote = note;
    this.deferralReason = deferralReason;
    this.deferralAppliedOn = deferralAppliedOn;
    this.assessedBy = assessedBy;
    this.assessedAt = BeijingTime.now();
  }

  public Long getId() {
    return id;
  }

  public String getIdNumber() {
    return idNumber;
  }

  public String getName() {
    return name;
  }

  public DisabilityCategory getCategory() {
    return category;
  }

  public DisabilityLevel getLevel() {
    return level;
  }

  public String getSchoolCode() {
    return schoolCode;
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

  public String getRegisteredBy() {
    return registeredBy;
  }

  public String getRegisteredByGroup() {
    return registeredByGroup;
  }

  public LocalDateTime getRegisteredAt() {
    return registeredAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Placement getPlacement() {
    return placement;
  }

  public String getAssessmentNote() {
    return assessmentNote;
  }

  public String getDeferralReason() {
    return deferralReason;
  }

  public LocalDate getDeferralAppliedOn() {
    return deferralAppliedOn;
  }

  public String getAssessedBy() {
    return assessedBy;
  }

  public LocalDateTime getAssessedAt() {
    return assessedAt;
  }
}
