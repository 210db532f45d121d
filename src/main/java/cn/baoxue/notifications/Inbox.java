package cn.baoxue.notifications;

import java.util.List;

/** A person's notifications, newest first, and how many of all hers she has not read. */
public record Inbox(long unreadCount, List<InboxItem> notifications) {}
