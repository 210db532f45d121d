package cn.baoxue.handover;

import cn.baoxue.kernel.identity.Staff;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 工作交接 for scripts and the page: {@code GET /api/staff/{userId}/handover?successor=…} previews
 * what would move; {@code POST /api/staff/{userId}/handover} with {"successor": "…"} moves it.
 * {@code GET /api/caseload}: who holds what in the caller's jurisdiction.
 */
@RestController
class HandoverApiController {

  private final Handovers handovers;
  private final Caseloads caseloads;

  HandoverApiController(Handovers handovers, Caseloads caseloads) {
    this.handovers = handovers;
    this.caseloads = caseloads;
  }

  @GetMapping("/api/staff/{userId}/handover")
  Handovers.Plan preview(@PathVariable String userId, @RequestParam(required = false) String successor, Staff staff) {
    return handovers.preview(userId, successor, staff);
  }

  @PostMapping("/api/staff/{userId}/handover")
  Handovers.Outcome handOver(@PathVariable String userId, @RequestBody Map<String, Object> body, Staff staff) {
    return handovers.handOver(userId, body, staff);
  }

  @GetMapping("/api/caseload")
  Caseloads.Caseload caseload(Staff staff) {
    return caseloads.of(staff.jurisdiction());
  }
}
