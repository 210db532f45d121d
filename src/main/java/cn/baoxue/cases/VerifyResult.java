package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Coded;

/** The school's finding on a report (核实结果). */
public enum VerifyResult implements Coded {
  CONFIRMED("确认辍学"),
  NOT_DROPOUT("非辍学");

  private final String label;

  VerifyResult(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
