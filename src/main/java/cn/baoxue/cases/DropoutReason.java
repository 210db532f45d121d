package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Coded;

/** Why a child left school (辍学原因). */
public enum DropoutReason implements Coded {
  WORK("外出务工"),
  WEARY("厌学"),
  PARENT_UNSUPPORTIVE("家长不支持"),
  ILLNESS("因病"),
  REPEATING("复读/补习"),
  POVERTY("家庭经济困难"),
  DISABILITY("残疾"),
  LEARNING_DIFFICULTY("学习困难"),
  EARLY_MARRIAGE("早婚早育"),
  MIGRATION("随迁外出"),
  WHEREABOUTS_UNKNOWN("下落不明"),
  OTHER("其他");

  private final String label;

  DropoutReason(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
