package cn.baoxue.enrolment;

import cn.baoxue.kernel.identity.Staff;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/students/{idNumber}/changes}: a transfer in or out (学籍异动). */
@RestController
class EnrolmentChangeApiController {

  private final EnrolmentChanges changes;

  EnrolmentChangeApiController(EnrolmentChanges changes) {
    this.changes = changes;
  }

  /** Body: {"type": "TRANSFER_OUT", "date": "2026-11-20", "toSchoolCode": "5306270002", "otherSchool": null, "reason": "…"} */
  @PostMapping("/api/students/{idNumber}/changes")
  Map<String, String> record(@PathVariable String idNumber, @RequestBody EnrolmentChanges.Change change, Authentication user) {
    Staff staff = Staff.of(user);
    changes.record(idNumber, change, staff.userId(), staff.jurisdiction());
    return Map.of("message", "学籍异动已登记");
  }
}
