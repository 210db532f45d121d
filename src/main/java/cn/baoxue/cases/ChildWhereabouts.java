package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Coded;

/** Where the helpers found the child (孩子去向). */
public enum ChildWhereabouts implements Coded {
  AT_HOME("在家"),
  WORKING_AWAY("外出务工"),
  ELSEWHERE("在其他地方"),
  UNKNOWN("下落不明");

  private final String label;

  ChildWhereabouts(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
