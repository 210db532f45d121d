package cn.baoxue.enrolment;

import cn.baoxue.kernel.identity.Staff;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 转学申请 through Baoxue's API: the receiving school asks, the sending school (or its township or
 * county) consents or refuses, each side lists what concerns it. See {@link TransferRequests}.
 */
@RestController
class TransferApiController {

  private final TransferRequests transfers;

  TransferApiController(TransferRequests transfers) {
    this.transfers = transfers;
  }

  /** Body: {"idNumber": "530627…", "toSchoolCode": "5306270002", "date": "2026-11-20", "reason": "…"}. */
  @PostMapping("/api/students/transfers")
  @ResponseStatus(HttpStatus.ACCEPTED)
  TransferRequests.Receipt request(@RequestBody TransferRequests.Ask ask, Staff staff) {
    return transfers.request(ask, staff);
  }

  /** {"requested": the caller's schools' requests, "awaiting": requests for pupils of schools she decides for}. */
  @GetMapping("/api/students/transfers")
  Map<String, List<?>> list(Staff staff) {
    return Map.of("requested", transfers.requested(staff), "awaiting", transfers.awaiting(staff));
  }

  @PostMapping("/api/students/transfers/{id}/consent")
  TransferRequests.Receipt consent(@PathVariable long id, Staff staff) {
    return transfers.consent(id, staff);
  }

  /** Body: {"reason": "…"}, required. */
  @PostMapping("/api/students/transfers/{id}/refuse")
  TransferRequests.Receipt refuse(@PathVariable long id, @RequestBody(required = false) Refusal refusal,
      Staff staff) {
    return transfers.refuse(id, refusal == null ? null : refusal.reason(), staff);
  }

  @PostMapping("/api/students/transfers/{id}/withdraw")
  TransferRequests.Receipt withdraw(@PathVariable long id, Staff staff) {
    return transfers.withdraw(id, staff);
  }

  record Refusal(String reason) {}
}
