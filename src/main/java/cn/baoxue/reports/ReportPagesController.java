package cn.baoxue.reports;

import cn.baoxue.org.CountyDepartments;
import cn.baoxue.org.OrgTree;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.web.Spreadsheet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dashboard (ECharts) and the regular reports as spreadsheets: the school's monthly report
 * and the county's quarterly report, both counted from the records at the moment of download.
 */
@Controller
class ReportPagesController {

  private final ReportScope.Resolver scopes;
  private final ReportQueries queries;
  private final WorkQueries work;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final OrgTree orgTree;
  private final CountyDepartments departments;

  ReportPagesController(ReportScope.Resolver scopes, ReportQueries queries, WorkQueries work, JdbcClient jdbc, Clock clock,
      OrgTree orgTree, CountyDepartments departments) {
    this.work = work;
    this.departments = departments;
    this.orgTree = orgTree;
    this.clock = clock;
    this.scopes = scopes;
    this.queries = queries;
    this.jdbc = jdbc;
  }

  @GetMapping("/reports/dashboard")
  String dashboard(@RequestParam(required = false) String scope,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Staff staff, Model model) {
    ReportScope resolved = scopes.resolve(scope == null ? defaultScope(staff) : scope, from, to, staff);
    SummaryByUnit byUnit = work.byUnit(resolved);
    Summary summary = byUnit.summary();
    Map<String, Map<String, ? extends Number>> charts = new LinkedHashMap<>();
    if (!byUnit.units().isEmpty()) {
      // 各单位对比: the units below the scope side by side, in the table and in two charts.
      Map<String, Long> cases = new LinkedHashMap<>();
      Map<String, BigDecimal> returnRates = new LinkedHashMap<>();
      byUnit.units().forEach(unit -> {
        cases.put(unit.name(), unit.summary().cases());
        returnRates.put(unit.name(), unit.summary().returnRate().movePointRight(2).setScale(1, RoundingMode.HALF_UP));
      });
      charts.put("各单位新发现案件", cases);
      charts.put("各单位劝返率（%）", returnRates);
    }
    SummaryLabels.BREAKDOWNS.forEach((name, title) ->
        charts.put(title, SummaryLabels.labelled(name, SummaryLabels.breakdown(summary, name))));
    model.addAttribute("summary", summary);
    model.addAttribute("work", byUnit.work());
    model.addAttribute("unitFigures", byUnit.units());
    model.addAttribute("rungs", SummaryLabels.RUNGS);
    model.addAttribute("charts", charts);
    model.addAttribute("units", orgTree.unitsWithin(staff.jurisdiction()));
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("thisMonth", YearMonth.from(today).toString());
    model.addAttribute("thisQuarter", today.getYear() + "-Q" + ((today.getMonthValue() + 2) / 3));
    return "reports/dashboard";
  }

  /** 学校控辍保学月报: one school, one calendar month. */
  @GetMapping("/reports/monthly.xlsx")
  void monthly(@RequestParam String scope, @RequestParam String month, Staff staff, HttpServletResponse response)
      throws IOException {
    YearMonth yearMonth = parse(() -> YearMonth.parse(month), "月份格式应为 yyyy-MM：" + month);
    Summary summary = queries.summary(scopes.resolve(scope, yearMonth.atDay(1), yearMonth.atEndOfMonth(), staff));
    write(response, summary, summary.scopeName() + "控辍保学月报（" + yearMonth.getYear() + "年" + yearMonth.getMonthValue() + "月）");
  }

  /** 县控辍保学季报: one county (or township), one quarter, e.g. 2026-Q4. */
  @GetMapping("/reports/quarterly.xlsx")
  void quarterly(@RequestParam String scope, @RequestParam String quarter, Staff staff, HttpServletResponse response)
      throws IOException {
    if (!quarter.matches("\\d{4}-Q[1-4]")) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "季度格式应为 yyyy-Qn，如 2026-Q4：" + quarter);
    }
    int year = Integer.parseInt(quarter.substring(0, 4));
    int q = quarter.charAt(6) - '0';
    LocalDate from = LocalDate.of(year, (q - 1) * 3 + 1, 1);
    LocalDate to = from.plusMonths(3).minusDays(1);
    Summary summary = queries.summary(scopes.resolve(scope, from, to, staff));
    write(response, summary, summary.scopeName() + "控辍保学季报（" + year + "年第" + q + "季度）");
  }

  private void write(HttpServletResponse response, Summary summary, String title) throws IOException {
    try (Spreadsheet sheet = Spreadsheet.download(response, title)) {
      sheet.sheet("汇总", List.of("指标", "数值"));
      sheet.row("报表", title);
      sheet.row("统计范围", summary.scopeName() + "（" + summary.scope() + "）");
      sheet.row("统计期间", summary.from() + " 至 " + summary.to());
      sheet.row("在册适龄儿童", summary.students());
      sheet.row("期间新发现案件", summary.cases());
      sheet.row("其中：待核实（疑似辍学）", summary.suspected());
      sheet.row("其中：核实辍学", summary.confirmed());
      sheet.row("已劝返", summary.returned());
      sheet.row("劝返率", summary.returnRate());
      sheet.row("资助资金（元）", summary.fundsYuan());
      sheet.row("结对关爱资助资金（元）", summary.care().fundsYuan());
      DisabledPlacementBlock disabled = summary.disabledPlacement();
      sheet.row("适龄残疾儿童", disabled.children());
      sheet.row("其中：随班就读", disabled.inclusiveClass());
      sheet.row("其中：特教学校", disabled.specialSchool());
      sheet.row("其中：送教上门", disabled.homeDelivered());
      sheet.row("其中：延缓入学", disabled.deferred());
      sheet.row("其中：待评估安置", disabled.notAssessed());
      sheet.row("送教上门：已送教次数", disabled.visitsDelivered());
      sheet.row("送教上门：计划送教次数", disabled.visitsPlanned());
      SummaryLabels.BREAKDOWNS.forEach((name, chineseTitle) -> {
        sheet.sheet(chineseTitle, List.of(chineseTitle, "人数"));
        SummaryLabels.labelled(name, SummaryLabels.breakdown(summary, name)).forEach(sheet::row);
      });
      // 联控联保: the referrals sent in the period, by department and where they stand.
      Summary.Referrals referrals = summary.referrals();
      sheet.sheet("联控联保", List.of("接收部门", "待受理", "办理中", "已拒收", "已办结"));
      referrals.byDepartment().forEach((code, outcome) -> sheet.row(
          departments.byCode(code).map(CountyDepartments.Department::name).orElse(code),
          outcome.get("SENT"), outcome.get("ACCEPTED"), outcome.get("REJECTED"), outcome.get("CLOSED")));
      sheet.row("合计", referrals.outcome().get("SENT"), referrals.outcome().get("ACCEPTED"), referrals.outcome().get("REJECTED"),
          referrals.outcome().get("CLOSED"));
      sheet.row("平均答复用时（工作日）", referrals.averageWorkingDaysToAnswer());
      sheet.row("逾期未办结", referrals.overdue());
    }
  }

  /** The user's own unit: her school, village, township or county; auditors and admins start at the first county. */
  private String defaultScope(Staff staff) {
    return staff.jurisdiction().unitCodes().stream().findFirst().orElseGet(() ->
        jdbc.sql("select min(code) from org_unit where unit_type = 'COUNTY'").query(String.class).optional()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "尚未建立县级单位")));
  }

  private static <T> T parse(java.util.function.Supplier<T> parser, String message) {
    try {
      return parser.get();
    } catch (RuntimeException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
  }
}
