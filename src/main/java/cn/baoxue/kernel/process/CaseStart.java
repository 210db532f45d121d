package cn.baoxue.kernel.process;

/**
 * A report of a suspected dropout as it arrives from any entry path (Tasklist start form,
 * REST, import, attendance feed): text as typed, not yet validated.
 */
public record CaseStart(
    String studentName,
    String studentIdNumber,
    String gender,
    String birthDate,
    String schoolCode,
    String grade,
    String villageCode,
    String guardianName,
    String guardianPhone,
    String reason,
    String source,
    String specialGroups,
    String reportNotes) {}
