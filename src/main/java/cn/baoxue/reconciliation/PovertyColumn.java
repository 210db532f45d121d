package cn.baoxue.reconciliation;

/** The columns of a 脱贫/监测户 file, by their Chinese headers. */
enum PovertyColumn implements RegistryColumn {
  ID_NUMBER("身份证号", true, "idNumber"),
  HEAD("户主", false, "head"),
  CATEGORY("类别", true, "category");

  private final String header;
  private final boolean required;
  private final String key;

  PovertyColumn(String header, boolean required, String key) {
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
