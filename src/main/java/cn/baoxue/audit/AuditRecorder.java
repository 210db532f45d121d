package cn.baoxue.audit;

import cn.baoxue.audit.AuditEntry.Kind;
import cn.baoxue.cases.PersonalDataExported;
import cn.baoxue.children.ChildrenMerged;
import cn.baoxue.cases.PersonalDataViewed;
import cn.baoxue.documents.CaseDocument;
import cn.baoxue.documents.DocumentIssued;
import cn.baoxue.enrolment.TransferRecorded;
import cn.baoxue.escalation.Escalation;
import cn.baoxue.escalation.EscalationRecorded;
import cn.baoxue.evidence.EvidenceAdded;
import cn.baoxue.evidence.EvidenceItem;
import cn.baoxue.reconciliation.ReconciliationRecorded;
import cn.baoxue.referral.ReferralRecorded;
import cn.baoxue.security.ClientAddress;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes each auditable event to the trail, in the transaction of the event. */
@Component
class AuditRecorder {

  /** The width of audit_trail.actor. */
  private static final int ACTOR_WIDTH = 64;

  private final AuditTrail trail;

  AuditRecorder(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  public void escalated(EscalationRecorded event) {
    Escalation e = event.escalation();
    trail.append(Kind.ESCALATION, e.getId(), e.getCaseId(), e.getResponsible(), AuditPayloads.of(e));
  }

  @EventListener
  public void issued(DocumentIssued event) {
    CaseDocument d = event.document();
    trail.append(Kind.DOCUMENT, d.getId(), d.getCaseId(), d.getRecordedBy(), AuditPayloads.of(d));
  }

  @EventListener
  public void evidence(EvidenceAdded event) {
    EvidenceItem e = event.item();
    trail.append(Kind.EVIDENCE, e.getId(), e.getCaseId(), e.getUploadedBy(), AuditPayloads.of(e));
  }

  /** A step of a 联控联保 referral, in its transaction. */
  @EventListener
  public void referral(ReferralRecorded event) {
    trail.append(Kind.REFERRAL, event.stepId(), event.caseId(), event.actor(), event.payload());
  }

  /** A merge of two records of one child (一人一档), in its transaction. */
  @EventListener
  public void merged(ChildrenMerged event) {
    trail.append(Kind.CHILD_MERGE, event.mergeId(), null, event.actor(), event.detail());
  }

  /** A 四查三比对 run, in the run's transaction: the files it compared, by their SHA-256. */
  @EventListener
  public void reconciled(ReconciliationRecorded event) {
    trail.append(Kind.RECONCILIATION, event.runId(), null, event.actor(), event.payload());
  }

  /** An export of many students at once: one entry naming the view, the filter and the row count. */
  @EventListener
  @Transactional
  public void exported(PersonalDataExported event) {
    trail.append(Kind.PERSONAL_DATA_EXPORT, 0L, null, event.user(),
        "view=" + event.view() + ";filter=" + event.filter() + ";rows=" + event.rows() + ";full=" + event.inFull());
  }

  @EventListener
  @Transactional
  public void viewed(PersonalDataViewed event) {
    trail.append(Kind.PERSONAL_DATA_READ, event.studentId(), event.caseId(), event.user(), "view=" + event.view());
  }

  /** Each step of a 转学申请, in the transaction that takes it. */
  @EventListener
  @Transactional
  public void transfer(TransferRecorded event) {
    Kind kind = switch (event.step()) {
      case PENDING -> Kind.TRANSFER_REQUEST;
      case GRANTED -> Kind.TRANSFER_CONSENT;
      case REFUSED -> Kind.TRANSFER_REFUSAL;
      case WITHDRAWN -> Kind.TRANSFER_WITHDRAWAL;
    };
    trail.append(kind, event.requestId(), null, event.actor(), event.detail());
  }

  /** A person's login on the login page; REST calls with HTTP Basic authenticate per request and are not logins. */
  @EventListener
  @Transactional
  public void loggedIn(InteractiveAuthenticationSuccessEvent event) {
    signIn(Kind.LOGIN, event.getAuthentication(), "via=form");
  }

  @EventListener
  @Transactional
  public void loginFailed(AbstractAuthenticationFailureEvent event) {
    signIn(Kind.LOGIN_FAILED, event.getAuthentication(), "reason=" + event.getException().getClass().getSimpleName());
  }

  @EventListener
  @Transactional
  public void loggedOut(LogoutSuccessEvent event) {
    signIn(Kind.LOGOUT, event.getAuthentication(), "via=logout");
  }

  private void signIn(Kind kind, Authentication authentication, String detail) {
    // The name of a failed login is whatever was typed: cut to the column's width.
    String name = authentication.getName() == null ? "" : authentication.getName();
    String actor = name.length() > ACTOR_WIDTH ? name.substring(0, ACTOR_WIDTH) : name;
    trail.append(kind, 0L, null, actor, "address=" + ClientAddress.of(authentication) + ";" + detail);
  }
}
