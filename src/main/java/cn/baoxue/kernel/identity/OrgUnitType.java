package cn.baoxue.kernel.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Levels of the jurisdiction tree, with the length of their codes. Province, prefecture and county
 * carry the national administrative codes (GB/T 2260): a county's code begins with its prefecture's
 * first four digits, a prefecture's with its province's first two (昭通市 530600, 镇雄县 530627).
 */
public enum OrgUnitType {
  PROVINCE("省", 6),
  PREFECTURE("市", 6),
  COUNTY("县", 6),
  TOWNSHIP("乡镇", 9),
  VILLAGE("村", 12),
  SCHOOL("学校", 10),
  /**
   * A department of a county's government (公安、民政、人社、残联、司法、妇联、共青团) that answers
   * referrals (联控联保): the county's code and the department's two-digit number from
   * {@code baoxue.departments} (镇雄县公安局 53062701). It works no case of its own.
   */
  DEPARTMENT("部门", 8);

  private final String label;
  private final int codeLength;

  OrgUnitType(String label, int codeLength) {
    this.label = label;
    this.codeLength = codeLength;
  }

  public String label() {
    return label;
  }

  public int codeLength() {
    return codeLength;
  }

  /** The level a unit of this level belongs to: a school to its village, a county to its prefecture. */
  public OrgUnitType parentType() {
    return switch (this) {
      case PROVINCE -> null;
      case PREFECTURE -> PROVINCE;
      case COUNTY -> PREFECTURE;
      case TOWNSHIP -> COUNTY;
      case VILLAGE -> TOWNSHIP;
      case SCHOOL -> VILLAGE;
      case DEPARTMENT -> COUNTY;
    };
  }

  /**
   * Whether a unit of this level may have no parent: a deployment may begin at a county (as Baoxue
   * did), a prefecture or a province, and grow upwards.
   */
  public boolean mayBeTop() {
    return this == PROVINCE || this == PREFECTURE || this == COUNTY;
  }

  /** Whether a unit of this level has auditors of its own (县、市、省督导审计). */
  public boolean hasAuditors() {
    return this == PROVINCE || this == PREFECTURE || this == COUNTY;
  }

  /**
   * How many leading digits of its code every unit below a unit of this level shares with it: two
   * for a province, four for a prefecture (its counties' codes); none below.
   */
  public int digitsSharedBelow() {
    return switch (this) {
      case PROVINCE -> 2;
      case PREFECTURE -> 4;
      default -> 0;
    };
  }

  public static Optional<OrgUnitType> ofLabel(String label) {
    return Arrays.stream(values()).filter(type -> type.label.equals(label)).findFirst();
  }
}
