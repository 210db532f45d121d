package cn.baoxue.referral;

import cn.baoxue.kernel.validation.Coded;

/** Where a referral stands. */
public enum ReferralStatus implements Coded {
  SENT("待受理"),
  ACCEPTED("已受理，办理中"),
  REJECTED("已拒收"),
  CLOSED("已办结");

  private final String label;

  ReferralStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** Open: the department still has something to do, and sees the child's facts for it. */
  public boolean isOpen() {
    return this == SENT || this == ACCEPTED;
  }
}
