package cn.baoxue.notifications;

/** Nobody a notification is for can be reached on a channel: nothing to retry. */
public class NobodyToReach extends RuntimeException {

  public NobodyToReach(String message) {
    super(message);
  }
}
