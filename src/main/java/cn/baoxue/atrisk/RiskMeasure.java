package cn.baoxue.atrisk;

import cn.baoxue.kernel.validation.Coded;

/**
 * The measured signals of the register; the others are the special groups of a case start
 * ({@code cases.SpecialGroup}) and a teacher's observations, which use a case's reason codes
 * ({@code cases.DropoutReason}), so a point reads with the code a case would carry.
 */
public enum RiskMeasure implements Coded {
  ABSENCE("本学期无故缺勤", "天"),
  FAILED_SUBJECTS("不及格科目", "门"),
  RANK_FALL("年级排名下降", "名");

  private final String label;
  private final String unit;

  RiskMeasure(String label, String unit) {
    this.label = label;
    this.unit = unit;
  }

  @Override
  public String label() {
    return label;
  }

  public String unit() {
    return unit;
  }
}
