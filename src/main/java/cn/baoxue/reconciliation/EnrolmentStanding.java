package cn.baoxue.reconciliation;

import cn.baoxue.kernel.validation.Coded;

/** 学籍状态 as the 学籍 system exports it. */
enum EnrolmentStanding implements Coded {
  ENROLLED("在读"),
  /** 休学: exempt when the 学籍 states why (状态说明); without a reason the child is not in school. */
  SUSPENDED("休学"),
  /** 延缓入学: entry deferred with the bureau's approval; exempt. */
  DEFERRED("延缓入学"),
  /** 送教上门: a disabled child taught at home is placed. */
  HOME_TEACHING("送教上门"),
  GRADUATED("毕业"),
  COMPLETED("已完成义务教育"),
  /** 转出: the 学籍 left this school; on its own it is no 学籍. */
  TRANSFERRED_OUT("转出");

  private final String label;

  EnrolmentStanding(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
