package cn.baoxue.reporting;

import cn.baoxue.web.CanonicalPath;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The report doors answer their paths only as documented — {@code /api/unit-reports}, {@code
 * /api/unit-reports/<digits>}, {@code /api/unit-reports/<digits>/official.pdf|official.xlsx}, and
 * the page {@code /unit-reports} ({@link CanonicalPath}).
 */
@Configuration
class UnitReportPathSpelling implements WebMvcConfigurer {

  private static final Pattern CANONICAL =
      Pattern.compile("/api/unit-reports(/[1-9][0-9]{0,17}(/official\\.pdf|/official\\.xlsx|/consistency)?)?|/unit-reports(/[1-9][0-9]{0,17}/consistency)?");

  private final ObjectMapper json;

  UnitReportPathSpelling(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new CanonicalPath(json, CANONICAL, "请求地址的写法不规范，请使用 /api/unit-reports"))
        .addPathPatterns("/api/unit-reports", "/api/unit-reports/**", "/unit-reports", "/unit-reports/**");
  }
}
