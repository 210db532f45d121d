package cn.baoxue.reconciliation;

/** The columns of a 户籍 file, by their Chinese headers. */
enum HouseholdColumn implements RegistryColumn {
  NAME("姓名", true, "name"),
  ID_NUMBER("身份证号", true, "idNumber"),
  GENDER("性别", true, "gender"),
  BIRTH_DATE("出生日期", true, "birthDate"),
  VILLAGE_CODE("户籍村代码", true, "villageCode"),
  GUARDIAN_NAME("监护人", false, "guardianName"),
  GUARDIAN_PHONE("联系电话", false, "guardianPhone");

  private final String header;
  private final boolean required;
  private final String key;

  HouseholdColumn(String header, boolean required, String key) {
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
