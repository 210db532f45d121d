package cn.baoxue.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} is refused before any controller
 * is chosen, so this advice applies to every request: 413 with the limit in Chinese, instead of
 * Spring Boot's English error page. A multipart body that cannot be parsed at all answers 400.
 */
@RestControllerAdvice
class UploadLimits {

  private final String maxFileSize;

  UploadLimits(@Value("${spring.servlet.multipart.max-file-size:1MB}") String maxFileSize) {
    this.maxFileSize = maxFileSize;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
    return refusal(request, HttpStatus.PAYLOAD_TOO_LARGE, "上传的文件过大：单个文件不能超过" + maxFileSize + "，请分批上传");
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> unreadable(MultipartException e, HttpServletRequest request) {
    return refusal(request, HttpStatus.BAD_REQUEST, "上传的内容无法读取，请重新选择文件上传");
  }

  /**
   * A refused upload (say 401, not logged in) reaches Spring's error page with its multipart body
   * unread, and reading it there fails again: the first refusal stands.
   */
  private static ResponseEntity<Map<String, Object>> refusal(HttpServletRequest request, HttpStatus status, String message) {
    if (request.getDispatcherType() == DispatcherType.ERROR
        && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer original) {
      return ResponseEntity.status(original).build();
    }
    return ResponseEntity.status(status).body(Map.of("accepted", false, "message", message));
  }
}
