package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Coded;

/** Outcome of a follow-up visit (回访结果). */
public enum FollowUpResult implements Coded {
  STABLE("在校稳定"),
  DROPPED_AGAIN("再次辍学");

  private final String label;

  FollowUpResult(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
