package cn.baoxue.cases;

import cn.baoxue.kernel.process.CaseStart;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.org.CaseJurisdiction;
import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.org.OrgTree;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a case (发现): checks the report, registers or updates the student, and gives the case
 * its number and jurisdiction. The jurisdiction is derived from the org tree, never taken from
 * the caller.
 */
@Service
public class CaseIntakeService {

  private final ReportValidator validator;
  private final OrgTree orgTree;
  private final StudentRepository students;
  private final DropoutCaseRepository cases;
  private final CaseNumbers caseNumbers;

  CaseIntakeService(
      ReportValidator validator,
      OrgTree orgTree,
      StudentRepository students,
      DropoutCaseRepository cases,
      CaseNumbers caseNumbers) {
    this.validator = validator;
    this.orgTree = orgTree;
    this.students = students;
    this.cases = cases;
    this.caseNumbers = caseNumbers;
  }

  /**
   * @param reporter the reporting user, or null for the system's own entry paths
   * @param reporterJurisdiction where the reporter may report; ignored without a reporter
   */
  @Transactional
  public OpenedCase open(CaseStart report, String reporter, Jurisdiction reporterJurisdiction) {
    ValidReport valid = validator.validate(report);
    CaseJurisdiction jurisdiction = orgTree.jurisdictionOf(valid.school(), valid.village());
    if (reporter != null && !jurisdiction.isWithin(reporterJurisdiction)) {
      throw new InvalidCaseInputException(
          "您无权为" + jurisdiction.schoolName() + "（" + valid.village().getName() + "）的学生上报案件");
    }
    Student student =
        students.findByIdNumber(valid.idNumber().value()).orElseGet(() -> new Student(valid.idNumber().value()));
    if (student.getId() != null) {
      cases.findByOpenStudentId(student.getId())
          .ifPresent(
              open -> {
                throw new InvalidCaseInputException(
                    "该学生已有未结案件 " + open.getCaseNumber() + "，请在原案件中继续办理");
              });
    }
    student.update(valid);
    students.save(student);
    String caseNumber = caseNumbers.next(jurisdiction.county().getCode());
    DropoutCase dropoutCase = cases.save(new DropoutCase(caseNumber, student, valid, jurisdiction, reporter));
    return new OpenedCase(dropoutCase, jurisdiction);
  }

  /** Ties the case to the process instance that runs it. */
  @Transactional
  public void linkProcessInstance(Long caseId, String processInstanceId) {
    cases.findById(caseId).orElseThrow().linkProcessInstance(processInstanceId);
  }

  /** A freshly opened case and where it belongs. */
  public record OpenedCase(DropoutCase dropoutCase, CaseJurisdiction jurisdiction) {}
}
