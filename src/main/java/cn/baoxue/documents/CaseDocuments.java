package cn.baoxue.documents;

import cn.baoxue.kernel.integrity.Sha256;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.calendar.WorkingDayCalendar;
import cn.baoxue.cases.CaseOfProcess;
import cn.baoxue.cases.CaseQueries;
import cn.baoxue.cases.CaseQueries.CaseFile;
import cn.baoxue.cases.CaseStep;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.ReturnOrder;
import cn.baoxue.cases.PersonalDataPolicy.Disclosure;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the documents of a case and keeps them as issued: the written order when
 * {@code issueReturnOrder} completes, the referral letter when the case reaches
 * {@code legalReferral}; the persuasion record is printed on demand.
 */
@Service
public class CaseDocuments {

  private final CaseDocumentRepository documents;
  private final CaseQueries caseQueries;
  private final CaseOfProcess caseOfProcess;
  private final DocumentRenderer renderer;
  private final WorkingDayCalendar calendar;
  private final ApplicationEventPublisher events;

  CaseDocuments(
      CaseDocumentRepository documents,
      CaseQueries caseQueries,
      CaseOfProcess caseOfProcess,
      DocumentRenderer renderer,
      WorkingDayCalendar calendar,
      ApplicationEventPublisher events) {
    this.documents = documents;
    this.caseQueries = caseQueries;
    this.caseOfProcess = caseOfProcess;
    this.renderer = renderer;
    this.calendar = calendar;
    this.events = events;
  }

  /** The notice of an order just recorded, on the order's case (found through its process by PersuasionService). */
  @Transactional
  public CaseDocument issueReturnOrder(ReturnOrder order, String taskId, String issuer) {
    CaseFile file = caseQueries.caseFile(order.getCaseId());
    byte[] pdf = renderer.returnOrder(file, order.getDeadline(), calendar.today(), Disclosure.FULL);
    return store(file, DocumentKind.RETURN_ORDER, pdf, taskId, issuer);
  }

  /**
   * Once per case: the legal referral may be worked several times, the letter is sent once. The
   * case is the one of the process reaching {@code legalReferral} (CaseOfProcess).
   */
  @Transactional
  public void issueLegalReferral(CaseStep step, String taskId) {
    DropoutCase dropoutCase = caseOfProcess.requireOpen(step);
    if (!documents.existsByCaseIdAndKind(dropoutCase.getId(), DocumentKind.LEGAL_REFERRAL)) {
      CaseFile file = caseQueries.caseFile(dropoutCase.getId());
      store(file, DocumentKind.LEGAL_REFERRAL, renderer.legalReferral(file, calendar.today()), taskId, null);
    }
  }

  /** 协查函 to a county outside the deployment (外地协查), issued by the county bureau. */
  @Transactional
  public CaseDocument issueAssistanceLetter(Long caseId, String toAuthority, String toPlace, String reason, String issuer) {
    CaseFile file = caseQueries.caseFile(caseId);
    byte[] pdf = renderer.assistanceLetter(file, toAuthority, toPlace, reason, calendar.today());
    return store(file, DocumentKind.ASSISTANCE_LETTER, pdf, null, issuer);
  }

  @Transactional(readOnly = true)
  public byte[] persuasionRecord(CaseFile file, Disclosure disclosure) {
    return renderer.persuasionRecord(file, calendar.today(), disclosure);
  }

  /**
   * A document as this reader may read it: as issued, or — for a reader who sees personal data
   * masked — the written order rendered again from the same records with the ID number and birth
   * date masked (its stored original and SHA-256 stay as issued). The referral letter carries no
   * ID number, birth date or phone and is served as issued.
   */
  @Transactional(readOnly = true)
  public byte[] readingCopy(CaseFile file, CaseDocument document, Disclosure disclosure) {
    if (disclosure.inFull() || document.getKind() != DocumentKind.RETURN_ORDER) {
      return document.getContent();
    }
    ReturnOrder order = file.orders().stream()
        .filter(o -> !o.getRecordedAt().isAfter(document.getRecordedAt()))
        .max(Comparator.comparing(ReturnOrder::getRecordedAt))
        .orElseThrow(() -> new IllegalStateException("No return order recorded for document " + document.getId()));
    LocalDate issuedOn = document.getRecordedAt().atZone(BeijingTime.zone()).withZoneSameInstant(calendar.zone()).toLocalDate();
    return renderer.returnOrder(file, order.getDeadline(), issuedOn, disclosure);
  }

  @Transactional(readOnly = true)
  public List<CaseDocument> of(Long caseId) {
    return documents.findByCaseIdOrderByRecordedAtAscIdAsc(caseId);
  }

  @Transactional(readOnly = true)
  public Optional<CaseDocument> find(Long caseId, Long documentId) {
    return documents.findById(documentId).filter(document -> document.getCaseId().equals(caseId));
  }

  private CaseDocument store(CaseFile file, DocumentKind kind, byte[] pdf, String taskId, String issuer) {
    String caseNumber = file.dropoutCase().getCaseNumber();
    String fileName = caseNumber + "-" + kind.title() + ".pdf";
    CaseDocument document =
        documents.save(new CaseDocument(file.dropoutCase().getId(), kind, fileName, pdf, sha256(pdf), taskId, issuer));
    events.publishEvent(new DocumentIssued(document));
    return document;
  }

  /** The SHA-256 a document is stored with; the audit verification recomputes it. */
  public static String sha256(byte[] content) {
    return Sha256.hex(content);
  }
}
