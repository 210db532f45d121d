package cn.baoxue.reporting;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * One unit's report for one period as stored (table {@code unit_report}): the figures counted from
 * the records when the period ended, those the unit submitted, and the reason of each figure it
 * changed, with who submitted it, when (Beijing time) and the SHA-256 of the submission.
 */
public record UnitReport(
    long id,
    String unitCode,
    String unitName,
    ReportLevel level,
    ReportPeriod period,
    String status,
    LocalDateTime dueAt,
    LocalDateTime openedAt,
    String processInstanceId,
    Map<String, Long> computed,
    Map<String, Long> submitted,
    Map<String, String> corrections,
    boolean zeroReport,
    String remarks,
    String submittedBy,
    LocalDateTime submittedAt,
    String sha256,
    LocalDateTime lateAt,
    String urgedBy,
    LocalDateTime urgedAt,
    String urgeNote) {

  public static final String OPEN = "OPEN";
  public static final String SUBMITTED = "SUBMITTED";

  public boolean isSubmitted() {
    return SUBMITTED.equals(status);
  }

  /** The business key of its process: {@code <unitCode>-<period>}. */
  public String businessKey() {
    return unitCode + "-" + period.code();
  }

  /** 正常, 逾期未报, 已报送, 逾期报送 — as the pages show it. */
  public String statusLabel() {
    if (isSubmitted()) {
      return lateAt == null ? "已报送" : "逾期报送";
    }
    return lateAt == null ? "待报送" : "逾期未报";
  }
}
