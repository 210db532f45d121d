package cn.baoxue.atrisk;

import cn.baoxue.web.UploadedTable;

/** The columns of a grades file (成绩表), one row per pupil, term and subject. */
enum GradeColumn implements UploadedTable.Column {
  NAME("姓名", true),
  ID_NUMBER("身份证号", true),
  TERM("学期", true),
  SUBJECT("科目", true),
  SCORE("成绩", true),
  RANK("年级排名", false);

  private final String header;
  private final boolean required;

  GradeColumn(String header, boolean required) {
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
