package cn.baoxue.enrolment;

import cn.baoxue.kernel.identity.Staff;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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
  TransferRequests.Receipt request(@RequestBody TransferRequests.Ask ask, Authentication user) {
    return transfers.request(ask, Staff.of(user));
  }

  /** {"requested": the caller's schools' requests, "awaiting": requests for pupils of schools she decides for}. */
  @GetMapping("/api/students/transfers")
  Map<String, List<?>> list(Authentication user) {
    Staff staff = Staff.of(user);
    return Map.of("requested", transfers.requested(staff), "awaiting", transfers.awaiting(staff));
  }

  @PostMapping("/api/students/transfers/{id}/consent")
  TransferRequests.Receipt consent(@PathVariable long id, Authentication user) {
    return transfers.consent(id, Staff.of(user));
  }

  /** Body: {"reason": "…"}, required. */
  @PostMapping("/api/students/transfers/{id}/refuse")
  TransferRequests.Receipt refuse(@PathVariable long id, @RequestBody(required = false) Refusal refusal,
      Authentication user) {
    return transfers.refuse(id, refusal == null ? null : refusal.reason(), Staff.of(user));
  }

  @PostMapping("/api/students/transfers/{id}/withdraw")
  TransferRequests.Receipt withdraw(@PathVariable long id, Authentication user) {
    return transfers.withdraw(id, Staff.of(user));
  }

  record Refusal(String reason) {}
}
