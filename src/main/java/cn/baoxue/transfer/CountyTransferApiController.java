package cn.baoxue.transfer;

import cn.baoxue.kernel.identity.Staff;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 跨县移交 and 外地协查 for scripts and the case page: {@code POST /api/cases/{number}/transfer} with
 * {"toCounty", "reason"} hands the case to another county of the deployment (its bureau then
 * answers the task 接收跨县移交的案件 in Tasklist or through /engine-rest);
 * {@code POST /api/cases/{number}/assistance-letter} with {"toAuthority", "toPlace", "reason"}
 * issues a 协查函 to one outside it; {@code GET /api/cases/{number}/transfers} lists both.
 */
@RestController
class CountyTransferApiController {

  private final CountyTransfers transfers;

  CountyTransferApiController(CountyTransfers transfers) {
    this.transfers = transfers;
  }

  @PostMapping("/api/cases/{caseNumber}/transfer")
  CountyTransfers.Requested transfer(@PathVariable String caseNumber, @RequestBody Map<String, Object> body, Staff staff) {
    return transfers.request(caseNumber, body, staff);
  }

  @PostMapping("/api/cases/{caseNumber}/assistance-letter")
  CountyTransfers.Letter assistanceLetter(@PathVariable String caseNumber, @RequestBody Map<String, Object> body, Staff staff) {
    return transfers.issueAssistanceLetter(caseNumber, body, staff);
  }

  @GetMapping("/api/cases/{caseNumber}/transfers")
  List<CountyTransfers.View> transfers(@PathVariable String caseNumber, Staff staff) {
    return transfers.of(caseNumber, staff);
  }
}
