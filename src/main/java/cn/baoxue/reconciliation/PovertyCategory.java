package cn.baoxue.reconciliation;

import cn.baoxue.kernel.validation.Coded;

/** The 类别 of a household on the 防返贫 lists. */
enum PovertyCategory implements Coded {
  LIFTED("脱贫户"),
  MONITORED("监测户");

  private final String label;

  PovertyCategory(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
