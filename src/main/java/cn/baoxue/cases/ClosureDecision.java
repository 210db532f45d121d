package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Coded;

/** The township's decision on closing a case (销号审批结论). */
public enum ClosureDecision implements Coded {
  APPROVE("同意销号"),
  RETURN("退回继续跟踪");

  private final String label;

  ClosureDecision(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
