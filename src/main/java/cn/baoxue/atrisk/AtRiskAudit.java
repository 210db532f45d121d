package cn.baoxue.atrisk;

/**
 * What the audit chain keeps of the register: a flag raised (its pupil, term, school and points),
 * a principal's decision, a teacher's observation, a grades import. The leading fields, which never
 * change, are those {@code audit.AuditVerification} finds again in the rows.
 */
final class AtRiskAudit {

  private AtRiskAudit() {}

  static String flag(long flagId, long studentId, String term, String schoolCode, int total, String points) {
    return "flag=" + flagId + ";student=" + studentId + ";term=" + term + ";school=" + schoolCode + ";total=" + total
        + ";points=" + points;
  }

  static String decision(long flagId, FlagStatus status, String reason) {
    return "flag=" + flagId + ";status=" + status.name() + ";reason=" + (reason == null ? "" : reason);
  }

  static String observation(long observationId, long studentId, String observation) {
    return "observation=" + observationId + ";student=" + studentId + ";code=" + observation;
  }

  static String grades(String term, int rows, String sha256) {
    return "term=" + term + ";rows=" + rows + ";sha256=" + sha256;
  }
}
