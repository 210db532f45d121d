package cn.baoxue.org;

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
}
