package cn.baoxue.placement;

import cn.baoxue.kernel.validation.Coded;

/** The category of a disability, as the 残疾人证 names it (GB/T 26341). */
public enum DisabilityCategory implements Coded {
  VISUAL("视力残疾"),
  HEARING("听力残疾"),
  SPEECH("言语残疾"),
  PHYSICAL("肢体残疾"),
  INTELLECTUAL("智力残疾"),
  MENTAL("精神残疾"),
  MULTIPLE("多重残疾");

  private final String label;

  DisabilityCategory(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
