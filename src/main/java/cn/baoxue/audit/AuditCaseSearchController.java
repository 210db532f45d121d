package cn.baoxue.audit;

import cn.baoxue.cases.CaseController;
import cn.baoxue.cases.CaseStatus;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 案件检索 for auditors and inspections: the page and the same search as JSON. */
@Controller
class AuditCaseSearchController {

  private final AuditCaseSearch search;

  AuditCaseSearchController(AuditCaseSearch search) {
    this.search = search;
  }

  @GetMapping("/audit/cases")
  String page(@RequestParam(required = false) String q, @RequestParam(required = false) String unit,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "false") boolean overdueOnly, Authentication user, Model model) {
    AuditCaseSearch.Criteria criteria = new AuditCaseSearch.Criteria(q, unit, status, from, to, overdueOnly);
    model.addAttribute("criteria", criteria);
    model.addAttribute("statuses", CaseStatus.values());
    model.addAttribute("found", search.search(criteria, CaseController.jurisdictionOf(user)));
    model.addAttribute("limit", AuditCaseSearch.LIMIT);
    return "audit/cases";
  }

  @GetMapping("/api/audit/cases")
  @ResponseBody
  List<AuditCaseSearch.Found> json(@RequestParam(required = false) String q, @RequestParam(required = false) String unit,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "false") boolean overdueOnly, Authentication user) {
    return search.search(new AuditCaseSearch.Criteria(q, unit, status, from, to, overdueOnly), CaseController.jurisdictionOf(user));
  }
}
