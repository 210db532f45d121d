package cn.baoxue.reporting;

import cn.baoxue.kernel.identity.Staff;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 四个一 reports for scripts and the pages: {@code GET /api/unit-reports?unit=<code>} (a unit's
 * reports, newest first, each with who has not submitted below it), {@code GET
 * /api/unit-reports/{id}} (one), {@code GET /api/unit-reports/{id}/official.pdf} and {@code
 * /official.xlsx} (the official layout of a submitted report; each download audited). Submitting is
 * the report's Tasklist task ({@code unit-report.bpmn}), not a door of its own.
 */
@RestController
class UnitReportApiController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final UnitReportDoors doors;

  UnitReportApiController(UnitReportDoors doors) {
    this.doors = doors;
  }

  @GetMapping("/api/unit-reports")
  List<UnitReportView> ofUnit(@RequestParam(required = false) String unit, HttpServletRequest request, Staff staff) {
    UnitReportDoors.onlyParameters(request.getParameterMap().keySet(), Set.of("unit"));
    return doors.ofUnit(unit == null ? doors.ownUnit(staff) : unit, staff);
  }

  @GetMapping("/api/unit-reports/{id}")
  UnitReportView one(@PathVariable long id, HttpServletRequest request, Staff staff) {
    UnitReportDoors.onlyParameters(request.getParameterMap().keySet(), Set.of());
    return doors.one(id, staff);
  }

  /** 人账相符: every difference between this report, the reports below it and the case records. */
  @GetMapping("/api/unit-reports/{id}/consistency")
  ReportConsistency.Check consistency(@PathVariable long id, HttpServletRequest request, Staff staff) {
    UnitReportDoors.onlyParameters(request.getParameterMap().keySet(), Set.of());
    return doors.consistency(id, staff);
  }

  @GetMapping("/api/unit-reports/{id}/official.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable long id, HttpServletRequest request, Staff staff) {
    UnitReportDoors.onlyParameters(request.getParameterMap().keySet(), Set.of());
    return file(doors.download(id, "pdf", staff), MediaType.APPLICATION_PDF_VALUE, doors.fileName(id, staff) + ".pdf", "report.pdf");
  }

  @GetMapping("/api/unit-reports/{id}/official.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable long id, HttpServletRequest request, Staff staff) {
    UnitReportDoors.onlyParameters(request.getParameterMap().keySet(), Set.of());
    return file(doors.download(id, "xlsx", staff), XLSX, doors.fileName(id, staff) + ".xlsx", "report.xlsx");
  }

  private static ResponseEntity<byte[]> file(byte[] bytes, String type, String name, String asciiName) {
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encoded)
        .body(bytes);
  }
}
