package cn.baoxue.notifications;

/**
 * Where notifications go beyond Baoxue's own list: the log, SMS, 企业微信. Each is a bean of this
 * type, present only when configured; the process and the outbox stay as they are.
 */
public interface NotificationChannel {

  /** The channel's code in the delivery records: log, sms, wecom. */
  String name();

  /** The channel as the administrator reads it: 日志, 短信, 企业微信. */
  String label();

  /**
   * Delivers one message to everyone it is for. Throwing {@link NobodyToReach} says this channel
   * reaches none of them (no mobile number on file); any other exception is a failed attempt,
   * retried after a pause until the configured number of attempts is used up.
   */
  void send(Notification notification);
}
