package cn.baoxue.placement;

import cn.baoxue.web.CanonicalPath;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The placement API answers its paths only as documented ({@link CanonicalPath}). */
@Configuration
class PlacementPathSpelling implements WebMvcConfigurer {

  private static final Pattern CANONICAL =
      Pattern.compile("/api/placement/children(/[1-9][0-9]{0,17}(/assessment|/visits)?)?");

  private final ObjectMapper json;

  PlacementPathSpelling(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new CanonicalPath(json, CANONICAL, "请求地址的写法不规范，请使用 /api/placement/children"))
        .addPathPatterns("/api/placement", "/api/placement/**");
  }
}
