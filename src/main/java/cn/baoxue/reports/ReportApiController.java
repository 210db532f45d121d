package cn.baoxue.reports;

import cn.baoxue.kernel.identity.Staff;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reports/summary?scope=&from=&to=}: the figures of every report, as JSON. */
@RestController
class ReportApiController {

  private final ReportScope.Resolver scopes;
  private final ReportQueries queries;

  ReportApiController(ReportScope.Resolver scopes, ReportQueries queries) {
    this.scopes = scopes;
    this.queries = queries;
  }

  @GetMapping("/api/reports/summary")
  Summary summary(
      @RequestParam String scope,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Staff staff) {
    return queries.summary(scopes.resolve(scope, from, to, staff));
  }
}
