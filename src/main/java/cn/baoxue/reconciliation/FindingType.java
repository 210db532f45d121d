package cn.baoxue.reconciliation;

import cn.baoxue.kernel.validation.Coded;

/** What a comparison of the registries found about one child (三比对). */
public enum FindingType implements Coded {
  /** 户籍 against 学籍: of compulsory age, living here, no 学籍 in the county, not exempt. */
  NOT_ENROLLED("适龄未入学", true),
  /** 学籍 against who is in school: 名在人不在. */
  NOT_ATTENDING("名在人不在", true),
  /** A 学籍 in another county's school: for information, and that county's to see. */
  ENROLLED_OUTSIDE("在外县就读", false),
  /** A finding whose child lives in a 脱贫户 or 监测户: raised in priority. */
  POVERTY_HOUSEHOLD("脱贫/监测户子女", false),
  /** 残联 against 学籍: disabled, of age, neither at school nor taught at home (送教上门). */
  DISABLED_UNPLACED("残疾儿童未安置", true);

  private final String label;
  private final boolean opensCase;

  FindingType(String label, boolean opensCase) {
    this.label = label;
    this.opensCase = opensCase;
  }

  @Override
  public String label() {
    return label;
  }

  /** Whether the finding becomes work: a {@code dropout-case} at 核实. */
  public boolean opensCase() {
    return opensCase;
  }
}
