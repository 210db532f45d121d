package cn.baoxue.web;

import cn.baoxue.kernel.validation.ErrorShape;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * An API that answers its paths only as they are documented: no percent-encoding, matrix parameter,
 * empty or dot segment, trailing slash or other case. A spelling the container would decode to the
 * same path is refused with 400 in the one error shape before the handler runs, so a filter or proxy
 * reading the raw path never sees one door and reaches another. Each API registers one for its
 * paths with the pattern of its raw spelling.
 */
public class CanonicalPath implements HandlerInterceptor {

  private final ObjectMapper json;
  private final Pattern canonical;
  private final String message;

  public CanonicalPath(ObjectMapper json, Pattern canonical, String message) {
    this.json = json;
    this.canonical = canonical;
    this.message = message;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
    if (canonical.matcher(request.getRequestURI()).matches()) {
      return true;
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setCharacterEncoding("UTF-8");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), ErrorShape.asMap(ErrorShape.of(HttpStatus.BAD_REQUEST, message)));
    return false;
  }
}
