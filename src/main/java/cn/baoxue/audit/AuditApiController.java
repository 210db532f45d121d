package cn.baoxue.audit;

import cn.baoxue.cases.Student;
import cn.baoxue.cases.StudentRepository;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.StaffDirectory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * For auditors: verify the trail, and list who read whose personal data. The deployment's auditors
 * ask about anyone; a county's, prefecture's or province's auditors about the staff and pupils of
 * their own units.
 */
@RestController
@RequestMapping("/api/audit")
class AuditApiController {

  private final AuditVerification verification;
  private final AuditEntryRepository entries;
  private final StudentRepository students;
  private final OperationsQuery operations;
  private final StaffDirectory staffDirectory;
  private final OrgTree orgTree;

  AuditApiController(AuditVerification verification, AuditEntryRepository entries, StudentRepository students,
      OperationsQuery operations, StaffDirectory staffDirectory, OrgTree orgTree) {
    this.verification = verification;
    this.entries = entries;
    this.students = students;
    this.operations = operations;
    this.staffDirectory = staffDirectory;
    this.orgTree = orgTree;
  }

  /** Everything one official did between two days (both included, either optional). */
  @GetMapping("/operations")
  List<OperationsQuery.Operation> operations(@RequestParam String user,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Staff auditor) {
    requireAuditor(auditor);
    requireInReach(auditor, staffDirectory.groupIdsOf(user).stream().map(GroupIds::unitCode).toList(), OTHER_USER);
    return operations.of(user, from, to);
  }

  @GetMapping("/verify")
  AuditVerification.Result verify(Staff staff) {
    requireAuditor(staff);
    return verification.verify();
  }

  /** Reads of one student's data (by 身份证号), or everything one user read. */
  @GetMapping("/access")
  List<Read> access(@RequestParam(required = false) String student, @RequestParam(required = false) String user,
      Staff auditor) {
    requireAuditor(auditor);
    List<AuditEntry> found;
    if (student != null) {
      Student pupil = students.findByIdNumber(student.trim().toUpperCase())
          .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有该身份证号的学生"));
      requireInReach(auditor, Arrays.asList(pupil.getSchoolCode(), pupil.getVillageCode()), OTHER_PUPIL);
      Long studentId = pupil.getId();
      found = entries.findByKindAndRefIdOrderByIdAsc(AuditEntry.Kind.PERSONAL_DATA_READ, studentId);
    } else if (user != null) {
      requireInReach(auditor, staffDirectory.groupIdsOf(user).stream().map(GroupIds::unitCode).toList(), OTHER_USER);
      found = entries.findByKindAndActorOrderByIdAsc(AuditEntry.Kind.PERSONAL_DATA_READ, user);
    } else {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请指定学生（student=身份证号）或用户（user=用户名）");
    }
    return found.stream().map(entry -> new Read(entry.getActor(), entry.getRecordedAt().toString(),
        students.findById(entry.getRefId()).map(s -> IdNumber.mask(s.getIdNumber())).orElse(null),
        entry.getCaseId(), entry.getPayload().replace("view=", ""))).toList();
  }

  /** One read: who, when, which student (masked), which case, which view. */
  record Read(String user, String at, String student, Long caseId, String view) {}

  private static final String OTHER_USER = "该工作人员不在您督导的单位";
  private static final String OTHER_PUPIL = "该学生不在您督导的单位";

  /**
   * A unit's auditors ask only about the people of their units: one of the codes (a pupil's school
   * or village, a staff member's units) lies in their jurisdiction, itself or through its county.
   */
  private void requireInReach(Staff auditor, List<String> unitCodes, String refusal) {
    Jurisdiction jurisdiction = auditor.jurisdiction();
    if (jurisdiction.isEverywhere()) {
      return;
    }
    boolean inReach = unitCodes.stream().filter(Objects::nonNull).anyMatch(code ->
        jurisdiction.covers(code) || orgTree.countyOf(code).map(jurisdiction::covers).orElse(false));
    if (!inReach) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal);
    }
  }

  private static void requireAuditor(Staff staff) {
    boolean allowed = staff.groupIds().stream().anyMatch(group -> GroupIds.kindOf(group).audits()) || staff.isAdmin();
    if (!allowed) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "仅审计人员可查看");
    }
  }
}
