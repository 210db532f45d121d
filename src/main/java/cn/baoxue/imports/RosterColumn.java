package cn.baoxue.imports;

import cn.baoxue.web.UploadedTable;

/** The columns of a roster file (适龄儿童花名册), by their Chinese headers. */
enum RosterColumn implements UploadedTable.Column {
  NAME("姓名", true),
  ID_NUMBER("身份证号", true),
  GENDER("性别", true),
  BIRTH_DATE("出生日期", true),
  SCHOOL_CODE("学校代码", true),
  GRADE("年级", true),
  VILLAGE_CODE("村代码", true),
  GUARDIAN_NAME("监护人", false),
  GUARDIAN_PHONE("联系电话", false),
  ENROLMENT("在校状态", true),
  REASON("辍学原因", false),
  SPECIAL_GROUPS("特殊群体", false);

  private final String header;
  private final boolean required;

  RosterColumn(String header, boolean required) {
    this.header = header;
    this.required = required;
  }

  @Override
  public String header() {
    return header;
  }

  @Override
  public boolean required() {
    return required;
  }
}
