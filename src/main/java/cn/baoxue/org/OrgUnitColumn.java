package cn.baoxue.org;

import cn.baoxue.web.UploadedTable;

/** The columns of an org unit file (组织机构), by their Chinese headers. */
enum OrgUnitColumn implements UploadedTable.Column {
  TYPE("类型", true),
  CODE("代码", true),
  NAME("名称", true),
  PARENT_CODE("上级代码", true);

  private final String header;
  private final boolean required;

  OrgUnitColumn(String header, boolean required) {
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
