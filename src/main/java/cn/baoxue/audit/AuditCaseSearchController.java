package cn.baoxue.audit;

import cn.baoxue.org.OrgTree;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.cases.CaseController;
import cn.baoxue.cases.CaseStatus;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;

/** 案件检索 for auditors and inspections: the page and the same search as JSON. */
@Controller
class AuditCaseSearchController {

  private final AuditCaseSearch search;
  private final OrgTree orgTree;

  AuditCaseSearchController(AuditCaseSearch search, OrgTree orgTree) {
    this.orgTree = orgTree;
    this.search = search;
  }

  @GetMapping("/audit/cases")
  String page(@ModelAttribute("criteria") AuditCaseSearch.Criteria criteria, Staff staff, Model model) {
    model.addAttribute("statuses", CaseStatus.values());
    model.addAttribute("units", orgTree.unitsWithin(staff.jurisdiction()));
    model.addAttribute("found", search.search(criteria, staff.jurisdiction()));
    model.addAttribute("limit", AuditCaseSearch.LIMIT);
    return "audit/cases";
  }

  @GetMapping("/api/audit/cases")
  @ResponseBody
  List<AuditCaseSearch.Found> json(@ModelAttribute AuditCaseSearch.Criteria criteria, Staff staff) {
    return search.search(criteria, staff.jurisdiction());
  }
}
