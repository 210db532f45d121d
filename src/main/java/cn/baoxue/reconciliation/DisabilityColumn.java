package cn.baoxue.reconciliation;

/** The columns of a 残联 file, by their Chinese headers. */
enum DisabilityColumn implements RegistryColumn {
  ID_NUMBER("身份证号", true, "idNumber"),
  NAME("姓名", false, "name"),
  CATEGORY("残疾类别", true, "category"),
  GRADE("等级", false, "grade");

  private final String header;
  private final boolean required;
  private final String key;

  DisabilityColumn(String header, boolean required, String key) {
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
