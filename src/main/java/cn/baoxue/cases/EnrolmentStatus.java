package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Coded;

/** Whether a child on the roster is at school (在校状态), as the school reports it. */
public enum EnrolmentStatus implements Coded {
  IN_SCHOOL("在校"),
  SUSPECTED("疑似辍学"),
  DROPPED_OUT("辍学"),
  /** Left for a school outside the county's roll: no longer counted among its registered children. */
  TRANSFERRED_OUT("已转出");

  private final String label;

  EnrolmentStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** A child reported out of school gets a case, which the school still verifies. */
  public boolean opensCase() {
    return this == SUSPECTED || this == DROPPED_OUT;
  }
}
