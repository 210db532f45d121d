package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Coded;

/** Outcome of one persuasion rung (劝返结果). */
public enum PersuasionResult implements Coded {
  RETURNED("已复学"),
  NOT_RETURNED("未复学");

  private final String label;

  PersuasionResult(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
