package cn.baoxue.care;

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
import java.time.LocalDateTime;

/**
 * 结对关爱: one official or teacher (the helper) paired with a child or family in difficulty, for a
 * place the creating unit (the county bureau or a township) answers for. It carries the person's
 * school (if any), home village, township and county as a case does, so the same jurisdiction scope
 * and report scopes apply.
 */
@Entity
@Table(name = "care_pairing")
public class CarePairing {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private CareKind kind;

  @Column(name = "id_number", nullable = false, updatable = false)
  private String idNumber;

  @Column(name = "person_name", nullable = false, updatable = false)
  private String personName;

  @Column(nullable = false)
  private String helper;

  @Column(name = "school_code", updatable = false)
  private String schoolCode;

  @Column(name = "village_code", nullable = false, updatable = false)
  private String villageCode;

  @Column(name = "township_code", nullable = false, updatable = false)
  private String townshipCode;

  @Column(name = "county_code", nullable = false, updatable = false)
  private String countyCode;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  /** The unit's group that created it (a township's or the county bureau's): it logs contacts too. */
  @Column(name = "created_by_group", nullable = false, updatable = false)
  private String createdByGroup;

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  protected CarePairing() {}

  CarePairing(CareKind kind, String idNumber, String personName, String helper, CaseJurisdiction place, String createdBy,
      String createdByGroup) {
    this.kind = kind;
    this.idNumber = idNumber;
    this.personName = personName;
    this.helper = helper;
    this.schoolCode = place.hasSchool() ? place.school().getCode() : null;
    this.villageCode = place.village().getCode();
    this.townshipCode = place.township().getCode();
    this.countyCode = place.county().getCode();
    this.createdBy = createdBy;
    this.createdByGroup = createdByGroup;
    this.createdAt = BeijingTime.now();
  }

  public Long getId() {
    return id;
  }

  public CareKind getKind() {
    return kind;
  }

  public String getIdNumber() {
    return idNumber;
  }

  public String getPersonName() {
    return personName;
  }

  public String getHelper() {
    return helper;
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

  public String getCreatedBy() {
    return createdBy;
  }

  public String getCreatedByGroup() {
    return createdByGroup;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }
}
