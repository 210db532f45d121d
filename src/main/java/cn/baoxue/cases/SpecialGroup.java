package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Coded;

/** Groups that policy watches most closely (特殊群体). */
public enum SpecialGroup implements Coded {
  POOR_REGISTERED("建档立卡"),
  LEFT_BEHIND("留守"),
  ORPHAN("孤儿"),
  DE_FACTO_UNSUPPORTED("事实无人抚养"),
  SINGLE_PARENT("单亲"),
  DISABLED("残疾"),
  MIGRANT("随迁");

  private final String label;

  SpecialGroup(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
