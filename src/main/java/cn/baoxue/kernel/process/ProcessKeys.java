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

  /** 残疾儿童安置: the expert committee assesses a disabled child (business key = the child's record id). */
  public static final String DISABLED_PLACEMENT = "disabled-placement";

  /** 送教上门: the visit schedule of a child placed at home, one period after another (business key = the child's record id). */
  public static final String HOME_DELIVERY_SCHEDULE = "home-delivery-schedule";

  private ProcessKeys() {}
}
