package cn.baoxue.reporting;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A report as the API and the pages show it: people by name, the lower units that have not
 * submitted (for an upper level), and the submission's SHA-256 as the audit chain holds it.
 */
public record UnitReportView(
    long id,
    String unitCode,
    String unitName,
    String level,
    String title,
    String period,
    String periodLabel,
    String status,
    String statusLabel,
    LocalDateTime dueAt,
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
    String urgeNote,
    int unitsBelow,
    List<UnitReports.MissingUnit> missing) {}
