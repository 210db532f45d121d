package cn.baoxue.care;

import cn.baoxue.kernel.validation.IdNumber;

/**
 * What the audit chain keeps of a pairing and a contact. The leading fields, which never change,
 * are those {@code audit.AuditVerification} finds again in the rows (a pairing's helper may be
 * handed over, so she follows them); the 身份证号 is kept masked, as the auditor would see it.
 */
final class CareAudit {

  private CareAudit() {}

  static String of(CarePairing pairing) {
    return "pairing=" + pairing.getId() + ";kind=" + pairing.getKind().name() + ";village=" + pairing.getVillageCode()
        + ";school=" + (pairing.getSchoolCode() == null ? "" : pairing.getSchoolCode()) + ";group=" + pairing.getCreatedByGroup()
        + ";helper=" + pairing.getHelper() + ";idNumber=" + IdNumber.mask(pairing.getIdNumber());
  }

  static String of(CareContact contact) {
    return "contact=" + contact.getId() + ";pairing=" + contact.getPairingId() + ";type=" + contact.getType().name()
        + ";date=" + contact.getDate() + ";amountYuan=" + (contact.getAmountYuan() == null ? "" : contact.getAmountYuan().toPlainString());
  }
}
