package cn.baoxue.notifications;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The notification doors answer only to their one spelling, as the engine's allowlist does: the
 * servlet container and Spring decode {@code %72ead} to {@code read} and {@code 01} to the id 1, so
 * the path as the client sent it is compared with the path the door stands for.
 */
final class CanonicalPath {

  static final String REFUSAL = "请求路径的写法不规范";

  private CanonicalPath() {}

  static void require(HttpServletRequest request, String canonical) {
    if (!(request.getContextPath() + canonical).equals(request.getRequestURI())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, REFUSAL);
    }
  }
}
