package cn.baoxue.notifications;

import java.time.OffsetDateTime;

/**
 * One notification as its reader sees it, in Baoxue's list and in the field app
 * ({@code GET /api/me/notifications}): no recipient, no channel, nothing but what she reads.
 */
public record InboxItem(long id, String title, String body, OffsetDateTime createdAt, boolean read, String link) {}
