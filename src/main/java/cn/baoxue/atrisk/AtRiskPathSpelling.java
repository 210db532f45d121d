package cn.baoxue.atrisk;

import cn.baoxue.web.CanonicalPath;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The register's API answers its paths only as documented ({@link CanonicalPath}). */
@Configuration
class AtRiskPathSpelling implements WebMvcConfigurer {

  private static final Pattern CANONICAL = Pattern.compile("/api/at-risk/(assessments|observations|grades(/template)?"
      + "|flags(/[1-9][0-9]{0,17}(/(confirm|dismiss))?)?|plans(/[1-9][0-9]{0,17})?)");

  private final ObjectMapper json;

  AtRiskPathSpelling(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new CanonicalPath(json, CANONICAL, "请求地址的写法不规范，请使用 /api/at-risk/…"))
        .addPathPatterns("/api/at-risk", "/api/at-risk/**");
  }
}
