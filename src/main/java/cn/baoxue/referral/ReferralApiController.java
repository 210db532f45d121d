package cn.baoxue.referral;

import cn.baoxue.kernel.identity.Staff;
import java.util.List;
import java.util.Map;
import cn.baoxue.evidence.EvidenceItem;
import cn.baoxue.evidence.EvidenceUpload;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MultipartHttpServletRequest;
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

  /** 佐证材料 of what the department did (multipart: file, and optionally capturedAt, latitude, longitude, clientId, kind). */
  @PostMapping(path = "/api/referrals/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> evidence(@PathVariable Long id, MultipartHttpServletRequest request, Staff staff) {
    EvidenceItem item = referrals.addEvidence(id, EvidenceUpload.read(null, request), staff);
    return Map.of("id", item.getId(), "fileName", item.getFileName(), "sha256", item.getSha256());
  }

  @PostMapping("/api/referrals/{id}/close")
  ReferralView close(@PathVariable Long id, @RequestBody Map<String, Object> body, Staff staff) {
    return referrals.close(id, body, staff);
  }
}
