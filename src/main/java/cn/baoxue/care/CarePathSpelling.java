package cn.baoxue.care;

import cn.baoxue.web.CanonicalPath;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The 结对关爱 API answers its paths only as documented ({@link CanonicalPath}). */
@Configuration
class CarePathSpelling implements WebMvcConfigurer {

  private static final Pattern CANONICAL = Pattern.compile("/api/care/pairings(/[1-9][0-9]{0,17}(/contacts)?)?");

  private final ObjectMapper json;

  CarePathSpelling(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new CanonicalPath(json, CANONICAL, "请求地址的写法不规范，请使用 /api/care/pairings"))
        .addPathPatterns("/api/care", "/api/care/**");
  }
}
