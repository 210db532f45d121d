package cn.baoxue.kernel.identity;

import java.util.Arrays;
import java.util.Optional;

/** Levels of the jurisdiction tree, with the length of their codes. */
public enum OrgUnitType {
  COUNTY("县", 6),
  TOWNSHIP("乡镇", 9),
  VILLAGE("村", 12),
  SCHOOL("学校", 10);

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

  /** The level a unit of this level belongs to: a school to its village; none above a county. */
  public OrgUnitType parentType() {
    return switch (this) {
      case COUNTY -> null;
      case TOWNSHIP -> COUNTY;
      case VILLAGE -> TOWNSHIP;
      case SCHOOL -> VILLAGE;
    };
  }

  public static Optional<OrgUnitType> ofLabel(String label) {
    return Arrays.stream(values()).filter(type -> type.label.equals(label)).findFirst();
  }
}
