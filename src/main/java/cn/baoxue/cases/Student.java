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

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  protected Student() {}

  public Student(String idNumber) {
    this.idNumber = idNumber;
    this.createdAt = BeijingTime.now();
  }

  /** Takes the latest facts from a report: the child may have moved school or grade since. */
  void update(ValidReport report) {
    this.name = report.studentName();
    this.gender = report.gender();
    this.birthDate = report.birthDate();
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
}
