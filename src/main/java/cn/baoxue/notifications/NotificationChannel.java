package cn.baoxue.notifications;

/**
 * Where notifications go. Add an SMS or WeChat adapter as another bean of this type; the process
 * and the outbox stay as they are.
 */
public interface NotificationChannel {

  String name();

  /** Delivers one message; throwing leaves it in the outbox for the next round. */
  void send(Notification notification);
}
