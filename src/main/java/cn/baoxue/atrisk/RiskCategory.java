package cn.baoxue.atrisk;

import cn.baoxue.kernel.validation.Coded;

/** Which register a point counts towards: 动摇生 (wavering), 家困生 (in hardship), 学困生 (struggling). */
public enum RiskCategory implements Coded {
  WAVERING("动摇生"),
  HARDSHIP("家困生"),
  LEARNING("学困生");

  private final String label;

  RiskCategory(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
