package cn.baoxue.placement;

import cn.baoxue.kernel.validation.Coded;

/** The level of a disability (残疾等级), 一级 the most severe. */
public enum DisabilityLevel implements Coded {
  LEVEL_1("一级"),
  LEVEL_2("二级"),
  LEVEL_3("三级"),
  LEVEL_4("四级");

  private final String label;

  DisabilityLevel(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
