package cn.baoxue.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One child found by a comparison, with what a case needs to start for her: where she lives (the
 * 户籍 village, or the school's village when the 户籍 file does not list her), her school and grade
 * when she has a 学籍 in the county.
 */
final class Finding {

  final FindingType type;
  final String idNumber;
  final String name;
  final String gender;
  final LocalDate birthDate;
  final String villageCode;
  final String townshipCode;
  final String schoolCode;
  final Integer grade;
  final String schoolCountyCode;
  final String guardianName;
  final String guardianPhone;
  final List<String> reasons = new ArrayList<>();
  boolean priority;
  boolean disabled;
  String caseNumber;
  boolean caseOpened;
  /** For a 脱贫/监测户 finding: the finding it raises, whose case it shares. */
  Finding raises;

  Finding(FindingType type, String idNumber, String name, String gender, LocalDate birthDate, String villageCode,
      String townshipCode, String schoolCode, Integer grade, String schoolCountyCode, String guardianName,
      String guardianPhone) {
    this.type = type;
    this.idNumber = idNumber;
    this.name = name;
    this.gender = gender;
    this.birthDate = birthDate;
    this.villageCode = villageCode;
    this.townshipCode = townshipCode;
    this.schoolCode = schoolCode;
    this.grade = grade;
    this.schoolCountyCode = schoolCountyCode;
    this.guardianName = guardianName;
    this.guardianPhone = guardianPhone;
  }

  /** The case of this child: opened or linked by this finding, or by the one it raises. */
  String caseNumber() {
    return raises != null ? raises.caseNumber : caseNumber;
  }

  Finding reason(String reason) {
    reasons.add(reason);
    return this;
  }

  /** The same child as a 脱贫/监测户 finding, linked to the same case. */
  Finding asPovertyFinding(String reason) {
    Finding poverty = new Finding(FindingType.POVERTY_HOUSEHOLD, idNumber, name, gender, birthDate, villageCode,
        townshipCode, schoolCode, grade, schoolCountyCode, guardianName, guardianPhone);
    poverty.reasons.add(reason);
    poverty.reasons.add("该儿童同时被查出：" + type.label());
    poverty.priority = true;
    poverty.raises = this;
    return poverty;
  }
}
