package cn.baoxue.cases;

import cn.baoxue.kernel.identity.Staff;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/cases/{caseNumber}/id-number} {"idNumber": "…"}: the real 身份证号 of a child
 * registered without papers ({@link IdNumberRecording}). The door answers to its one spelling.
 */
@RestController
class IdNumberApiController {

  private final IdNumberRecording recording;

  IdNumberApiController(IdNumberRecording recording) {
    this.recording = recording;
  }

  @PostMapping("/api/cases/{caseNumber}/id-number")
  IdNumberRecording.Recorded record(@PathVariable String caseNumber, @RequestBody(required = false) Map<String, Object> body,
      Staff staff, HttpServletRequest request) {
    // The container decodes %2D, %64 and drops ;jsessionid before Spring matches: the path as sent must be the door's own.
    if (!(request.getContextPath() + "/api/cases/" + caseNumber + "/id-number").equals(request.getRequestURI())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请求路径的写法不规范");
    }
    return recording.record(caseNumber, body, staff);
  }
}
