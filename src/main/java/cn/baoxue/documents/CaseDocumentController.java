package cn.baoxue.documents;

import cn.baoxue.cases.CaseQueries;
import cn.baoxue.cases.CaseQueries.CaseFile;
import cn.baoxue.cases.CaseController;
import cn.baoxue.cases.PersonalDataPolicy;
import cn.baoxue.cases.PersonalDataPolicy.Disclosure;
import cn.baoxue.cases.PersonalDataViewed;
import cn.baoxue.kernel.identity.Staff;
import java.nio.charset.StandardCharsets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Downloads of a case's documents, for those whose jurisdiction covers the case; personal data in
 * them as {@link PersonalDataPolicy} lets the reader see it.
 */
@Controller
class CaseDocumentController {

  private final CaseQueries caseQueries;
  private final CaseDocuments documents;
  private final ApplicationEventPublisher events;

  CaseDocumentController(CaseQueries caseQueries, CaseDocuments documents, ApplicationEventPublisher events) {
    this.caseQueries = caseQueries;
    this.documents = documents;
    this.events = events;
  }

  @GetMapping("/cases/{caseNumber}/documents/{documentId}")
  ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable Long documentId, Staff staff) {
    CaseFile file = caseFile(caseNumber, staff, "DOCUMENT");
    CaseDocument document = documents.find(file.dropoutCase().getId(), documentId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "文书不存在"));
    return pdf(document.getFileName(), documents.readingCopy(file, document, disclosureFor(staff)));
  }

  @GetMapping("/cases/{caseNumber}/persuasion-record.pdf")
  ResponseEntity<byte[]> persuasionRecord(@PathVariable String caseNumber, Staff staff) {
    CaseFile file = caseFile(caseNumber, staff, "PERSUASION_RECORD");
    return pdf(caseNumber + "-" + DocumentKind.PERSUASION_RECORD.title() + ".pdf", documents.persuasionRecord(file, disclosureFor(staff)));
  }

  private static Disclosure disclosureFor(Staff staff) {
    return PersonalDataPolicy.disclosureFor(staff.groupIds());
  }

  /** The case, if the user's jurisdiction covers it; the read of its personal data is logged. */
  private CaseFile caseFile(String caseNumber, Staff staff, String view) {
    CaseFile file = caseQueries.caseFile(caseNumber, staff.jurisdiction())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "案件不存在或不在您的管辖范围内"));
    events.publishEvent(new PersonalDataViewed(
        file.dropoutCase().getStudent().getId(), file.dropoutCase().getId(), staff.userId(), view));
    return file;
  }

  private static ResponseEntity<byte[]> pdf(String fileName, byte[] content) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .body(content);
  }
}
