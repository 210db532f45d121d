package cn.baoxue.reconciliation;

import cn.baoxue.cases.PersonalDataExported;
import cn.baoxue.cases.PersonalDataPolicy;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.Coded;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.org.OrgTree;
import cn.baoxue.reconciliation.ReconciliationRuns.Filter;
import cn.baoxue.reconciliation.ReconciliationRuns.FindingRecord;
import cn.baoxue.reconciliation.ReconciliationRuns.Run;
import cn.baoxue.reconciliation.ReconciliationService.RunRefused;
import cn.baoxue.web.Spreadsheet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/** The 四查三比对 pages: the upload and the kept runs; one run's findings with filters; its .xlsx export; the templates. */
@Controller
class ReconciliationController {

  private final ReconciliationService reconciliations;
  private final ReconciliationRuns runs;
  private final RegistryTemplates templates;
  private final OrgTree orgTree;
  private final ApplicationEventPublisher events;

  ReconciliationController(ReconciliationService reconciliations, ReconciliationRuns runs, RegistryTemplates templates,
      OrgTree orgTree, ApplicationEventPublisher events) {
    this.reconciliations = reconciliations;
    this.runs = runs;
    this.templates = templates;
    this.orgTree = orgTree;
    this.events = events;
  }

  @GetMapping("/reconciliations")
  String page(Staff staff, Model model) {
    model.addAttribute("mayRun", ReconciliationService.mayRun(staff));
    model.addAttribute("registries", Registry.values());
    model.addAttribute("runs", runs.list(staff));
    return "reconciliations/index";
  }

  @PostMapping("/reconciliations")
  String run(MultipartHttpServletRequest request, Staff staff, Model model) {
    try {
      Run run = reconciliations.run(RegistryUpload.files(request), staff);
      return "redirect:/reconciliations/" + run.runId();
    } catch (RunRefused refused) {
      model.addAttribute("refusal", refused.getMessage());
      model.addAttribute("badRows", refused.rows());
      model.addAttribute("badRowCount", refused.count());
    } catch (InvalidCaseInputException | AccessDeniedException e) {
      model.addAttribute("refusal", e instanceof InvalidCaseInputException invalid ? String.join("；", invalid.problems()) : e.getMessage());
    }
    return page(staff, model);
  }

  @GetMapping("/reconciliations/{runId}")
  String show(@PathVariable long runId, @RequestParam(required = false) String type,
      @RequestParam(required = false) String township, @RequestParam(required = false) String school, Staff staff,
      Model model) {
    Filter filter = filter(type, township, school);
    Run run = runs.find(runId, staff, filter).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("run", run);
    model.addAttribute("filter", filter);
    model.addAttribute("types", FindingType.values());
    model.addAttribute("areaName", orgTree.name(run.areaCode()));
    List<FindingRecord> all = filter.equals(Filter.NONE) ? run.findings() : runs.find(runId, staff).orElseThrow().findings();
    model.addAttribute("townships", all.stream().map(FindingRecord::townshipCode).filter(code -> code != null).distinct().sorted().toList());
    model.addAttribute("schools", all.stream().map(FindingRecord::schoolCode).filter(code -> code != null).distinct().sorted().toList());
    model.addAttribute("orgTree", orgTree);
    return "reconciliations/run";
  }

  @GetMapping("/reconciliations/{runId}.xlsx")
  void export(@PathVariable long runId, @RequestParam(required = false) String type,
      @RequestParam(required = false) String township, @RequestParam(required = false) String school, Staff staff,
      HttpServletResponse response) throws IOException {
    Filter filter = filter(type, township, school);
    Run run = runs.find(runId, staff, filter).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    try (Spreadsheet sheet = Spreadsheet.download(response, "四查三比对结果-第" + runId + "次")) {
      sheet.sheet("比对结果", List.of("类型", "身份证号", "姓名", "乡镇", "户籍村", "学校", "优先", "案件编号", "依据"));
      for (FindingRecord finding : run.findings()) {
        sheet.row(finding.typeLabel(), finding.idNumber(), finding.name(), orgTree.name(finding.townshipCode()),
            orgTree.name(finding.villageCode()), orgTree.name(finding.schoolCode()), finding.priority() ? "是" : "",
            finding.caseNumber() == null ? "" : finding.caseNumber() + (finding.caseOpened() ? "（本次新开）" : "（已有案件）"),
            String.join("；", finding.reasons()));
      }
    }
    events.publishEvent(new PersonalDataExported(staff.userId(), "reconciliation/" + runId,
        "type=" + type + ";township=" + township + ";school=" + school, run.findings().size(),
        PersonalDataPolicy.seesInFull(staff.groupIds())));
  }

  @GetMapping("/reconciliations/templates/{registry}.xlsx")
  void template(@PathVariable String registry, Staff staff, HttpServletResponse response) throws IOException {
    Registry which;
    try {
      which = Registry.valueOf(registry.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    templates.of(which, staff).download(response, RegistryTemplates.fileName(which));
  }

  private static Filter filter(String type, String township, String school) {
    String knownType = Coded.find(FindingType.class, type).map(FindingType::name).orElse(null);
    return new Filter(knownType, blankToNull(township), blankToNull(school));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
