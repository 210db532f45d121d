package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Coded;

/** The kinds of contact a helper has with a case's family (结对帮扶记录, seed 004). */
public enum ContactType implements Coded {
  PHONE("电话联系"),
  VIDEO("视频联系"),
  HOME_VISIT("上门走访"),
  POLICY("落实政策"),
  PROBLEM_SOLVED("解决困难"),
  ERRAND("帮办实事"),
  FUNDS("资助资金"),
  ESCALATED("向上级反映问题");

  private final String label;

  ContactType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
