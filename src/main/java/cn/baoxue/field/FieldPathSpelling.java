package cn.baoxue.field;

import cn.baoxue.kernel.validation.ErrorShape;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The field API answers its paths only as the app spells them: no percent-encoded character, no
 * matrix parameter, no empty or dot segment, no trailing slash. A spelling the servlet container
 * would decode to the same path is refused with 400 before the handler runs, so that a filter or
 * proxy in front that reads the raw path can never see one door and reach another.
 */
@Component
class FieldPathSpelling implements HandlerInterceptor {

  private final ObjectMapper json;

  FieldPathSpelling(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
    String raw = request.getRequestURI();
    if (raw.matches("/api/field(/[A-Za-z0-9-]+)+")) {
      return true;
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setCharacterEncoding("UTF-8");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(),
        ErrorShape.asMap(ErrorShape.of(HttpStatus.BAD_REQUEST, "请求地址的写法不规范，请使用保学外勤应用提交")));
    return false;
  }
}
