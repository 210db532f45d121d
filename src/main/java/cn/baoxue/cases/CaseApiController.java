package cn.baoxue.cases;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.IdNumber;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Cases as JSON for other systems: the same jurisdiction rules as the pages. {@code withoutIdNumber}:
 * the child is still registered under a provisional number (临时编号, found without papers).
 */
@RestController
@RequestMapping("/api/cases")
class CaseApiController {

  private final CaseQueries queries;
  private final ApplicationEventPublisher events;

  CaseApiController(CaseQueries queries, ApplicationEventPublisher events) {
    this.queries = queries;
    this.events = events;
  }

  @GetMapping
  List<CaseSummary> list(Staff staff) {
    return queries.visibleTo(staff.jurisdiction()).stream().map(CaseSummary::of).toList();
  }

  @GetMapping("/{caseNumber}")
  CaseSummary show(@PathVariable String caseNumber, Staff staff) {
    DropoutCase found = queries
        .caseFile(caseNumber, staff.jurisdiction())
        .map(CaseQueries.CaseFile::dropoutCase)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "案件不存在或不在您的管辖范围内"));
    events.publishEvent(new PersonalDataViewed(found.getStudent().getId(), found.getId(), staff.userId(), "CASE_API"));
    return CaseSummary.of(found);
  }

  /**
   * A case as listed: the ID number masked, since lists are read over many shoulders. No grade for a
   * child with no 学籍 (a 四查三比对 or 摸排 case).
   */
  record CaseSummary(
      String caseNumber,
      String studentName,
      String studentIdNumber,
      String gender,
      Integer grade,
      String schoolCode,
      String villageCode,
      String townshipCode,
      String countyCode,
      String reason,
      String status,
      String statusLabel,
      String rung,
      boolean escalated,
      LocalDateTime reportedAt,
      LocalDateTime closedAt,
      String processInstanceId,
      boolean withoutIdNumber) {

    static CaseSummary of(DropoutCase c) {
      return new CaseSummary(
          c.getCaseNumber(),
          c.getStudent().getName(),
          IdNumber.mask(c.getStudent().getIdNumber()),
          c.getStudent().getGender(),
          c.getGrade(),
          c.getSchoolCode(),
          c.getVillageCode(),
          c.getTownshipCode(),
          c.getCountyCode(),
          c.getReason().name(),
          c.getStatus().name(),
          c.getStatus().label(),
          c.getRung() == null ? null : c.getRung().name(),
          c.isEscalated(),
          c.getReportedAt(),
          c.getClosedAt(),
          c.getProcessInstanceId(),
          c.getStudent().isProvisional());
    }
  }
}
