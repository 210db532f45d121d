package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Coded;

/** Where the returned child studies (安置方式). */
public enum Placement implements Coded {
  ORIGINAL_CLASS("回原班就读"),
  OTHER_CLASS("插班/转其他班"),
  VOCATIONAL("职业学校"),
  SPECIAL_SCHOOL("特殊教育学校"),
  INCLUSIVE_CLASS("随班就读"),
  HOME_DELIVERED("送教上门");

  private final String label;

  Placement(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
