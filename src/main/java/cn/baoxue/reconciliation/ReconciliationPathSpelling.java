package cn.baoxue.reconciliation;

import cn.baoxue.web.CanonicalPath;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The reconciliation API answers its paths only as they are documented — {@code /api/reconciliations}
 * and {@code /api/reconciliations/<digits>} ({@link CanonicalPath}).
 */
@Configuration
class ReconciliationPathSpelling implements WebMvcConfigurer {

  private static final Pattern CANONICAL = Pattern.compile("/api/reconciliations(/[0-9]{1,18})?");

  private final ObjectMapper json;

  ReconciliationPathSpelling(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new CanonicalPath(json, CANONICAL, "请求地址的写法不规范，请使用 /api/reconciliations"))
        .addPathPatterns("/api/reconciliations", "/api/reconciliations/**");
  }
}
