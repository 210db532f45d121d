package cn.baoxue.notifications;

import cn.baoxue.kernel.identity.Staff;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/notifications} (通知发送情况): for administrators only, the SMS and 企业微信 messages
 * that could not be delivered — to whom, what, through which channel, how often tried, the last
 * error — each with 重新发送.
 */
@Controller
class DeliveryAdminController {

  private final DeliveryAdministration administration;
  DeliveryAdminController(DeliveryAdministration administration) {
    this.administration = administration;
  }

  @GetMapping("/admin/notifications")
  String deliveries(Staff staff, Model model) {
    requireAdmin(staff);
    model.addAttribute("rows", administration.troubled());
    model.addAttribute("counts", administration.counts());
    return "admin/notifications";
  }

  @PostMapping("/admin/notifications/{deliveryId}/resend")
  String resend(@PathVariable("deliveryId") long deliveryId, Staff staff, RedirectAttributes redirect, HttpServletRequest request) {
    requireAdmin(staff);
    CanonicalPath.require(request, "/admin/notifications/" + deliveryId + "/resend");
    if (!administration.resend(deliveryId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这条发送失败的通知");
    }
    redirect.addFlashAttribute("notice", "已重新排入发送队列，稍后自动发送");
    return "redirect:/admin/notifications";
  }

  private static void requireAdmin(Staff staff) {
    if (!staff.isAdmin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有系统管理员可以查看和重新发送通知");
    }
  }
}
