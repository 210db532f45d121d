package cn.baoxue.web;

import cn.baoxue.kernel.identity.Staff;
import org.springframework.security.core.Authentication;
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
  String home(Authentication user, Model model) {
    model.addAttribute("userId", user.getName());
    model.addAttribute("admin", Staff.of(user).isAdmin());
    return "home";
  }
}
