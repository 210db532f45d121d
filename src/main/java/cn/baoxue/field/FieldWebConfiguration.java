package cn.baoxue.field;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The field API's own path check ({@link FieldPathSpelling}). */
@Configuration
class FieldWebConfiguration implements WebMvcConfigurer {

  private final FieldPathSpelling spelling;

  FieldWebConfiguration(FieldPathSpelling spelling) {
    this.spelling = spelling;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(spelling).addPathPatterns("/api/field/**");
  }
}
