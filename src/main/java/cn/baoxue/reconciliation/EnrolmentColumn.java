package cn.baoxue.reconciliation;

/** The columns of a 学籍 file, by their Chinese headers. */
enum EnrolmentColumn implements RegistryColumn {
  NAME("姓名", true, "name"),
  ID_NUMBER("身份证号", true, "idNumber"),
  STUDENT_NUMBER("学籍号", false, "studentNumber"),
  SCHOOL_CODE("学校代码", true, "schoolCode"),
  GRADE("年级", true, "grade"),
  STANDING("学籍状态", true, "standing"),
  STANDING_NOTE("状态说明", false, "standingNote");

  private final String header;
  private final boolean required;
  private final String key;

  EnrolmentColumn(String header, boolean required, String key) {
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
