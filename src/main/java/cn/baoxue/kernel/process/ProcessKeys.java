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

  /** 一对一帮扶: the prevention plan of a confirmed at-risk flag, reviewed monthly (business key = "风险-" + the flag's id). */
  public static final String PREVENTION_PLAN = "prevention-plan";

  private ProcessKeys() {}
}
