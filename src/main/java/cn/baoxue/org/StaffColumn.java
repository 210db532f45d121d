package cn.baoxue.org;

import cn.baoxue.web.UploadedTable;

/** The columns of a staff file (工作人员账号), by their Chinese headers. */
enum StaffColumn implements UploadedTable.Column {
  USER_ID("用户名", true),
  NAME("姓名", true),
  UNIT_CODE("单位代码", true),
  ROLE("角色", true),
  // Needed for new accounts only; a file of existing accounts may leave it out.
  INITIAL_PASSWORD("初始密码", false),
  // How notifications reach her (短信, 企业微信); optional, an empty cell keeps what is on file.
  MOBILE("手机号", false),
  WECOM_USER_ID("企业微信账号", false);

  private final String header;
  private final boolean required;

  StaffColumn(String header, boolean required) {
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
