package cn.baoxue.audit;

import cn.baoxue.documents.CaseDocument;
import cn.baoxue.escalation.Escalation;
import cn.baoxue.evidence.EvidenceItem;

/**
 * What the trail records of each source row. The verification rebuilds the same text from the row
 * as it is now: any change to the row shows as a difference.
 */
final class AuditPayloads {

  private AuditPayloads() {}

  static String of(Escalation e) {
    return "task=" + e.getTaskId() + ";key=" + e.getTaskKey() + ";level=" + e.getLevel() + ";responsible="
        + e.getResponsible() + ";to=" + e.getToGroup() + ";due=" + e.getDueAt() + ";daysLate=" + e.getDaysLate()
        + ";supervision=" + e.getSupervisionProcessId();
  }

  static String of(EvidenceItem e) {
    return "step=" + e.getStep() + ";key=" + e.getTaskKey() + ";kind=" + e.getKind() + ";type=" + e.getContentType()
        + ";size=" + e.getSize() + ";sha256=" + e.getSha256() + ";original=" + e.getOriginalSha256() + ";by=" + e.getUploadedBy();
  }

  static String of(CaseDocument d) {
    return "kind=" + d.getKind() + ";file=" + d.getFileName() + ";sha256=" + d.getSha256() + ";issuer=" + d.getRecordedBy();
  }
}
