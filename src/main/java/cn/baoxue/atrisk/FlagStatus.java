package cn.baoxue.atrisk;

import cn.baoxue.kernel.validation.Coded;

/** Where a flag of the register stands. Only CONFIRMED and LIFTED flags reach the teachers. */
public enum FlagStatus implements Coded {
  /** Flagged by the points, waiting for the principal (待校长确认). */
  PENDING("待校长确认"),
  CONFIRMED("已确认"),
  /** Dismissed by the principal with a reason: a false alarm of the register. */
  DISMISSED("已排除（误报）"),
  /** Its prevention plan closed with the risk lifted. */
  LIFTED("已解除"),
  /** The pupil left school during her plan: a dropout case was opened from it. */
  LEFT_SCHOOL("已离校（转入辍学案件）");

  private final String label;

  FlagStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** Whether the teachers of the school see the flag. */
  public boolean reachesTeachers() {
    return this != PENDING && this != DISMISSED;
  }
}
