package cn.baoxue.referral;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A referral as its readers see it: units and people by name, codes with their labels, times in
 * Beijing time. {@code child} is there only for the department while the referral is open.
 */
public record ReferralView(
    Long id,
    String caseNumber,
    String type,
    String typeLabel,
    String department,
    String departmentName,
    String request,
    String status,
    String statusLabel,
    String sentBy,
    LocalDateTime sentAt,
    LocalDate dueOn,
    boolean overdue,
    String answeredBy,
    LocalDateTime answeredAt,
    String rejectReason,
    String actionTaken,
    String closedBy,
    LocalDateTime closedAt,
    /** Working days from sending to the department's answer (accepted or rejected); null while unanswered. */
    Integer workingDaysToAnswer,
    ChildFacts child) {

  /**
   * The facts of the child a department needs for a referral of this type, and nothing more: the
   * 身份证号 and the guardian's phone in full only where the type needs them (ReferralType).
   */
  public record ChildFacts(
      String name,
      String gender,
      String birthDate,
      String idNumber,
      boolean idNumberInFull,
      String guardianName,
      String guardianPhone,
      String home,
      String school,
      Integer grade,
      String reason,
      String whereabouts,
      String specialGroups) {}
}
