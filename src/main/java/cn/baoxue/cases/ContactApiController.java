package cn.baoxue.cases;

import cn.baoxue.cases.ContactLogService.ContactInput;
import cn.baoxue.kernel.identity.Staff;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/cases/{caseNumber}/contacts}: the helpers' contact log of one case. */
@RestController
@RequestMapping("/api/cases/{caseNumber}/contacts")
class ContactApiController {

  private final ContactLogService contacts;

  ContactApiController(ContactLogService contacts) {
    this.contacts = contacts;
  }

  /** The JSON body; the amount may come as a number or as text. */
  record ContactBody(String type, String date, String notes, Object amountYuan) {}

  @PostMapping
  ResponseEntity<ContactView> record(@PathVariable String caseNumber, @RequestBody ContactBody body, Staff staff) {
    ContactLog log =
        contacts.record(
            caseNumber,
            new ContactInput(body.type(), body.date(), body.notes(), body.amountYuan() == null ? null : String.valueOf(body.amountYuan())),
            staff);
    return ResponseEntity.status(HttpStatus.CREATED).body(ContactView.of(log));
  }

  @GetMapping
  List<ContactView> list(@PathVariable String caseNumber, Staff staff) {
    return contacts.contactsOf(contacts.requireMayRecord(caseNumber, staff)).stream().map(ContactView::of).toList();
  }

  record ContactView(
      Long id, String type, String typeLabel, LocalDate date, String notes, BigDecimal amountYuan, String recordedBy,
      LocalDateTime recordedAt) {

    static ContactView of(ContactLog log) {
      return new ContactView(
          log.getId(), log.getType().name(), log.getType().label(), log.getDate(), log.getNotes(), log.getAmountYuan(),
          log.getRecordedBy(), log.getRecordedAt());
    }
  }
}
