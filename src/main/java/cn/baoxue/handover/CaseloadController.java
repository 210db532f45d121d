package cn.baoxue.handover;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 包保工作量 and 工作交接 pages. */
@Controller
class CaseloadController {

  private final Caseloads caseloads;
  private final Handovers handovers;

  CaseloadController(Caseloads caseloads, Handovers handovers) {
    this.caseloads = caseloads;
    this.handovers = handovers;
  }

  @GetMapping("/caseload")
  String caseload(Staff staff, Model model) {
    Caseloads.Caseload load = caseloads.of(staff.jurisdiction());
    model.addAttribute("load", load);
    model.addAttribute("mayHandOver", load.helpers().stream()
        .filter(helper -> handovers.mayHandOver(helper.userId(), staff))
        .map(Caseloads.HelperLoad::userId)
        .toList());
    return "handover/caseload";
  }

  @GetMapping("/caseload/handover")
  String preview(@RequestParam String user, @RequestParam(required = false) String successor, Staff staff, Model model) {
    model.addAttribute("user", user);
    model.addAttribute("choices", handovers.successorChoices(user, staff));
    model.addAttribute("successor", successor);
    try {
      model.addAttribute("plan", handovers.preview(user, successor, staff));
    } catch (InvalidCaseInputException problem) {
      if (successor != null) {
        model.addAttribute("problems", problem.problems());
      }
      model.addAttribute("work", handovers.openWorkOf(user, staff));
    }
    return "handover/handover";
  }

  @PostMapping("/caseload/handover")
  String handOver(@RequestParam String user, @RequestParam String successor, Staff staff, RedirectAttributes redirect) {
    Handovers.Outcome done;
    try {
      done = handovers.handOver(user, Map.of("successor", successor), staff);
    } catch (InvalidCaseInputException refused) {
      // The work changed since the preview (or the successor left): nothing moved; show why.
      redirect.addAttribute("user", user);
      redirect.addAttribute("successor", successor);
      return "redirect:/caseload/handover";
    }
    redirect.addFlashAttribute("message", "已将" + done.leaverName() + "的 " + done.tasksMoved() + " 项待办、"
        + done.casesMoved() + " 个个案" + (done.pairingsMoved() > 0 ? "、" + done.pairingsMoved() + " 个结对关爱对象" : "")
        + "交给" + done.successorName() + "。");
    return "redirect:/caseload";
  }
}
