package cn.baoxue.atrisk;

import cn.baoxue.kernel.validation.Coded;

/** What a monthly review of a prevention plan found (回访结论). */
public enum PlanOutcome implements Coded {
  CONTINUE("继续帮扶"),
  LIFTED("风险已解除，结束帮扶"),
  LEFT_SCHOOL("学生已离校");

  private final String label;

  PlanOutcome(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
