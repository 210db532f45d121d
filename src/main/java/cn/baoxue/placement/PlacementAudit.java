package cn.baoxue.placement;

import cn.baoxue.kernel.validation.IdNumber;
import java.util.List;

/**
 * What the audit chain keeps of a registration and a decision. The leading fields, which never
 * change, are those {@code audit.AuditVerification} finds again in the rows; the 身份证号 is kept
 * masked, as the auditor would see it.
 */
public final class PlacementAudit {

  private PlacementAudit() {}

  static String of(DisabledChild child) {
    return "child=" + child.getId() + ";county=" + child.getCountyCode() + ";village=" + child.getVillageCode()
        + ";group=" + child.getRegisteredByGroup() + ";category=" + child.getCategory().name() + ";level=" + child.getLevel().name()
        + ";idNumber=" + IdNumber.mask(child.getIdNumber());
  }

  static String decision(DisabledChild child, List<String> teachers) {
    return "child=" + child.getId() + ";placement=" + child.getPlacement().name() + ";by=" + child.getAssessedBy()
        + ";teachers=" + String.join(",", teachers)
        + (child.getDeferralAppliedOn() == null ? "" : ";deferralAppliedOn=" + child.getDeferralAppliedOn());
  }
}
