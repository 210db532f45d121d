package cn.baoxue.web;

import cn.baoxue.kernel.validation.ErrorShape;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.kernel.validation.Problem;
import java.util.List;
import org.springframework.http.HttpStatus;
import java.util.Map;
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
 * Baoxue's JSON APIs answer a refusal (404, 403, 400) in the one error shape ({@link ErrorShape}:
 * a problem detail with the Chinese reason, and the field of each problem); Spring Boot's error
 * page would drop the reason. Requests Spring cannot even read (no JSON, a wrong type, a missing
 * parameter) get a Chinese reason too, never the parser's own text.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> refused(ResponseStatusException e) {
    return ErrorShape.response(ErrorShape.of(e.getStatusCode(), e.getReason() == null ? "请求无法处理" : e.getReason()));
  }

  /** A body that is not JSON, or a field of the wrong type: Jackson's own text names Java classes. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ErrorShape.response(ErrorShape.of(HttpStatus.BAD_REQUEST, "请求内容无法读取：不是有效的 JSON，或某个字段的类型不对"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> mistyped(MethodArgumentTypeMismatchException e) {
    return ErrorShape.response(ErrorShape.of(HttpStatus.BAD_REQUEST, "参数“" + e.getName() + "”的格式不对",
        List.of(new Problem(e.getName(), "参数“" + e.getName() + "”的格式不对"))));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
    return ErrorShape.response(ErrorShape.of(HttpStatus.BAD_REQUEST, "缺少参数“" + e.getParameterName() + "”",
        List.of(new Problem(e.getParameterName(), "缺少参数“" + e.getParameterName() + "”"))));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> unsupported(HttpMediaTypeNotSupportedException e) {
    return ErrorShape.response(ErrorShape.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持该请求内容类型，请以 JSON 提交"));
  }

  /** Input a case step cannot take: 400 with every problem. */
  @ExceptionHandler(InvalidCaseInputException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidCaseInputException e) {
    return ErrorShape.response(e.toProblemDetail());
  }
}
