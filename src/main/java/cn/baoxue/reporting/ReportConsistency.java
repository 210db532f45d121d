package cn.baoxue.reporting;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.org.OrgUnit;
import cn.baoxue.org.OrgUnitRepository;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 人账相符 (三统一): whether a unit's report for a period, the reports of the units below it and the
 * case records agree, listing every difference. Each figure the unit reported is counted again from
 * the records (the ledgers are read from the same records, so a ledger that disagrees with a report
 * shows here as the records); the reports below are added up — flows (new, confirmed, returned) over
 * every unit and every shorter period, stocks (registered children, open cases) over every unit at
 * the last shorter period — and compared with what the unit reported; a unit below that has not
 * reported is a difference of its own.
 */
@Service
@Transactional(readOnly = true)
public class ReportConsistency {

  /** Figures that count what happened in the period: added up over the shorter periods below. */
  static final Set<ReportFigure> FLOWS = Set.of(ReportFigure.NEW_CASES, ReportFigure.CONFIRMED, ReportFigure.RETURNED);

  private final UnitReports reports;
  private final OrgUnitRepository units;

  ReportConsistency(UnitReports reports, OrgUnitRepository units) {
    this.reports = reports;
    this.units = units;
  }

  /** What kind of difference. */
  public enum Kind {
    NOT_SUBMITTED("本单位尚未报送"),
    RECORDS("报送数与案件记录不符"),
    BELOW_MISSING("下级单位未报送"),
    BELOW_SUM("报送数与下级报送合计不符");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One difference; figures are null where the kind has none. */
  public record Difference(String kind, String kindLabel, String unitCode, String unitName, String period, String periodLabel,
      String figure, String figureLabel, Long reported, Long counted, String note) {}

  public record Check(long reportId, String unitCode, String unitName, String period, String periodLabel, String status,
      LocalDateTime checkedAt, boolean consistent, int unitsBelow, List<Difference> differences) {}

  public Check of(UnitReport report) {
    OrgUnit unit = units.findById(report.unitCode()).orElseThrow();
    List<Difference> differences = new ArrayList<>();
    Map<String, Long> counted = reports.compute(unit, report.period());
    if (!report.isSubmitted()) {
      differences.add(difference(Kind.NOT_SUBMITTED, report, null, null, null, "截止" + report.dueAt().toLocalDate()));
    } else {
      for (ReportFigure figure : ReportFigure.values()) {
        Long reported = report.submitted().get(figure.key());
        Long now = counted.get(figure.key());
        if (reported != null && !reported.equals(now)) {
          String reason = report.corrections().get(figure.key());
          differences.add(difference(Kind.RECORDS, report, figure, reported, now,
              reason == null ? "报送时未说明" : "报送时说明：" + reason));
        }
      }
    }
    int below = 0;
    Optional<ReportLevel> lower = report.level().below();
    if (lower.isPresent()) {
      List<ReportPeriod> parts = report.period().parts(lower.get().cadence());
      ReportPeriod last = parts.get(parts.size() - 1);
      Map<ReportFigure, Long> sums = new LinkedHashMap<>();
      boolean complete = true;
      List<OrgUnit> children = reports.childrenOf(unit.getCode(), lower.get().unitType());
      below = children.size();
      for (OrgUnit child : children) {
        for (ReportPeriod part : parts) {
          Optional<UnitReport> childReport = reports.find(child.getCode(), part.code()).filter(UnitReport::isSubmitted);
          if (childReport.isEmpty()) {
            complete = false;
            differences.add(new Difference(Kind.BELOW_MISSING.name(), Kind.BELOW_MISSING.label(), child.getCode(), child.getName(),
                part.code(), part.label(), null, null, null, null, null));
            continue;
          }
          for (ReportFigure figure : ReportFigure.values()) {
            if (FLOWS.contains(figure) || part.equals(last)) {
              sums.merge(figure, childReport.get().submitted().getOrDefault(figure.key(), 0L), Long::sum);
            }
          }
        }
      }
      // Added up only when every report below is in: a partial sum would list every figure as wrong.
      if (complete && report.isSubmitted() && !children.isEmpty()) {
        for (ReportFigure figure : ReportFigure.values()) {
          Long reported = report.submitted().get(figure.key());
          Long sum = sums.getOrDefault(figure, 0L);
          if (reported != null && !reported.equals(sum)) {
            differences.add(difference(Kind.BELOW_SUM, report, figure, reported, sum,
                "下级" + children.size() + "个单位报送合计" + sum));
          }
        }
      }
    }
    return new Check(report.id(), report.unitCode(), unit.getName(), report.period().code(), report.period().label(),
        report.status(), BeijingTime.now(), differences.isEmpty(), below, differences);
  }

  private Difference difference(Kind kind, UnitReport report, ReportFigure figure, Long reported, Long counted, String note) {
    return new Difference(kind.name(), kind.label(), report.unitCode(), report.unitName(), report.period().code(),
        report.period().label(), figure == null ? null : figure.key(), figure == null ? null : figure.label(), reported, counted, note);
  }
}
