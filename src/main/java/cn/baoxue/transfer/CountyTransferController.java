package cn.baoxue.transfer;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 跨县移交与外地协查 page of a case: its transfers and letters, and for its county's bureau the two forms. */
@Controller
class CountyTransferController {

  private final CountyTransfers transfers;

  CountyTransferController(CountyTransfers transfers) {
    this.transfers = transfers;
  }

  @GetMapping("/cases/{caseNumber}/transfer")
  String page(@PathVariable String caseNumber, Staff staff, Model model) {
    model.addAttribute("view", transfers.page(caseNumber, staff));
    return "transfer/transfer";
  }

  @PostMapping("/cases/{caseNumber}/transfer")
  String transfer(@PathVariable String caseNumber, @RequestParam(required = false) String toCounty,
      @RequestParam(required = false) String reason, Staff staff, RedirectAttributes redirect) {
    try {
      CountyTransfers.Requested done = transfers.request(caseNumber, Map.of("toCounty", nullToEmpty(toCounty), "reason",
          nullToEmpty(reason)), staff);
      redirect.addFlashAttribute("message", "已将案件移交" + done.toCounty() + "，等待其接收。");
    } catch (InvalidCaseInputException refused) {
      redirect.addFlashAttribute("problems", refused.problems());
    }
    return "redirect:/cases/" + caseNumber + "/transfer";
  }

  @PostMapping("/cases/{caseNumber}/assistance-letter")
  String letter(@PathVariable String caseNumber, @RequestParam(required = false) String toAuthority,
      @RequestParam(required = false) String toPlace, @RequestParam(required = false) String reason, Staff staff,
      RedirectAttributes redirect) {
    try {
      transfers.issueAssistanceLetter(caseNumber, Map.of("toAuthority", nullToEmpty(toAuthority), "toPlace", nullToEmpty(toPlace),
          "reason", nullToEmpty(reason)), staff);
      redirect.addFlashAttribute("message", "已签发协查函，案件标注为外地协查，仍列入台账。");
    } catch (InvalidCaseInputException refused) {
      redirect.addFlashAttribute("problems", refused.problems());
    }
    return "redirect:/cases/" + caseNumber + "/transfer";
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
