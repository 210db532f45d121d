package cn.baoxue.placement;

import cn.baoxue.kernel.validation.Coded;

/** Where the expert committee places a disabled child of compulsory age (安置方式, seed 004: 庆阳市's 484). */
public enum Placement implements Coded {
  INCLUSIVE_CLASS("随班就读"),
  SPECIAL_SCHOOL("特教学校"),
  HOME_DELIVERED("送教上门"),
  /** 延缓入学: only on the family's application, with its reason and date. */
  DEFERRED("延缓入学");

  private final String label;

  Placement(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
