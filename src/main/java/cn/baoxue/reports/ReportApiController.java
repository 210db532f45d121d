package cn.baoxue.reports;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reports/summary?scope=&from=&to=&by=}: the figures of every report, as JSON. */
@RestController
class ReportApiController {

  private final ReportScope.Resolver scopes;
  private static final String BY_UNIT = "unit";

  private final ReportQueries queries;
  private final WorkQueries work;

  ReportApiController(ReportScope.Resolver scopes, ReportQueries queries, WorkQueries work) {
    this.scopes = scopes;
    this.queries = queries;
    this.work = work;
  }

  /**
   * The summary of one scope; with {@code by=unit}, also how its work stands and the same figures
   * for each unit directly below it, side by side.
   */
  @GetMapping("/api/reports/summary")
  Object summary(
      @RequestParam String scope,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String by,
      Staff staff) {
    if (by != null && !BY_UNIT.equals(by)) {
      throw new InvalidCaseInputException("by", "分组方式只能是 unit（按下级单位）：" + by);
    }
    ReportScope resolved = scopes.resolve(scope, from, to, staff);
    return by == null ? queries.summary(resolved) : work.byUnit(resolved);
  }
}
