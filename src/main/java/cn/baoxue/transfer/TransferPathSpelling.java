package cn.baoxue.transfer;

import cn.baoxue.web.CanonicalPath;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The 跨县移交 and 协查函 doors answer their paths only as documented — {@code
 * /api/cases/<case number>/transfer}, {@code …/transfers}, {@code …/assistance-letter} ({@link
 * CanonicalPath}).
 */
@Configuration
class TransferPathSpelling implements WebMvcConfigurer {

  private static final Pattern CANONICAL = Pattern.compile("/api/cases/[0-9A-Za-z-]{1,40}/(transfer|transfers|assistance-letter)");

  private final ObjectMapper json;

  TransferPathSpelling(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new CanonicalPath(json, CANONICAL, "请求地址的写法不规范，请使用 /api/cases/{案件编号}/transfer"))
        .addPathPatterns("/api/cases/*/transfer", "/api/cases/*/transfers", "/api/cases/*/assistance-letter");
  }
}
