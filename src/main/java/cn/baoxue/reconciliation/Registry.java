package cn.baoxue.reconciliation;

/**
 * The registries a run compares (四查): each arrives as one file in the multipart field of its
 * {@link #key()}; 户籍 and 学籍 are required.
 */
public enum Registry {
  HOUSEHOLD("household", "户籍", true),
  ENROLMENT("enrolment", "学籍", true),
  ATTENDANCE("attendance", "在校情况", false),
  POVERTY("poverty", "脱贫/监测户", false),
  DISABILITY("disability", "残联", false);

  private final String key;
  private final String label;
  private final boolean required;

  Registry(String key, String label, boolean required) {
    this.key = key;
    this.label = label;
    this.required = required;
  }

  /** The multipart field, and the first part of a refusal's field key. */
  public String key() {
    return key;
  }

  /** "户籍", as a reason names the file: 户籍文件第12行. */
  public String label() {
    return label;
  }

  public boolean required() {
    return required;
  }

  /** 户籍文件第12行 */
  public String line(int lineNumber) {
    return label + "文件第" + lineNumber + "行";
  }
}
