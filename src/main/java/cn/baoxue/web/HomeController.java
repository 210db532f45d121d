package cn.baoxue.web;

import cn.baoxue.kernel.identity.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the start page with the way into Tasklist, Cockpit, Admin and the cases. */
@Controller
class HomeController {

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/")
  String home(Staff staff, Model model) {
    model.addAttribute("userId", staff.userId());
    model.addAttribute("admin", staff.isAdmin());
    return "home";
  }
}
