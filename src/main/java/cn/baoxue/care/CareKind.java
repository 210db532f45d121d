package cn.baoxue.care;

import cn.baoxue.kernel.validation.Coded;

/** Who is paired for care (结对关爱对象), as 庆阳市 counts them (seed 004). */
public enum CareKind implements Coded {
  ORPHAN("孤儿"),
  DE_FACTO_UNSUPPORTED("事实无人抚养儿童"),
  SEVERELY_DISABLED("重度残疾人"),
  EXTREME_HARDSHIP("特困家庭");

  private final String label;

  CareKind(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
