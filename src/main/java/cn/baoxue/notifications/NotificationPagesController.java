package cn.baoxue.notifications;

import cn.baoxue.kernel.identity.Staff;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** 我的通知: the list behind the bell in the header, and marking one read from it. */
@Controller
class NotificationPagesController {

  private final NotificationInbox inbox;

  NotificationPagesController(NotificationInbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/notifications")
  String list(Staff staff, Model model) {
    model.addAttribute("inbox", inbox.of(staff));
    return "notifications/list";
  }

  @PostMapping("/notifications/{id}/read")
  String read(@PathVariable("id") long id, Staff staff, HttpServletRequest request) {
    CanonicalPath.require(request, "/notifications/" + id + "/read");
    if (!inbox.markRead(staff, id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这条通知，或这条通知不是发给您的");
    }
    return "redirect:/notifications";
  }
}
