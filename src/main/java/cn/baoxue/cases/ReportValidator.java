package cn.baoxue.cases;

import cn.baoxue.kernel.process.CaseSource;
import cn.baoxue.kernel.process.CaseStart;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.OrgUnit;
import cn.baoxue.kernel.identity.OrgUnitType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks a report before anything is written, and names every problem at once so the reporter
 * fixes them in one go.
 */
@Component
class ReportValidator {

  static final int MAX_NAME = 50;

  private final OrgTree orgTree;
  private final int minAge;
  private final int maxAge;
  private final Clock clock;

  ReportValidator(
      OrgTree orgTree,
      @Value("${baoxue.intake.min-age:6}") int minAge,
      @Value("${baoxue.intake.max-age:17}") int maxAge,
      Optional<Clock> clock) {
    this.orgTree = orgTree;
    this.minAge = minAge;
    this.maxAge = maxAge;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  ValidReport validate(CaseStart report) {
    return validate(report, true);
  }

  /**
   * @param reasonRequired false for a roster row of a child at school: the roster registers her
   *     and opens no case, so she has no reason to give
   */
  ValidReport validate(CaseStart report, boolean reasonRequired) {
    Inputs in = new Inputs();

    String name = in.personName(CaseStart.STUDENT_NAME, report.studentName(), "学生姓名", true, MAX_NAME);

    IdNumber idNumber = null;
    try {
      idNumber = IdNumber.parse(report.studentIdNumber());
    } catch (InvalidCaseInputException e) {
      e.problems().forEach(problem -> in.problem(CaseStart.STUDENT_ID_NUMBER, problem));
    }

    String gender = Inputs.trim(report.gender());
    if (!"M".equals(gender) && !"F".equals(gender)) {
      in.problem(CaseStart.GENDER, "性别须为 M（男）或 F（女）");
    } else if (idNumber != null && !idNumber.gender().equals(gender)) {
      in.problem(CaseStart.GENDER, "性别与身份证号不一致（身份证号第17位单数为男、双数为女）");
    }

    // A roster row comes from a spreadsheet: its day is spelled as the office's Excel wrote it.
    LocalDate birthDate = CaseSource.IMPORT.name().equals(Inputs.trim(report.source()))
        ? in.officeDate(CaseStart.BIRTH_DATE, report.birthDate(), "出生日期")
        : in.date(CaseStart.BIRTH_DATE, report.birthDate(), "出生日期");
    if (birthDate != null && idNumber != null && !idNumber.birthDate().orElseThrow().equals(birthDate)) {
      in.problem(CaseStart.BIRTH_DATE, "出生日期与身份证号不一致");
    }
    if (birthDate != null) {
      int age = Period.between(birthDate, LocalDate.now(clock)).getYears();
      if (age < minAge || age > maxAge) {
        in.problem(CaseStart.BIRTH_DATE, "学生年龄" + age + "周岁，不在义务教育适龄范围（" + minAge + "–" + maxAge + "周岁）内");
      }
    }

    CaseSource source =
        Inputs.trim(report.source()) == null ? CaseSource.REPORT : in.code(CaseStart.SOURCE, CaseSource.class, report.source(), "案件来源");
    // A child found by comparing registries or door to door may have no 学籍: no school, no grade.
    boolean mayHaveNoSchool = source != null && source.findsChildrenWithoutSchool() && Inputs.trim(report.schoolCode()) == null;
    OrgUnit school = mayHaveNoSchool ? null : orgUnit(CaseStart.SCHOOL_CODE, report.schoolCode(), OrgUnitType.SCHOOL, "学校代码", in);
    OrgUnit village = orgUnit(CaseStart.VILLAGE_CODE, report.villageCode(), OrgUnitType.VILLAGE, "村代码", in);
    Integer grade = mayHaveNoSchool && Inputs.trim(report.grade()) == null ? null : parseGrade(report.grade(), in);
    DropoutReason reason =
        reasonRequired || Inputs.trim(report.reason()) != null
            ? in.code(CaseStart.REASON, DropoutReason.class, report.reason(), "辍学原因")
            : null;
    String specialGroups = specialGroups(report.specialGroups(), in);

    String guardianName = in.personName(CaseStart.GUARDIAN_NAME, report.guardianName(), "监护人姓名", false, MAX_NAME);
    String guardianPhone = Inputs.trim(report.guardianPhone());
    if (guardianPhone != null && !guardianPhone.matches("[0-9+\\-]{7,20}")) {
      in.problem(CaseStart.GUARDIAN_PHONE, "监护人电话格式不正确（7–20位数字，可含 + 和 -）：" + guardianPhone);
    }
    String notes = in.notes(CaseStart.REPORT_NOTES, report.reportNotes(), "情况说明", false);

    in.check();
    return new ValidReport(
        name, idNumber, gender, birthDate, school, grade, village, guardianName, guardianPhone,
        reason, source, specialGroups, notes);
  }

  private OrgUnit orgUnit(String field, String raw, OrgUnitType type, String label, Inputs in) {
    String code = in.text(field, raw, label, true, 12);
    if (code == null) {
      return null;
    }
    Optional<OrgUnit> unit = orgTree.find(code, type);
    if (unit.isEmpty()) {
      in.problem(field, label + "不存在：" + code);
    }
    return unit.orElse(null);
  }

  private static Integer parseGrade(String raw, Inputs in) {
    String value = Inputs.trim(raw);
    try {
      int grade = value == null ? 0 : Integer.parseInt(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
      if (grade >= 1 && grade <= 9) {
        return grade;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    in.problem(CaseStart.GRADE, "年级须为1–9之间的整数（1–6为小学，7–9为初中）");
    return null;
  }

  private static String specialGroups(String raw, Inputs in) {
    String value = Inputs.trim(raw);
    if (value == null) {
      return null;
    }
    Set<String> codes = new LinkedHashSet<>();
    for (String part : value.split("[,;，；]")) {
      if (!part.isBlank()) {
        SpecialGroup group = in.code(CaseStart.SPECIAL_GROUPS, SpecialGroup.class, part.trim(), "特殊群体");
        if (group != null) {
          codes.add(group.name());
        }
      }
    }
    return codes.isEmpty() ? null : String.join(",", codes);
  }
}
