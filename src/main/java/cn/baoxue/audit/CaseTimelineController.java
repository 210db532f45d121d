package cn.baoxue.audit;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.cases.CaseController;
import cn.baoxue.cases.CaseQueries;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.PersonalDataViewed;
import cn.baoxue.web.Spreadsheet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The full history of a case, as a page and as JSON, for anyone whose jurisdiction covers it. */
@Controller
class CaseTimelineController {

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final CaseQueries caseQueries;
  private final CaseTimeline timeline;
  private final ApplicationEventPublisher events;

  CaseTimelineController(CaseQueries caseQueries, CaseTimeline timeline, ApplicationEventPublisher events) {
    this.caseQueries = caseQueries;
    this.timeline = timeline;
    this.events = events;
  }

  @GetMapping("/api/audit/cases/{caseNumber}/timeline")
  @ResponseBody
  List<TimelineEntry> json(@PathVariable String caseNumber, Staff staff) {
    return timeline.of(readCase(caseNumber, staff, "TIMELINE_API"));
  }

  @GetMapping("/api/audit/cases/{caseNumber}/timeline.xlsx")
  void xlsx(@PathVariable String caseNumber, Staff staff, HttpServletResponse response) throws IOException {
    List<TimelineEntry> entries = timeline.of(readCase(caseNumber, staff, "TIMELINE_XLSX"));
    try (Spreadsheet sheet = Spreadsheet.download(response, "办理记录-" + caseNumber)) {
      sheet.sheet("办理记录", List.of("时间（北京时间）", "类别", "环节", "事项", "操作人", "是否按期"));
      for (TimelineEntry e : entries) {
        sheet.row(e.time().format(SECONDS), CaseTimeline.TYPES.getOrDefault(e.type(), ""), e.step(), e.description(),
            e.actorName(), e.onTime() == null ? "" : e.onTime() ? "按期" : "逾期");
      }
    }
  }

  @GetMapping("/cases/{caseNumber}/timeline")
  String page(@PathVariable String caseNumber, Staff staff, Model model) {
    DropoutCase dropoutCase = readCase(caseNumber, staff, "TIMELINE_PAGE");
    model.addAttribute("dropoutCase", dropoutCase);
    model.addAttribute("entries", timeline.of(dropoutCase));
    return "cases/timeline";
  }

  private DropoutCase readCase(String caseNumber, Staff staff, String view) {
    DropoutCase found = caseQueries.caseFile(caseNumber, staff.jurisdiction())
        .map(CaseQueries.CaseFile::dropoutCase)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "案件不存在或不在您的管辖范围内"));
    events.publishEvent(new PersonalDataViewed(found.getStudent().getId(), found.getId(), staff.userId(), view));
    return found;
  }
}
