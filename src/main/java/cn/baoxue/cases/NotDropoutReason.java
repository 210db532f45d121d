package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Coded;

/** Why a reported child turned out not to be a dropout (非辍学原因). */
public enum NotDropoutReason implements Coded {
  TRANSFERRED("已转学"),
  ENROLLED_ELSEWHERE("已在他校就读"),
  MEDICAL_SUSPENSION("因病休学"),
  DECEASED("已死亡"),
  EMIGRATED("已出国（境）"),
  FALSE_REPORT("误报");

  private final String label;

  NotDropoutReason(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
