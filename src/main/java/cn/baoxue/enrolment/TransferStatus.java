package cn.baoxue.enrolment;

import cn.baoxue.kernel.validation.Coded;

/** Where a 转学申请 stands: waiting for the sending side, granted, refused, or withdrawn by the asking school. */
public enum TransferStatus implements Coded {
  PENDING("待转出学校同意"),
  GRANTED("已同意，已转入"),
  REFUSED("已拒绝"),
  WITHDRAWN("已撤回");

  private final String label;

  TransferStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
