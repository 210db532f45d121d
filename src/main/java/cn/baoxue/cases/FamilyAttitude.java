package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Coded;

/** The family's attitude to the child's return (家庭态度). */
public enum FamilyAttitude implements Coded {
  SUPPORTIVE("支持复学"),
  HESITANT("犹豫"),
  OPPOSED("反对");

  private final String label;

  FamilyAttitude(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
