package cn.baoxue.enrolment;

import cn.baoxue.org.OrgTree;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.web.Spreadsheet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 学籍异动: the 异动花名册 of a term as a page and as xlsx, and the 转学申请 each side may act on. */
@Controller
class EnrolmentChangeController {

  private final EnrolmentChanges changes;
  private final TransferRequests transfers;
  private final OrgTree orgTree;

  EnrolmentChangeController(EnrolmentChanges changes, TransferRequests transfers, OrgTree orgTree) {
    this.changes = changes;
    this.transfers = transfers;
    this.orgTree = orgTree;
  }

  @GetMapping("/students/changes")
  String page(@RequestParam(required = false) String term, @RequestParam(required = false) String unit,
      Staff staff, Model model) {
    var schoolTerm = changes.term(term);
    model.addAttribute("term", schoolTerm);
    model.addAttribute("terms", changes.termNames());
    model.addAttribute("unit", unit);
    model.addAttribute("units", orgTree.unitsWithin(staff.jurisdiction()));
    model.addAttribute("changes", changes.ofTerm(schoolTerm.name(), blankToNull(unit), staff.jurisdiction()));
    model.addAttribute("requested", transfers.requested(staff));
    model.addAttribute("awaiting", transfers.awaiting(staff));
    model.addAttribute("askingSchools", transfers.askingSchools(staff));
    return "students/changes";
  }

  /** 转学申请 from the page: the receiving school asks. */
  @PostMapping("/students/transfers")
  String request(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String toSchoolCode,
      @RequestParam(required = false) String date, @RequestParam(required = false) String reason, Staff staff,
      RedirectAttributes redirect) {
    return answer(redirect, () -> transfers.request(new TransferRequests.Ask(idNumber, toSchoolCode, date, reason), staff));
  }

  @PostMapping("/students/transfers/{id}/consent")
  String consent(@PathVariable long id, Staff staff, RedirectAttributes redirect) {
    return answer(redirect, () -> transfers.consent(id, staff));
  }

  @PostMapping("/students/transfers/{id}/refuse")
  String refuse(@PathVariable long id, @RequestParam(required = false) String reason, Staff staff,
      RedirectAttributes redirect) {
    return answer(redirect, () -> transfers.refuse(id, reason, staff));
  }

  @PostMapping("/students/transfers/{id}/withdraw")
  String withdraw(@PathVariable long id, Staff staff, RedirectAttributes redirect) {
    return answer(redirect, () -> transfers.withdraw(id, staff));
  }

  /** Back to the page with the outcome, or the Chinese reason of a refusal. */
  private static String answer(RedirectAttributes redirect, Supplier<TransferRequests.Receipt> step) {
    try {
      redirect.addFlashAttribute("notice", step.get().message());
    } catch (InvalidCaseInputException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    } catch (ResponseStatusException e) {
      redirect.addFlashAttribute("error", e.getReason());
    }
    return "redirect:/students/changes#transfers";
  }

  @GetMapping("/students/changes.xlsx")
  void export(@RequestParam(required = false) String term, @RequestParam(required = false) String unit,
      Staff staff, HttpServletResponse response) throws IOException {
    var schoolTerm = changes.term(term);
    List<EnrolmentChanges.Listed> listed = changes.ofTerm(schoolTerm.name(), blankToNull(unit), staff.jurisdiction());
    try (Spreadsheet sheet = Spreadsheet.download(response, "学籍异动花名册-" + schoolTerm.name())) {
      sheet.sheet("异动花名册", List.of("异动日期", "异动类型", "姓名", "身份证号", "性别", "年级", "原学校", "转入学校", "异动原因", "经办人"));
      for (EnrolmentChanges.Listed c : listed) {
        sheet.row(c.date().toString(), c.type(), c.studentName(), c.idNumber(), c.gender(), c.grade(), c.fromSchool(),
            c.toSchool(), c.reason(), c.recordedBy());
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
