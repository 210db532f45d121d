package cn.baoxue.web;

import cn.baoxue.cases.InvalidCaseInputException;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Baoxue's JSON APIs answer a refusal (404, 403, 400) with its Chinese reason in {@code message};
 * Spring Boot's error page would drop the reason.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> refused(ResponseStatusException e) {
    return ResponseEntity.status(e.getStatusCode())
        .body(Map.of("message", e.getReason() == null ? "请求无法处理" : e.getReason()));
  }

  /** Input a case step cannot take: 400 with every problem. */
  @ExceptionHandler(InvalidCaseInputException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidCaseInputException e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage(), "problems", e.problems()));
  }
}
