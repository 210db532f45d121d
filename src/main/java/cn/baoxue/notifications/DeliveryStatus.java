package cn.baoxue.notifications;

/** Where one channel's delivery of one notification stands, with the label the administrator reads. */
public enum DeliveryStatus {
  PENDING("待发送"),
  RETRYING("重试中"),
  SENT("已发送"),
  /** Gave up after the configured number of attempts (dead letter): only the administrator resends it. */
  DEAD("失败"),
  /** Nobody the notification is for can be reached on this channel (no mobile number, no 企业微信 account). */
  SKIPPED("无联系方式");

  private final String label;

  DeliveryStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  boolean isFinished() {
    return this == SENT || this == SKIPPED;
  }
}
