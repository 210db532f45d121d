package cn.baoxue.notifications;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.time.BeijingTime;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 我的通知: the notifications for a person or any of her groups, each read or unread by her alone
 * (a notification to 长安村小学 is read by each of its teachers on her own). Templates call it as
 * {@code @inbox} for the bell in the header.
 */
@Component("inbox")
public class NotificationInbox {

  /** How many of the newest notifications a list shows. */
  static final int LIST_SIZE = 50;

  static final String UNREAD_COUNT = """
      select count(*) from notification n where n.recipient in (:recipients)
      and not exists (select 1 from notification_read r where r.notification_id = n.id and r.user_id = :userId)""";

  /** Once per person and notification, without a second row when she reads it again. */
  static final String MARK_READ = """
      insert into notification_read (notification_id, user_id, read_at)
      select n.id, :userId, :readAt from notification n where n.id = :id
      and not exists (select 1 from notification_read r where r.notification_id = :id and r.user_id = :userId)""";

  private final NotificationRepository outbox;
  private final NamedParameterJdbcTemplate jdbc;

  NotificationInbox(NotificationRepository outbox, NamedParameterJdbcTemplate jdbc) {
    this.outbox = outbox;
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Inbox of(Staff staff) {
    List<Notification> newest = outbox.findForRecipients(addressesOf(staff), PageRequest.of(0, LIST_SIZE));
    Set<Long> read = readAmong(staff.userId(), newest.stream().map(Notification::getId).toList());
    List<InboxItem> items = new ArrayList<>();
    for (Notification n : newest) {
      items.add(new InboxItem(n.getId(), n.title(), n.getMessage(), n.getCreatedAt().atZone(BeijingTime.zone()).toOffsetDateTime(),
          read.contains(n.getId()), n.link()));
    }
    return new Inbox(unreadCount(staff), items);
  }

  @Transactional(readOnly = true)
  public long unreadCount(Staff staff) {
    Long count = jdbc.queryForObject(UNREAD_COUNT, new MapSqlParameterSource("recipients", addressesOf(staff)).addValue("userId", staff.userId()), Long.class);
    return count == null ? 0 : count;
  }

  /** For the header of Baoxue's pages: the logged-in person's unread count, 0 for nobody. */
  public long unread(Authentication authentication) {
    if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
      return 0;
    }
    return unreadCount(Staff.of(authentication));
  }

  /**
   * Marks a notification read for this person. False, and nothing written, when it is not hers:
   * another person's, another unit's, or none at all (the caller cannot tell which).
   */
  @Transactional
  public boolean markRead(Staff staff, long notificationId) {
    Notification notification = outbox.findById(notificationId).orElse(null);
    if (notification == null || !addressesOf(staff).contains(notification.getRecipient())) {
      return false;
    }
    MapSqlParameterSource row = new MapSqlParameterSource("id", notificationId).addValue("userId", staff.userId())
        .addValue("readAt", Timestamp.valueOf(BeijingTime.now()));
    try {
      jdbc.update(MARK_READ, row);
    } catch (DuplicateKeyException alreadyRead) {
      // Read twice at the same moment (two tabs): it is read.
    }
    return true;
  }

  private Set<Long> readAmong(String userId, List<Long> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.queryForList(
        "select notification_id from notification_read where user_id = :userId and notification_id in (:ids)",
        new MapSqlParameterSource("userId", userId).addValue("ids", ids), Long.class));
  }

  /** A person is addressed by her id and by each of her groups. */
  private static List<String> addressesOf(Staff staff) {
    List<String> addresses = new ArrayList<>(staff.groupIds());
    addresses.add(staff.userId());
    return addresses;
  }
}
