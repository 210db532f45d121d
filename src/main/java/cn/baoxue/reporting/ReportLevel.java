package cn.baoxue.reporting;

import cn.baoxue.kernel.identity.OrgUnitType;
import java.util.Optional;

/**
 * Who reports how often (四个一): a school and its township every month, the county bureau every
 * quarter, the prefecture every half year (学期), the province every year; with the working days
 * after the period's end each has to submit, and the unit type whose reports it receives.
 */
public enum ReportLevel {
  SCHOOL(OrgUnitType.SCHOOL, ReportPeriod.Kind.MONTH, 5, "控辍保学工作月报表", null),
  TOWNSHIP(OrgUnitType.TOWNSHIP, ReportPeriod.Kind.MONTH, 8, "控辍保学工作月报表（乡镇汇总）", SCHOOL),
  COUNTY(OrgUnitType.COUNTY, ReportPeriod.Kind.QUARTER, 10, "控辍保学工作季度报表", TOWNSHIP),
  PREFECTURE(OrgUnitType.PREFECTURE, ReportPeriod.Kind.HALF, 15, "控辍保学工作学期报告表", COUNTY),
  PROVINCE(OrgUnitType.PROVINCE, ReportPeriod.Kind.YEAR, 20, "控辍保学工作年度报告表", PREFECTURE);

  private final OrgUnitType unitType;
  private final ReportPeriod.Kind cadence;
  private final int workingDaysToSubmit;
  private final String title;
  private final ReportLevel below;

  ReportLevel(OrgUnitType unitType, ReportPeriod.Kind cadence, int workingDaysToSubmit, String title, ReportLevel below) {
    this.unitType = unitType;
    this.cadence = cadence;
    this.workingDaysToSubmit = workingDaysToSubmit;
    this.title = title;
    this.below = below;
  }

  public OrgUnitType unitType() {
    return unitType;
  }

  public ReportPeriod.Kind cadence() {
    return cadence;
  }

  public int workingDaysToSubmit() {
    return workingDaysToSubmit;
  }

  /** The official layout's title (表头). */
  public String title() {
    return title;
  }

  /** The level whose reports this one receives; none for a school. */
  public Optional<ReportLevel> below() {
    return Optional.ofNullable(below);
  }

  public static Optional<ReportLevel> of(OrgUnitType type) {
    for (ReportLevel level : values()) {
      if (level.unitType == type) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}
