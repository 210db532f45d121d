package cn.baoxue.reconciliation;

/** The columns of a 在校 file, by their Chinese headers. */
enum AttendanceColumn implements RegistryColumn {
  ID_NUMBER("身份证号", true, "idNumber"),
  SCHOOL_CODE("学校代码", true, "schoolCode"),
  LAST_SEEN("最后到校日期", true, "lastSeen");

  private final String header;
  private final boolean required;
  private final String key;

  AttendanceColumn(String header, boolean required, String key) {
    this.header = header;
    this.required = required;
    this.key = key;
  }

  @Override
  public String header() {
    return header;
  }

  @Override
  public boolean required() {
    return required;
  }

  @Override
  public String key() {
    return key;
  }
}
