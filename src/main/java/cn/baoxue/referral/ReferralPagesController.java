package cn.baoxue.referral;

import cn.baoxue.evidence.EvidenceUpload;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 联控联保 pages: a department officer's referrals (on a phone: the open ones first, each with the
 * child's facts and the answer form), and the case page's form that sends one. Every form goes
 * through the same service as the API, so the rules and the refusals are the same.
 */
@Controller
class ReferralPagesController {

  /** A form's own token, never a field of the command. */
  private static final String CSRF = "_csrf";

  private final Referrals referrals;

  ReferralPagesController(Referrals referrals) {
    this.referrals = referrals;
  }

  @GetMapping("/referrals")
  String mine(Staff staff, Model model) {
    var all = referrals.forDepartment(staff);
    model.addAttribute("open", all.stream().filter(r -> ReferralStatus.valueOf(r.status()).isOpen()).toList());
    model.addAttribute("done", all.stream().filter(r -> !ReferralStatus.valueOf(r.status()).isOpen()).toList());
    return "referrals/list";
  }

  @GetMapping("/referrals/{id}")
  String one(@PathVariable Long id, Staff staff, Model model) {
    model.addAttribute("r", referrals.read(id, staff));
    return "referrals/show";
  }

  @PostMapping("/referrals/{id}/answer")
  String answer(@PathVariable Long id, @RequestParam Map<String, String> form, Staff staff, RedirectAttributes redirect) {
    return act(id, redirect, "已答复", () -> referrals.answer(id, fields(form), staff));
  }

  @PostMapping("/referrals/{id}/close")
  String close(@PathVariable Long id, @RequestParam Map<String, String> form, Staff staff, RedirectAttributes redirect) {
    return act(id, redirect, "已办结，案件的包保人可以看到您的反馈", () -> referrals.close(id, fields(form), staff));
  }

  @PostMapping("/referrals/{id}/evidence")
  String evidence(@PathVariable Long id, MultipartHttpServletRequest request, Staff staff, RedirectAttributes redirect) {
    return act(id, redirect, "佐证材料已上传", () -> referrals.addEvidence(id, EvidenceUpload.read(null, request), staff));
  }

  /** The case page's form: 乡镇 or 县教育局 sends a referral of this case. */
  @PostMapping("/cases/{caseNumber}/referrals")
  String send(@PathVariable String caseNumber, @RequestParam Map<String, String> form, Staff staff, RedirectAttributes redirect) {
    try {
      ReferralView sent = referrals.send(caseNumber, fields(form), staff);
      redirect.addFlashAttribute("referralNotice", "已向" + sent.departmentName() + "发出联控联保转介（" + sent.typeLabel() + "）");
    } catch (InvalidCaseInputException e) {
      redirect.addFlashAttribute("referralError", e.getMessage());
    } catch (ResponseStatusException e) {
      if (e.getStatusCode().value() == 404) {
        throw e;
      }
      redirect.addFlashAttribute("referralError", e.getReason());
    }
    return "redirect:/cases/" + caseNumber + "#referrals";
  }

  private static String act(Long id, RedirectAttributes redirect, String done, Supplier<?> action) {
    try {
      action.get();
      redirect.addFlashAttribute("notice", done);
    } catch (InvalidCaseInputException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    } catch (ResponseStatusException e) {
      if (e.getStatusCode().value() == 404) {
        throw e;
      }
      redirect.addFlashAttribute("error", e.getReason());
    }
    return "redirect:/referrals/" + id;
  }

  /** The form's fields as the command's body: all of them but the form's token, empty ones as absent. */
  private static Map<String, Object> fields(Map<String, String> form) {
    Map<String, Object> body = new HashMap<>();
    form.forEach((name, value) -> {
      if (!CSRF.equals(name) && value != null && !value.isBlank()) {
        body.put(name, value);
      }
    });
    return body;
  }
}
