package cn.baoxue.recheck;

import cn.baoxue.kernel.identity.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** 季度复核 pages: {@code /rechecks} the rounds in reach, {@code /rechecks/{id}} one round's sample and findings. */
@Controller
class RecheckPagesController {

  private final RecheckViews views;

  RecheckPagesController(RecheckViews views) {
    this.views = views;
  }

  @GetMapping("/rechecks")
  String list(Staff staff, Model model) {
    model.addAttribute("rounds", views.visibleTo(staff));
    return "rechecks/index";
  }

  @GetMapping("/rechecks/{id}")
  String show(@PathVariable long id, Staff staff, Model model) {
    model.addAttribute("view", views.read(id, staff));
    return "rechecks/round";
  }
}
