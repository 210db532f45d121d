package cn.baoxue.enrolment;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.Coded;
import cn.baoxue.kernel.identity.Staff;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/students/{idNumber}/changes}: a transfer out (学籍异动), or a request to take a pupil in. */
@RestController
class EnrolmentChangeApiController {

  private final EnrolmentChanges changes;
  private final TransferRequests transfers;

  EnrolmentChangeApiController(EnrolmentChanges changes, TransferRequests transfers) {
    this.changes = changes;
    this.transfers = transfers;
  }

  /**
   * Body: {"type": "TRANSFER_OUT", "date": "2026-11-20", "toSchoolCode": "5306270002", "otherSchool": null, "reason": "…"}.
   * {@code TRANSFER_IN} (转入) asks the pupil's school for her and answers 202 as
   * {@code POST /api/students/transfers} does; she moves only when her school consents.
   */
  @PostMapping("/api/students/{idNumber}/changes")
  ResponseEntity<?> record(@PathVariable String idNumber, @RequestBody EnrolmentChanges.Change change, Staff staff) {
    if (Coded.find(EnrolmentChangeType.class, change.type()).orElse(null) == EnrolmentChangeType.TRANSFER_IN) {
      var ask = new TransferRequests.Ask(idNumber, change.toSchoolCode(), change.date(), change.reason());
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(transfers.request(ask, staff));
    }
    changes.record(idNumber, change, staff.userId(), staff.jurisdiction());
    return ResponseEntity.ok(Map.of("message", "学籍异动已登记"));
  }
}
