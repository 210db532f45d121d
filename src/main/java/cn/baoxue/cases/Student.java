package cn.baoxue.cases;

import cn.baoxue.kernel.time.BeijingTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A child of compulsory-school age (适龄儿童), known by her national ID number (身份证号). */
@Entity
@Table(name = "student")
public class Student {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "id_number", nullable = false, unique = true)
  private String idNumber;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String gender;

  @Column(name = "birth_date", nullable = false)
  private LocalDate birthDate;

  /** Null for a child with no 学籍 (found by comparing registries or door to door). */
  @Column(name = "school_code")
  private String schoolCode;

  @Column
  private Integer grade;

  @Column(name = "village_code", nullable = false)
  private String villageCode;

  @Column(name = "guardian_name")
  private String guardianName;

  @Column(name = "guardian_phone")
  private String guardianPhone;

  @Column(name = "special_groups")
  private String specialGroups;

  /**
   * The record this one was merged into (一人一档), or null. Written only by the merge, in SQL, so
   * that saving a record loaded before the merge never undoes it.
   */
  @Column(name = "merged_into_id", insertable = false, updatable = false)
  private Long mergedIntoId;

  /** The provisional number she was registered under without papers (摸排), kept after her real one is known. */
  @Column(name = "provisional_number", updatable = false)
  private String provisionalNumber;

  /**
   * The birth date is an estimate (a child without papers: what the family remembers, perhaps the
   * month only, then its 1st): her real number is checked against its year and month.
   */
  @Column(name = "birth_date_estimated", nullable = false)
  private boolean birthDateEstimated;

  @Column(name = "id_number_recorded_by")
  private String idNumberRecordedBy;

  @Column(name = "id_number_recorded_at")
  private LocalDateTime idNumberRecordedAt;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  protected Student() {}

  public Student(String idNumber) {
    this.idNumber = idNumber;
    this.createdAt = BeijingTime.now();
  }

  /** A child without papers, registered under the provisional number Baoxue issued her. */
  static Student withoutPapers(String provisionalNumber) {
    Student student = new Student(provisionalNumber);
    student.provisionalNumber = provisionalNumber;
    return student;
  }

  /**
   * Her real 身份证号, checked by {@link IdNumberRecording}: it replaces the provisional number, and
   * the birth date becomes the one the number carries.
   */
  void recordIdNumber(String idNumber, LocalDate birthDate, String actor) {
    this.idNumber = idNumber;
    this.birthDate = birthDate;
    this.birthDateEstimated = false;
    this.idNumberRecordedBy = actor;
    this.idNumberRecordedAt = BeijingTime.now();
    this.updatedAt = this.idNumberRecordedAt;
  }

  /** Still without a real 身份证号. */
  public boolean isProvisional() {
    return ProvisionalNumbers.isProvisional(idNumber);
  }

  /** Takes the latest facts from a report: the child may have moved school or grade since. */
  void update(ValidReport report) {
    this.name = report.studentName();
    this.gender = report.gender();
    this.birthDate = report.birthDate();
    this.birthDateEstimated = report.birthDateEstimated();
    // A report of a child with no 学籍 keeps the school she was last known at, if any.
    if (report.school() != null) {
      this.schoolCode = report.school().getCode();
      this.grade = report.grade();
    }
    this.villageCode = report.village().getCode();
    this.guardianName = report.guardianName();
    this.guardianPhone = report.guardianPhone();
    this.specialGroups = report.specialGroupCodes();
    this.updatedAt = BeijingTime.now();
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

  public String getGender() {
    return gender;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public String getSchoolCode() {
    return schoolCode;
  }

  public Integer getGrade() {
    return grade;
  }

  public String getVillageCode() {
    return villageCode;
  }

  public String getGuardianName() {
    return guardianName;
  }

  public String getGuardianPhone() {
    return guardianPhone;
  }

  public String getSpecialGroups() {
    return specialGroups;
  }

  public String getProvisionalNumber() {
    return provisionalNumber;
  }

  public boolean isBirthDateEstimated() {
    return birthDateEstimated;
  }

  public Long getMergedIntoId() {
    return mergedIntoId;
  }
}
