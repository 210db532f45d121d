package cn.baoxue.care;

import cn.baoxue.kernel.validation.IdNumber;

/**
 * What the audit chain keeps of a pairing and a contact. The leading fields are those
 * {@code audit.AuditVerification} finds again in the rows; the 身份证号 is kept masked, as the
 * auditor would see it.
 */
final class CareAudit {

  private CareAudit() {}

  static String of(CarePairing pairing) {
    return "pairing=" + pairing.getId() + ";kind=" + pairing.getKind().name() + ";helper=" + pairing.getHelper()
        + ";village=" + pairing.getVillageCode() + ";school=" + (pairing.getSchoolCode() == null ? "" : pairing.getSchoolCode())
        + ";group=" + pairing.getCreatedByGroup() + ";idNumber=" + IdNumber.mask(pairing.getIdNumber());
  }

  static String of(CareContact contact) {
    return "contact=" + contact.getId() + ";pairing=" + contact.getPairingId() + ";type=" + contact.getType().name()
        + ";date=" + contact.getDate() + ";amountYuan=" + (contact.getAmountYuan() == null ? "" : contact.getAmountYuan().toPlainString());
  }
}
