package cn.baoxue.notifications;

import cn.baoxue.kernel.identity.Staff;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/me/notifications}: the logged-in person's notifications, newest first, with her
 * unread count (Baoxue's pages and the field app read it). {@code POST
 * /api/me/notifications/{id}/read} marks one of hers read; anyone else's is "not found", unchanged.
 */
@RestController
class MyNotificationsApiController {

  private final NotificationInbox inbox;

  MyNotificationsApiController(NotificationInbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/api/me/notifications")
  Inbox mine(Staff staff, HttpServletRequest request) {
    CanonicalPath.require(request, "/api/me/notifications");
    return inbox.of(staff);
  }

  @PostMapping("/api/me/notifications/{id}/read")
  Map<String, Object> read(@PathVariable("id") long id, Staff staff, HttpServletRequest request) {
    CanonicalPath.require(request, "/api/me/notifications/" + id + "/read");
    if (!inbox.markRead(staff, id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这条通知，或这条通知不是发给您的");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", id);
    answer.put("read", true);
    answer.put("unreadCount", inbox.unreadCount(staff));
    return answer;
  }
}
