package cn.baoxue.enrolment;

import cn.baoxue.kernel.validation.Coded;

/** Kinds of 学籍异动. */
public enum EnrolmentChangeType implements Coded {
  TRANSFER_IN("转入"),
  TRANSFER_OUT("转出");

  private final String label;

  EnrolmentChangeType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
