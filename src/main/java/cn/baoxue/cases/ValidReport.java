package cn.baoxue.cases;

import cn.baoxue.kernel.process.CaseSource;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.org.OrgUnit;
import java.time.LocalDate;

/**
 * A report that passed every check, with its codes resolved. {@code school} and {@code grade} are
 * null for a child with no 学籍 (sources RECONCILIATION and SURVEY only).
 */
record ValidReport(
    String studentName,
    IdNumber idNumber,
    String gender,
    LocalDate birthDate,
    OrgUnit school,
    Integer grade,
    OrgUnit village,
    String guardianName,
    String guardianPhone,
    DropoutReason reason,
    CaseSource source,
    String specialGroupCodes,
    String reportNotes) {}
