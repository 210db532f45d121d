package cn.baoxue.transfer;

import cn.baoxue.kernel.validation.ErrorShape;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The 跨县移交 doors answer their paths only as documented — {@code /api/cases/<case number>/transfer},
 * {@code …/assistance-letter}, {@code …/transfers}: no percent-encoding, matrix parameter, empty or
 * dot segment, trailing slash or other case. A spelling the container would decode to the same door
 * is refused with 400 before the handler runs.
 */
@Configuration
class TransferPathSpelling implements WebMvcConfigurer, HandlerInterceptor {

  private static final Pattern CANONICAL = Pattern.compile("/api/cases/[0-9A-Za-z-]{1,40}/(transfer|transfers|assistance-letter)");

  private final ObjectMapper json;

  TransferPathSpelling(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/cases/*/transfer", "/api/cases/*/transfers", "/api/cases/*/assistance-letter");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
    if (CANONICAL.matcher(request.getRequestURI()).matches()) {
      return true;
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setCharacterEncoding("UTF-8");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(),
        ErrorShape.asMap(ErrorShape.of(HttpStatus.BAD_REQUEST, "请求地址的写法不规范，请使用 /api/cases/{案件编号}/transfer")));
    return false;
  }
}
