package cn.baoxue.kernel.process;

import cn.baoxue.kernel.validation.Coded;

/** How a case came in (案件来源). */
public enum CaseSource implements Coded {
  REPORT("教师上报"),
  API("系统接口"),
  IMPORT("花名册导入"),
  ATTENDANCE("考勤预警"),
  SURVEY("摸排"),
  RECONCILIATION("四查三比对"),
  /** A closed or not-a-dropout case the county's quarterly 复核 found wrong, opened again for the same child. */
  RECHECK("季度复核"),
  /** A pupil of a prevention plan (一对一帮扶) left school: the plan's history opens her case. */
  PREVENTION("预防帮扶计划");

  private final String label;

  CaseSource(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /**
   * Whether this way of finding children reaches those with no 学籍 at all (children registered
   * nowhere, found by comparing 户籍 with 学籍 or door to door): their cases may have no school.
   */
  public boolean findsChildrenWithoutSchool() {
    return this == SURVEY || this == RECONCILIATION;
  }
}
