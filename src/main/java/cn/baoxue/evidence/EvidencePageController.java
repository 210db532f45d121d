package cn.baoxue.evidence;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/** The upload form of the case page; refusals come back to the page in Chinese. */
@Controller
class EvidencePageController {

  private final EvidenceService evidence;

  EvidencePageController(EvidenceService evidence) {
    this.evidence = evidence;
  }

  @PostMapping("/cases/{caseNumber}/evidence")
  String upload(@PathVariable String caseNumber, MultipartHttpServletRequest request, Staff staff, RedirectAttributes redirect) {
    try {
      EvidenceItem item = evidence.add(EvidenceApiController.command(caseNumber, request), staff);
      redirect.addFlashAttribute("evidenceNotice", "佐证材料（" + item.getKind().label() + "）已上传");
    } catch (InvalidCaseInputException e) {
      redirect.addFlashAttribute("evidenceError", e.getMessage());
    } catch (ResponseStatusException e) {
      redirect.addFlashAttribute("evidenceError", e.getReason());
    }
    return "redirect:/cases/" + caseNumber + "#evidence";
  }
}
