package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Coded;

/** Where a case stands on the ledgers (案件状态). */
public enum CaseStatus implements Coded {
  REPORTED("疑似辍学"),
  NOT_DROPOUT("非辍学（已结案）"),
  PERSUADING("未劝返"),
  RETURNED("已劝返"),
  FOLLOWING_UP("跟踪中"),
  CLOSED("已销号");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
