package cn.baoxue.referral;

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
 * 联控联保 for scripts and the pages. The case's side: {@code POST /api/cases/{number}/referrals}
 * ({"type", "department", "request", "workingDays"}) sends a referral, {@code GET} lists a case's
 * referrals with their answers. The department's side: {@code GET /api/referrals} (its referrals),
 * {@code GET /api/referrals/{id}} (one, with the child's facts while it is open), {@code POST
 * /api/referrals/{id}/answer} ({"decision": "ACCEPT"|"REJECT", "reason"}) and {@code POST
 * /api/referrals/{id}/close} ({"actionTaken"}).
 */
@RestController
class ReferralApiController {

  private final Referrals referrals;

  ReferralApiController(Referrals referrals) {
    this.referrals = referrals;
  }

  @PostMapping("/api/cases/{caseNumber}/referrals")
  @ResponseStatus(HttpStatus.CREATED)
  ReferralView send(@PathVariable String caseNumber, @RequestBody Map<String, Object> body, Staff staff) {
    return referrals.send(caseNumber, body, staff);
  }

  @GetMapping("/api/cases/{caseNumber}/referrals")
  List<ReferralView> ofCase(@PathVariable String caseNumber, Staff staff) {
    return referrals.ofCase(caseNumber, staff);
  }

  @GetMapping("/api/referrals")
  List<ReferralView> mine(Staff staff) {
    return referrals.forDepartment(staff);
  }

  @GetMapping("/api/referrals/{id}")
  ReferralView one(@PathVariable Long id, Staff staff) {
    return referrals.read(id, staff);
  }

  @PostMapping("/api/referrals/{id}/answer")
  ReferralView answer(@PathVariable Long id, @RequestBody Map<String, Object> body, Staff staff) {
    return referrals.answer(id, body, staff);
  }

  @PostMapping("/api/referrals/{id}/close")
  ReferralView close(@PathVariable Long id, @RequestBody Map<String, Object> body, Staff staff) {
    return referrals.close(id, body, staff);
  }
}
