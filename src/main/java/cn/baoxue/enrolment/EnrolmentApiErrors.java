package cn.baoxue.enrolment;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The enrolment API's 400: the shape of {@code web.ApiErrors} ({@code message}, {@code problems})
 * plus {@code fields}, the reasons by field key. Ahead of ApiErrors, for these controllers only.
 */
@RestControllerAdvice(assignableTypes = {EnrolmentChangeApiController.class, TransferApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class EnrolmentApiErrors {

  @ExceptionHandler(InvalidEnrolmentInput.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidEnrolmentInput e) {
    return ResponseEntity.badRequest()
        .body(Map.of("message", e.getMessage(), "problems", e.problems(), "fields", e.fields()));
  }
}
