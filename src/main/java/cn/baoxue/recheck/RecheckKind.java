package cn.baoxue.recheck;

import cn.baoxue.cases.CaseStatus;
import cn.baoxue.kernel.validation.Coded;

/** The two conclusions a 季度复核 samples: cases closed (销号) and cases found not to be dropouts. */
public enum RecheckKind implements Coded {
  CLOSED("已销号", CaseStatus.CLOSED),
  NOT_DROPOUT("核实为非辍学", CaseStatus.NOT_DROPOUT);

  private final String label;
  private final CaseStatus status;

  RecheckKind(String label, CaseStatus status) {
    this.label = label;
    this.status = status;
  }

  @Override
  public String label() {
    return label;
  }

  CaseStatus status() {
    return status;
  }
}
