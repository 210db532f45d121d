package cn.baoxue.reporting;

/** A report submitted (or one of its official layouts downloaded), for the audit chain, in its transaction. */
public record UnitReportRecorded(long reportId, String actor, String payload, boolean download) {

  public UnitReportRecorded(long reportId, String actor, String payload) {
    this(reportId, actor, payload, false);
  }
}
