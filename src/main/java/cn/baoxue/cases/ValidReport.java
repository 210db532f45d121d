package cn.baoxue.cases;

import cn.baoxue.kernel.process.CaseSource;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.org.OrgUnit;
import java.time.LocalDate;

/** A report that passed every check, with its codes resolved. */
record ValidReport(
    String studentName,
    IdNumber idNumber,
    String gender,
    LocalDate birthDate,
    OrgUnit school,
    int grade,
    OrgUnit village,
    String guardianName,
    String guardianPhone,
    DropoutReason reason,
    CaseSource source,
    String specialGroupCodes,
    String reportNotes) {}
