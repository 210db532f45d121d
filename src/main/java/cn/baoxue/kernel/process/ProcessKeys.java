package cn.baoxue.kernel.process;

/** The process keys (docs/architecture.md), a contract with Tasklist, scripts and other systems. */
public final class ProcessKeys {

  /** The case's lifecycle, {@code processes/dropout-case.bpmn}; its business key is the case number. */
  public static final String DROPOUT_CASE = "dropout-case";
  /** 督办 of an overdue task, {@code processes/supervision.bpmn}. */
  public static final String SUPERVISION = "supervision";
  /** 跨县移交 of a case to another county, {@code processes/case-transfer.bpmn}; its business key is the case number. */
  public static final String CASE_TRANSFER = "case-transfer";

  /** 联控联保: a referral from a case to a county department (business key = the case number). */
  public static final String REFERRAL = "referral";

  /** The referral's user tasks: the department accepts or rejects it, then records what it did. */
  public static final String ANSWER_REFERRAL = "answerReferral";

  public static final String RECORD_REFERRAL_ACTION = "recordReferralAction";

  /** 季度复核: at each quarter's start, opens one {@link #COUNTY_RECHECK} per county ({@code processes/recheck-schedule.bpmn}). */
  public static final String RECHECK_SCHEDULE = "recheck-schedule";

  /** One county's quarterly 复核 ({@code processes/county-recheck.bpmn}); its business key is {@code <countyCode>-<quarter>}. */
  public static final String COUNTY_RECHECK = "county-recheck";

  /** The county bureau draws the sample, then re-checks each sampled case. */
  public static final String DRAW_RECHECK_SAMPLE = "drawRecheckSample";

  public static final String RECHECK_CASE = "recheckCase";
  /** 四个一: the calendar that opens the reports on the 1st of each month, {@code processes/report-cadence.bpmn}. */
  public static final String REPORT_CADENCE = "report-cadence";

  /** One unit's report for one period, {@code processes/unit-report.bpmn}; business key {@code <unitCode>-<period>}. */
  public static final String UNIT_REPORT = "unit-report";
  /** 一对一帮扶: the prevention plan of a confirmed at-risk flag, reviewed monthly (business key = "风险-" + the flag's id). */
  public static final String PREVENTION_PLAN = "prevention-plan";
  /** 残疾儿童安置: the expert committee assesses a disabled child (business key = the child's record id). */
  public static final String DISABLED_PLACEMENT = "disabled-placement";

  /** 送教上门: the visit schedule of a child placed at home, one period after another (business key = the child's record id). */
  public static final String HOME_DELIVERY_SCHEDULE = "home-delivery-schedule";

  private ProcessKeys() {}
}
