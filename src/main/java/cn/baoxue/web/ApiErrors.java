package cn.baoxue.web;

import cn.baoxue.kernel.validation.InvalidCaseInputException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Baoxue's JSON APIs answer a refusal (404, 403, 400) with its Chinese reason in {@code message};
 * Spring Boot's error page would drop the reason. Requests Spring cannot even read (no JSON, a
 * wrong type, a missing parameter) get a Chinese reason too, never the parser's own text.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> refused(ResponseStatusException e) {
    return ResponseEntity.status(e.getStatusCode())
        .body(Map.of("message", e.getReason() == null ? "请求无法处理" : e.getReason()));
  }

  /** A body that is not JSON, or a field of the wrong type: Jackson's own text names Java classes. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(Map.of("message", "请求内容无法读取：不是有效的 JSON，或某个字段的类型不对"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> mistyped(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest().body(Map.of("message", "参数“" + e.getName() + "”的格式不对"));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
    return ResponseEntity.badRequest().body(Map.of("message", "缺少参数“" + e.getParameterName() + "”"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> unsupported(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(Map.of("message", "不支持该请求内容类型，请以 JSON 提交"));
  }

  /** Input a case step cannot take: 400 with every problem. */
  @ExceptionHandler(InvalidCaseInputException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidCaseInputException e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage(), "problems", e.problems()));
  }
}
