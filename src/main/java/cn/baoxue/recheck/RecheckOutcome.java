package cn.baoxue.recheck;

import cn.baoxue.kernel.validation.Coded;

/** What the county found when it re-checked a sampled case. */
public enum RecheckOutcome implements Coded {
  CONFIRMED("属实，维持原结论"),
  FAILED("不属实，已重新立案");

  private final String label;

  RecheckOutcome(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
