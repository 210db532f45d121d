package cn.baoxue.cases;

import cn.baoxue.org.OrgTree;
import cn.baoxue.org.Roles;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.cases.LedgerQueries.Filter;
import cn.baoxue.cases.LedgerQueries.Ledger;
import cn.baoxue.cases.LedgerQueries.Row;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.cases.PersonalDataPolicy.Disclosure;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.web.Spreadsheet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The three ledgers as pages with filters and paging, and as .xlsx exports with Chinese headers. */
@Controller
class LedgerController {

  static final int PAGE_SIZE = 50;

  private final LedgerQueries ledgers;
  private final ApplicationEventPublisher events;
  private final OrgTree orgTree;
  private final Roles roles;

  LedgerController(LedgerQueries ledgers, ApplicationEventPublisher events, OrgTree orgTree, Roles roles) {
    this.orgTree = orgTree;
    this.roles = roles;
    this.ledgers = ledgers;
    this.events = events;
  }

  @GetMapping("/ledgers/{kind}")
  String page(
      @PathVariable String kind,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) Integer grade,
      @RequestParam(required = false) String gender,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String specialGroup,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") int page,
      Staff staff,
      Model model) {
    Ledger ledger = ledger(kind);
    Filter filter = new Filter(unit, grade, gender, reason, specialGroup, status, from, to);
    model.addAttribute("kind", kind);
    model.addAttribute("ledger", ledger);
    model.addAttribute("filter", filter);
    model.addAttribute("result", ledgers.page(ledger, filter, staff.jurisdiction(), Math.max(0, page), PAGE_SIZE));
    model.addAttribute("units", orgTree.unitsWithin(staff.jurisdiction()));
    model.addAttribute("reasons", DropoutReason.values());
    model.addAttribute("specialGroups", SpecialGroup.values());
    model.addAttribute("statuses", Arrays.stream(CaseStatus.values()).filter(s -> s != CaseStatus.NOT_DROPOUT).toList());
    return "ledgers/list";
  }

  @GetMapping("/ledgers/{kind}.xlsx")
  void export(
      @PathVariable String kind,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) Integer grade,
      @RequestParam(required = false) String gender,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String specialGroup,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Staff staff,
      HttpServletResponse response)
      throws IOException {
    Ledger ledger = ledger(kind);
    Filter filter = new Filter(unit, grade, gender, reason, specialGroup, status, from, to);
    Disclosure disclosure = PersonalDataPolicy.disclosureFor(staff.groupIds());
    int[] rows = {0};
    try (Spreadsheet sheet = Spreadsheet.download(response, ledger.title() + "-" + BeijingTime.today())) {
      sheet.sheet(ledger.title(), headers(ledger));
      ledgers.each(ledger, filter, staff.jurisdiction(), row -> {
        sheet.row(values(ledger, row, disclosure, roles::person));
        rows[0]++;
      });
    }
    events.publishEvent(new PersonalDataExported(staff.userId(), "LEDGER_" + ledger.name(), filter.toString(), rows[0], disclosure.inFull()));
  }

  static final String WITHOUT_ID_NUMBER = "无身份证号";

  static List<String> headers(Ledger ledger) {
    return switch (ledger) {
      case CHILDREN -> List.of("姓名", "身份证号", "性别", "出生日期", "年级", "学校", "户籍村", "乡镇", "监护人", "联系电话", "特殊群体", "在校状态", "登记时间",
          WITHOUT_ID_NUMBER);
      case SUSPECTED -> List.of("案件编号", "姓名", "身份证号", "性别", "年级", "学校", "户籍村", "乡镇", "辍学原因", "特殊群体", "案件来源", "上报人", "上报时间",
          WITHOUT_ID_NUMBER);
      case DROPOUTS -> List.of("案件编号", "姓名", "身份证号", "性别", "年级", "学校", "户籍村", "乡镇", "辍学原因", "特殊群体", "状态", "劝返环节",
          "依法控辍督办", "上报时间", "核实时间", "销号时间", WITHOUT_ID_NUMBER);
    };
  }

  /** One row of the sheet; the ID number, birth date and phone as the reader may see them, the reporter by name. */
  static List<Object> values(Ledger ledger, Row r, Disclosure disclosure, UnaryOperator<String> personByName) {
    Object birthDate = !disclosure.inFull() ? disclosure.birthDate(r.birthDate())
        : r.birthDateEstimated() && r.birthDate() != null ? "约" + YearMonth.from(r.birthDate()) : r.birthDate();
    String idNumber = disclosure.idNumber(r.idNumber());
    // 无身份证号: flagged until the real number is recorded, so the county sees whom it still has to find papers for.
    String withoutIdNumber = r.withoutIdNumber() ? "是（临时编号）" : "";
    return switch (ledger) {
      case CHILDREN -> Arrays.asList(r.name(), idNumber, r.gender(), birthDate, r.grade(), r.school(), r.village(), r.township(),
          r.guardianName(), disclosure.phone(r.guardianPhone()), r.specialGroups(), r.status(), r.reportedAt(), withoutIdNumber);
      case SUSPECTED -> Arrays.asList(r.caseNumber(), r.name(), idNumber, r.gender(), r.grade(), r.school(), r.village(), r.township(),
          r.reason(), r.specialGroups(), r.source(), personByName.apply(r.reportedBy()), r.reportedAt(), withoutIdNumber);
      case DROPOUTS -> Arrays.asList(r.caseNumber(), r.name(), idNumber, r.gender(), r.grade(), r.school(), r.village(), r.township(),
          r.reason(), r.specialGroups(), r.status(), r.rung(), r.escalated() ? "是" : "否", r.reportedAt(), r.verifiedAt(), r.closedAt(),
          withoutIdNumber);
    };
  }

  private static Ledger ledger(String kind) {
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "children" -> Ledger.CHILDREN;
      case "suspected" -> Ledger.SUSPECTED;
      case "dropouts" -> Ledger.DROPOUTS;
      default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这本台账：" + kind);
    };
  }
}
