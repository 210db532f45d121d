package cn.baoxue.reporting;

import cn.baoxue.audit.AuditEntry;
import cn.baoxue.audit.AuditTrail;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.integrity.Sha256;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.org.OrgUnit;
import cn.baoxue.org.Roles;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the report doors (API and pages) read: a unit's reports within the caller's jurisdiction, one
 * report with who is missing below it, and its official layouts — each download recorded in the
 * audit chain with the submission's SHA-256.
 */
@Service
public class UnitReportDoors {

  private final ReportConsistency consistency;

  private final UnitReports reports;
  private final OfficialLayout layout;
  private final Roles roles;
  private final AuditTrail audit;

  UnitReportDoors(UnitReports reports, OfficialLayout layout, Roles roles, AuditTrail audit, ReportConsistency consistency) {
    this.consistency = consistency;
    this.reports = reports;
    this.layout = layout;
    this.roles = roles;
    this.audit = audit;
  }

  /** The query parameters a door accepts; any other is refused, as a body's undeclared field is. */
  public static void onlyParameters(Set<String> sent, Set<String> accepted) {
    for (String name : sent) {
      if (!accepted.contains(name)) {
        throw new InvalidCaseInputException(name, "不接受参数“" + name + "”");
      }
    }
  }

  /** The unit a member of staff reports for by default: the unit of her first reporting group. */
  public String ownUnit(Staff staff) {
    return staff.groupIds().stream()
        .filter(group -> switch (GroupIds.kindOf(group)) {
          case SCHOOL, TOWNSHIP, COUNTY, PREFECTURE, PROVINCE -> true;
          default -> false;
        })
        .map(GroupIds::unitCode).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "请指定单位（unit）"));
  }

  @Transactional(readOnly = true)
  public List<UnitReportView> ofUnit(String unitCode, Staff staff) {
    OrgUnit unit = reports.unitFor(unitCode, staff);
    return reports.ofUnit(unit.getCode()).stream().map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public String unitName(String unitCode, Staff staff) {
    return reports.unitFor(unitCode, staff).getName();
  }

  @Transactional(readOnly = true)
  public UnitReportView one(long id, Staff staff) {
    return view(reports.readable(id, staff));
  }

  /** A report's official layout; the download is audited with the submission's hash. */
  @Transactional
  public byte[] download(long id, String format, Staff staff) {
    UnitReport report = reports.readable(id, staff);
    var missing = reports.missing(report.unitCode(), report.level(), report.period());
    int below = reports.unitsBelow(report.unitCode(), report.level());
    byte[] file = "pdf".equals(format) ? layout.pdf(report, missing, below) : layout.xlsx(report, missing, below);
    audit.append(AuditEntry.Kind.UNIT_REPORT_DOWNLOAD, report.id(), null, staff.userId(),
        "report=" + report.id() + ";format=" + format + ";sha256=" + report.sha256() + ";file=" + Sha256.hex(file));
    return file;
  }

  /** 人账相符: the report against the records and the reports below it, within the caller's reach. */
  @Transactional(readOnly = true)
  public ReportConsistency.Check consistency(long id, Staff staff) {
    return consistency.of(reports.readable(id, staff));
  }

  public String fileName(long id, Staff staff) {
    return OfficialLayout.fileName(reports.readable(id, staff));
  }

  UnitReportView view(UnitReport r) {
    return new UnitReportView(r.id(), r.unitCode(), r.unitName(), r.level().name(), r.level().title(), r.period().code(),
        r.period().label(), r.status(), r.statusLabel(), r.dueAt(), r.computed(), r.submitted(), r.corrections(), r.zeroReport(),
        r.remarks(), r.submittedBy() == null ? null : roles.person(r.submittedBy()), r.submittedAt(), r.sha256(), r.lateAt(),
        r.urgedBy() == null ? null : roles.person(r.urgedBy()), r.urgeNote(), reports.unitsBelow(r.unitCode(), r.level()),
        reports.missing(r.unitCode(), r.level(), r.period()));
  }
}
