package cn.baoxue.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One entry of the audit trail (审计记录), chained to the entry before it. There is no setter and
 * no delete: entries are only ever added.
 */
@Entity
@Table(name = "audit_trail")
public class AuditEntry {

  /** What an entry records. */
  public enum Kind {
    ESCALATION,
    DOCUMENT,
    PERSONAL_DATA_READ,
    PERSONAL_DATA_EXPORT,
    /** A closed case's records removed at the end of their retention. */
    RETENTION_PURGE,
    /** A person logged in on the login page (calls with HTTP Basic are not logins of a person). */
    LOGIN,
    /** A login refused: wrong password, locked account, throttled address; HTTP Basic included. */
    LOGIN_FAILED,
    LOGOUT,
    /** 转学申请: a school asked to take in a pupil (ref_id: the request). */
    TRANSFER_REQUEST,
    /** The sending school, its township or county consented: the pupil moved. */
    TRANSFER_CONSENT,
    TRANSFER_REFUSAL,
    /** The asking school took its request back. */
    TRANSFER_WITHDRAWAL,
    /** 佐证材料 added to a case (ref_id: the evidence item; payload: its SHA-256 as stored). */
    EVIDENCE,
    /** Two records of one child merged (ref_id: the child_merge row; payload: both records and every row moved). */
    CHILD_MERGE,
    /** A 四查三比对 run kept (ref_id: the run; payload: its area, its files' SHA-256, its counts). */
    RECONCILIATION,
    /** 工作交接: one person's open tasks and helper roles handed to a successor (ref_id: the handover; payload: what moved). */
    HANDOVER,
    /** 结对关爱: a pairing created (ref_id: the care_pairing; payload: its kind, helper, place, masked 身份证号). */
    CARE_PAIRING,
    /** A contact logged on a 结对关爱 pairing (ref_id: the care_contact; payload: its type, day and amount). */
    CARE_CONTACT,
    /** 残疾儿童安置: a disabled child registered (ref_id: the disabled_child; payload: her place, category, masked 身份证号). */
    DISABLED_CHILD,
    /** The expert committee decided a disabled child's placement (ref_id: the disabled_child; payload: placement, assessor, teachers). */
    PLACEMENT_DECISION,
    /** 送教上门: a visit logged (ref_id: the home_delivery_visit; payload: child, day, hours, evidence SHA-256). */
    HOME_DELIVERY_VISIT,
    /** 联控联保: a referral sent, accepted, rejected or closed (ref_id: the referral_step; payload: the step as recorded). */
    REFERRAL,
    /** 跨县移交: a county bureau handed an open case to another county (ref_id: the county_transfer row; payload: JSON with its description). */
    COUNTY_TRANSFER,
    /** The receiving county accepted: the case, its routing and its open tasks moved to the units it chose. */
    COUNTY_TRANSFER_ACCEPTED,
    /** The receiving county returned the case with its reason: it stays with the sending county. */
    COUNTY_TRANSFER_RETURNED,
    /** The new township named the helpers of a case moved in. */
    COUNTY_TRANSFER_HELPERS,
    /** 协查函 to a county outside the deployment; the case is marked 外地协查 (ref_id: the county_transfer row). */
    ASSISTANCE_LETTER,
    /** 季度复核: the county's finding on a sampled closed or not-a-dropout case (ref_id: the recheck_item; payload: its outcome and any case opened again). */
    RECHECK,
    /** 四个一: a unit's report submitted (ref_id: the unit_report; payload: unit, period and the submission's SHA-256). */
    UNIT_REPORT,
    /** An official layout (.xlsx, PDF) of a submitted report downloaded (ref_id: the unit_report; payload: format and SHA-256). */
    UNIT_REPORT_DOWNLOAD,
    /** 风险台账: an assessment flagged a pupil (ref_id: the risk_flag; payload: pupil, term, school, total and points). */
    AT_RISK_FLAG,
    /** The principal confirmed or dismissed a flag (ref_id: the risk_flag; payload: the status and the dismissal's reason). */
    AT_RISK_DECISION,
    /** A teacher's observation of a pupil (ref_id: the risk_observation; payload: pupil and code). */
    AT_RISK_OBSERVATION,
    /** A grades import (ref_id: its last grade_result row; payload: terms, rows and the file's SHA-256). */
    AT_RISK_GRADES,
    /** A prevention plan's history written onto the case it opened (ref_id: the prevention_plan; payload: JSON step and description). */
    PREVENTION_PLAN
  }

  /** The kinds the case timeline shows (跨县移交, 外地协查); each payload is JSON with {@code step} and {@code description}. */
  public static final java.util.Set<Kind> CASE_TIMELINE_KINDS = java.util.EnumSet.of(
      Kind.COUNTY_TRANSFER, Kind.COUNTY_TRANSFER_ACCEPTED, Kind.COUNTY_TRANSFER_RETURNED, Kind.COUNTY_TRANSFER_HELPERS,
      Kind.ASSISTANCE_LETTER, Kind.PREVENTION_PLAN);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "entry_kind", nullable = false, updatable = false)
  private Kind kind;

  /** The escalation, document or student the entry is about. */
  @Column(name = "ref_id", nullable = false, updatable = false)
  private Long refId;

  @Column(name = "case_id", updatable = false)
  private Long caseId;

  @Column(updatable = false)
  private String actor;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private LocalDateTime recordedAt;

  @Column(nullable = false, updatable = false)
  private String payload;

  @Column(name = "prev_hash", nullable = false, updatable = false)
  private String prevHash;

  @Column(nullable = false, updatable = false)
  private String hash;

  protected AuditEntry() {}

  AuditEntry(Kind kind, Long refId, Long caseId, String actor, LocalDateTime recordedAt, String payload, String prevHash) {
    this.kind = kind;
    this.refId = refId;
    this.caseId = caseId;
    this.actor = actor;
    this.recordedAt = recordedAt;
    this.payload = payload;
    this.prevHash = prevHash;
    this.hash = computeHash();
  }

  /** SHA-256 over the previous hash and every field, as recorded. */
  String computeHash() {
    return Hashes.sha256(String.join("|", prevHash, kind.name(), String.valueOf(refId), String.valueOf(caseId),
        String.valueOf(actor), recordedAt.toString(), payload));
  }

  public Long getId() {
    return id;
  }

  public Kind getKind() {
    return kind;
  }

  public Long getRefId() {
    return refId;
  }

  public Long getCaseId() {
    return caseId;
  }

  public String getActor() {
    return actor;
  }

  public LocalDateTime getRecordedAt() {
    return recordedAt;
  }

  public String getPayload() {
    return payload;
  }

  public String getPrevHash() {
    return prevHash;
  }

  public String getHash() {
    return hash;
  }
}
