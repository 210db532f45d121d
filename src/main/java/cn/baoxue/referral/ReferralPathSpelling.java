package cn.baoxue.referral;

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
 * The referral doors (the API's and the pages') answer their paths only as they are documented — {@code /api/referrals},
 * {@code /api/referrals/<digits>}, {@code /api/referrals/<digits>/answer|close|evidence} and {@code
 * /api/cases/<case number>/referrals}: no percent-encoding, matrix parameter, empty or dot segment,
 * trailing slash or other case. A spelling the container would decode to the same path is refused
 * with 400 before the handler runs, so a filter or proxy reading the raw path never sees one door
 * and reaches another.
 */
@Configuration
class ReferralPathSpelling implements WebMvcConfigurer, HandlerInterceptor {

  private static final Pattern CANONICAL =
      Pattern.compile("(/api)?/referrals(/[0-9]{1,18}(/answer|/close|/evidence)?)?|(/api)?/cases/[A-Za-z0-9-]{1,32}/referrals");

  private final ObjectMapper json;

  ReferralPathSpelling(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/referrals", "/api/referrals/**", "/api/cases/*/referrals",
        "/referrals", "/referrals/**", "/cases/*/referrals");
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
        ErrorShape.asMap(ErrorShape.of(HttpStatus.BAD_REQUEST, "请求地址的写法不规范，请使用 /api/referrals")));
    return false;
  }
}
