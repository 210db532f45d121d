package cn.baoxue.referral;

import cn.baoxue.web.CanonicalPath;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The referral doors, the API's and the pages', answer their paths only as documented — {@code
 * /api/referrals}, {@code /api/referrals/<digits>}, {@code /api/referrals/<digits>/answer|close|evidence}
 * and {@code /api/cases/<case number>/referrals}, and the same without {@code /api} for the pages
 * ({@link CanonicalPath}).
 */
@Configuration
class ReferralPathSpelling implements WebMvcConfigurer {

  private static final Pattern CANONICAL =
      Pattern.compile("(/api)?/referrals(/[0-9]{1,18}(/answer|/close|/evidence)?)?|(/api)?/cases/[A-Za-z0-9-]{1,32}/referrals");

  private final ObjectMapper json;

  ReferralPathSpelling(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new CanonicalPath(json, CANONICAL, "请求地址的写法不规范，请使用 /api/referrals"))
        .addPathPatterns("/api/referrals", "/api/referrals/**", "/api/cases/*/referrals", "/referrals", "/referrals/**",
            "/cases/*/referrals");
  }
}
